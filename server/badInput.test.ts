import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { OPERATOR_EVENT_TYPES, OperatorEvent } from '../machines/index.ts';
import { BODY_LIMIT } from './app.ts';
import { CancelQuery, NoBody, SendEventsBody, StartWorkflowBody } from './schemas.ts';
import { digestTables } from './test/databases.ts';
import { WorkflowClient, describeEachDatabase, type Reply, type Suite } from './test/harness.ts';

// Whatever a client sends to a write route, a bad request is a 4xx problem document and the database is
// exactly as before (row counts and a content hash of every table).

const RUNS = 20;

interface WriteRoute {
  name: string;
  method: 'POST' | 'DELETE';
  url: (ids: Ids) => string;
  /** Whether the service would accept this body (the property only sends bodies it must refuse). */
  accepts: (body: unknown) => boolean;
}

interface Ids {
  workflowId: string;
  version: number;
}

const WRITE_ROUTES: WriteRoute[] = [
  { name: 'POST /api/update-orders', method: 'POST', url: () => '/api/update-orders', accepts: (b) => StartWorkflowBody.safeParse(b).success },
  { name: 'POST /api/update-orders/:id/events', method: 'POST', url: (i) => `/api/update-orders/${i.workflowId}/events`, accepts: (b) => SendEventsBody.safeParse(b).success },
  { name: 'DELETE /api/update-orders/:id', method: 'DELETE', url: (i) => `/api/update-orders/${i.workflowId}`, accepts: (b) => NoBody.safeParse(b).success },
  { name: 'POST /api/orders/:orderId/cancel', method: 'POST', url: () => '/api/orders/ord-1007/cancel', accepts: (b) => NoBody.safeParse(b).success },
  { name: 'POST /api/serials/:serialId/obtain', method: 'POST', url: () => '/api/serials/ser-nw-1/obtain', accepts: (b) => NoBody.safeParse(b).success },
];

/** Routes with an id in the path, with the id left to the property. */
const ID_ROUTES: { name: string; method: 'POST' | 'DELETE'; url: (id: string) => string; body?: unknown }[] = [
  { name: 'events', method: 'POST', url: (id) => `/api/update-orders/${id}/events`, body: { expectedVersion: 1, events: [{ type: 'way.select', way: 'serial' }] } },
  { name: 'cancel workflow', method: 'DELETE', url: (id) => `/api/update-orders/${id}` },
  { name: 'cancel order', method: 'POST', url: (id) => `/api/orders/${id}/cancel` },
  { name: 'obtain', method: 'POST', url: (id) => `/api/serials/${id}/obtain` },
];

