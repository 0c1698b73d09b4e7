import { beforeAll, expect, it } from 'vitest';
import { digestTables } from './test/databases.ts';
import { KEYS, WorkflowClient, describeEachDatabase, type Http, type Reply } from './test/harness.ts';
import { apiRoutes, objectRoutes, type DemoIds, type RouteCall } from './test/routes.ts';

function call(http: Http, route: RouteCall): Promise<Reply> {
  if (route.method === 'GET') return http.get(route.url);
  if (route.method === 'DELETE') return http.delete(route.url);
  return http.post(route.url, route.body);
}

function expectProblem(reply: Reply, status: number) {
  expect(reply.status, `${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`).toBe(status);
  expect(reply.contentType).toContain('application/problem+json');
  expect(reply.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
}

describeEachDatabase('authentication and tenancy', (suite) => {
  let ids: DemoIds;
  beforeAll(async () => {
    const wf = new WorkflowClient(suite().http);
    await wf.start([{ type: 'way.select', way: 'serial' }]);
    // ord-1007 is a draft update order of ser-nw-1: cancelling it would succeed, so a 404 means isolation.
    ids = { customerId: 'cus-northwind', orderId: 'ord-1007', serialId: 'ser-nw-1', workflowId: wf.view.id, workflowVersion: wf.view.version };
  });

  it('covers every /api route of the OpenAPI document', async () => {
    const document = (await suite().http.get('/docs/json')).body;
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(apiRoutes(ids).map((r) => r.route).sort()).toEqual(documented.sort());
  });

  it('answers 401 on every route without a key, with an unknown key, or with a malformed header', async () => {
    const before = await digestTables(suite().db);
    for (const route of apiRoutes(ids)) {
      expectProblem(await call(suite().as(null), route), 401);
      expectProblem(await call(suite().as('no-such-key'), route), 401);
      const malformed = await suite().as(null).raw({ method: route.method, url: route.url, headers: { authorization: 'Basic ZGVtby1vcGVyYXRvcjo=' } });
      expectProblem(malformed, 401);
      expect(malformed.headers['www-authenticate']).toBe('Bearer');
    }
    expect(await digestTables(suite().db)).toEqual(before);
  });

  it('lets a viewer read every route and refuses each write with 403', async () => {
    const before = await digestTables(suite().db);
    for (const route of apiRoutes(ids)) {
      const reply = await call(suite().as(KEYS.viewer), route);
      if (route.write) expectProblem(reply, 403);
      else expect(reply.status, route.route).toBe(200);
    }
    expect(await digestTables(suite().db)).toEqual(before);
  });

  it('answers 404 to the rival tenant for every object of the demo tenant, on every route', async () => {
    const before = await digestTables(suite().db);
    for (const route of objectRoutes(ids)) expectProblem(await call(suite().as(KEYS.rival), route), 404);
    expect(await digestTables(suite().db)).toEqual(before);
  });

  it('shows the rival tenant only its own rows in every list', async () => {
    const rival = suite().as(KEYS.rival);
    expect((await rival.get('/api/customers')).body.items.map((c: { id: string }) => c.id)).toEqual(['cus-rival-1']);
    expect((await rival.get('/api/orders')).body.items.map((o: { id: string }) => o.id)).toEqual(['ord-rival-1']);
    expect((await rival.get('/api/products')).body.items.map((p: { id: string }) => p.id)).toEqual(['prd-rival-tps']);
    expect((await rival.get('/api/serials?query=LvHdHH')).body.items).toEqual([]);
    expect((await rival.get('/api/serials?query=Rv1Rv1')).body.items.map((s: { id: string }) => s.id)).toEqual(['ser-rival-1']);
    expect((await rival.get('/api/update-orders')).body.items.map((w: { id: string }) => w.id)).not.toContain(ids.workflowId);
  });

  it('keeps the rival\'s workflows out of the demo tenant\'s data too', async () => {
    const wf = new WorkflowClient(suite().as(KEYS.rival));
    await wf.start([{ type: 'way.select', way: 'serial' }, { type: 'serial.input', text: 'LvHdHH-Ux1VmY-pGKq1y-NEE4pp-8iAAgP' }, { type: 'serial.search' }]);
    expect(wf.context.serialResults).toEqual([]);
    expect(wf.context.errors).toEqual({ serial: 'No serial number matches' });
    const byOrder = await suite().as(KEYS.rival).post('/api/update-orders', { events: [{ type: 'way.select', way: 'order' }, { type: 'order.open', orderId: 'ord-1001' }] });
    expect(byOrder.status).toBe(422);
    expect(byOrder.body.eventIndex).toBe(1);
    expect(byOrder.body.view.context.orders.map((o: { id: string }) => o.id)).toEqual(['ord-rival-1']);
    expectProblem(await suite().http.get(`/api/update-orders/${wf.view.id}`), 404);
  });
});