function expectClientProblem(reply: Reply, context: string) {
  expect(reply.status, `${context} → ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(reply.status, context).toBeLessThan(500);
  expect(reply.contentType, context).toContain('application/problem+json');
  expect(reply.body, context).toMatchObject({ type: expect.any(String), title: expect.any(String), status: reply.status, detail: expect.any(String) });
}

async function send(suite: Suite, method: 'POST' | 'DELETE', url: string, payload: string | undefined, headers: Record<string, string> = {}): Promise<Reply> {
  return suite.http.raw({ method, url, ...(payload !== undefined ? { payload } : {}), headers: { ...(payload !== undefined ? { 'content-type': 'application/json' } : {}), ...headers } });
}

/** Runs a property and checks that the database did not change over all its runs. */
// The properties differ in their generated values; this helper only runs them.
async function leavesDatabaseUnchanged(suite: Suite, property: fc.IAsyncProperty<any>) {
  const before = await digestTables(suite.db);
  await fc.assert(property, { numRuns: RUNS });
  expect(await digestTables(suite.db)).toEqual(before);
}

/** Any JSON, and objects that look a little like the real bodies. */
const bodies = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({ expectedVersion: fc.oneof(fc.integer(), fc.string(), fc.double(), fc.constant(null)), events: fc.jsonValue({ maxDepth: 3 }) }, { requiredKeys: [] }),
  fc.record({ events: fc.array(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })), { maxLength: 3 }) }),
);

/** An event of a real type (or none) whose payload OperatorEvent refuses. */
const malformedEvent = fc
  .record({ type: fc.oneof(fc.constantFrom(...OPERATOR_EVENT_TYPES), fc.string()), extra: fc.dictionary(fc.string({ minLength: 1 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }) })
  .map(({ type, extra }) => ({ ...extra, type }))
  .filter((event) => !OperatorEvent.safeParse(event).success)
  // A prototype key makes the JSON parser refuse the whole body (tested below), so it names no event index.
  .filter((event) => !/"(__proto__|constructor)"/.test(JSON.stringify(event)));

const fine = [{ type: 'serial.input', text: 'fine' }, { type: 'nav.back' }];

describeEachDatabase('bad input', (suite) => {
  let ids: Ids;
  beforeAll(async () => {
    const wf = new WorkflowClient(suite().http);
    await wf.start([{ type: 'way.select', way: 'serial' }]);
    ids = { workflowId: wf.view.id, version: wf.view.version };
  });

  for (const route of WRITE_ROUTES) {
    it(`${route.name}: any body it does not accept is a 4xx problem and changes nothing`, async () => {
      await leavesDatabaseUnchanged(
        suite(),
        fc.asyncProperty(bodies, async (body) => {
          fc.pre(!route.accepts(body));
          expectClientProblem(await send(suite(), route.method, route.url(ids), JSON.stringify(body)), `${route.name} ${JSON.stringify(body)}`);
        }),
      );
    });
  }

  it('events: one malformed event anywhere in a batch refuses the whole batch with 400', async () => {
    await leavesDatabaseUnchanged(
      suite(),
      fc.asyncProperty(malformedEvent, fc.nat(fine.length), async (bad, at) => {
        const events = [...fine.slice(0, at), bad, ...fine.slice(at)];
        const reply = await send(suite(), 'POST', `/api/update-orders/${ids.workflowId}/events`, JSON.stringify({ expectedVersion: ids.version, events }));
        expectClientProblem(reply, JSON.stringify(bad));
        expect(reply.status).toBe(400);
        expect(reply.body.errors.some((e: { path: string }) => e.path.startsWith(`body.events.${at}`))).toBe(true);
      }),
    );
  });

  for (const route of ID_ROUTES) {
    it(`${route.name}: any id that names nothing of the tenant is a 4xx problem`, async () => {
      await leavesDatabaseUnchanged(
        suite(),
        fc.asyncProperty(fc.string({ minLength: 1, maxLength: 300, unit: fc.constantFrom('a', '-', '%', '/', '.', 'é', '😀', ' ', '?', '#', '1', 'ord-1007', 'ser-nw-1') }), async (id) => {
          fc.pre(id !== ids.workflowId && !['ord-1007', 'ser-nw-1'].includes(id));
          const payload = route.body === undefined ? undefined : JSON.stringify(route.body);
          expectClientProblem(await send(suite(), route.method, route.url(encodeURIComponent(id)), payload), `${route.name} ${JSON.stringify(id)}`);
        }),
      );
    });
  }

  it('DELETE: an expectedVersion that is not a version is a 400', async () => {
    await leavesDatabaseUnchanged(
      suite(),
      fc.asyncProperty(fc.string({ maxLength: 20 }), async (version) => {
        fc.pre(!CancelQuery.safeParse({ expectedVersion: version }).success);
        const reply = await send(suite(), 'DELETE', `/api/update-orders/${ids.workflowId}?expectedVersion=${encodeURIComponent(version)}`, undefined);
        expectClientProblem(reply, JSON.stringify(version));
        expect(reply.status).toBe(400);
      }),
    );
  });

  it('an Idempotency-Key that is not 1–255 visible ASCII characters is a 400', async () => {
    await leavesDatabaseUnchanged(
      suite(),
      fc.asyncProperty(fc.oneof(fc.string({ minLength: 256, maxLength: 300 }), fc.string({ minLength: 1, maxLength: 10, unit: fc.constantFrom(' ', '\t', 'é', 'x') })), async (key) => {
        fc.pre(!/^[\x21-\x7e]{1,255}$/.test(key));
        const reply = await send(suite(), 'POST', '/api/update-orders', JSON.stringify({}), { 'idempotency-key': key });
        expectClientProblem(reply, JSON.stringify(key));
      }),
    );
  });

  it('refuses a body over 1 MiB with 413 on every write route', async () => {
    const before = await digestTables(suite().db);
    const huge = JSON.stringify({ expectedVersion: ids.version, events: [{ type: 'comment.change', value: 'x'.repeat(BODY_LIMIT) }] });
    for (const route of WRITE_ROUTES) {
      const reply = await send(suite(), route.method, route.url(ids), huge);
      expectClientProblem(reply, route.name);
      expect(reply.status).toBe(413);
    }
    expect(await digestTables(suite().db)).toEqual(before);
  });

  it('refuses malformed JSON with 400 and a body that is not JSON with 415, on every write route', async () => {
    const before = await digestTables(suite().db);
    for (const route of WRITE_ROUTES) {
      const bad = await send(suite(), route.method, route.url(ids), '{"events": [');
      expectClientProblem(bad, route.name);
      expect(bad.status).toBe(400);
      const poisoned = await send(suite(), route.method, route.url(ids), '{"__proto__": {"admin": true}}');
      expectClientProblem(poisoned, route.name);
      const text = await suite().http.raw({ method: route.method, url: route.url(ids), payload: 'hello', headers: { 'content-type': 'text/plain' } });
      expectClientProblem(text, route.name);
      expect(text.status).toBe(415);
    }
    expect(await digestTables(suite().db)).toEqual(before);
  });

  it('answers unknown routes with a 404 problem', async () => {
    for (const url of ['/nope', '/api/nope', '/api/orders/ord-1001/explode', '/docs/nope/deeper']) {
      expectClientProblem(await suite().http.get(url), url);
      expectClientProblem(await send(suite(), 'POST', url, '{}'), url);
    }
  });

  it('refuses bad query parameters with 400 on the lists', async () => {
    for (const url of ['/api/customers?limit=0', '/api/customers?limit=101', '/api/orders?status=shipped', '/api/orders?limit=abc', '/api/serials', '/api/serials?query=LvHdH', '/api/customers?cursor=not-a-cursor', '/api/update-orders?status=done']) {
      const reply = await suite().http.get(url);
      expectClientProblem(reply, url);
      expect(reply.status, url).toBe(400);
    }
  });
});
