import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { MACHINE_VERSION, MESSAGES, type OperatorEvent } from '../machines/index.ts';
import { digestTables } from './test/databases.ts';
import { KEYS, TEST_NOW, WorkflowClient, clock, describeEachDatabase, type Suite } from './test/harness.ts';

const SERIAL_CO_1 = 'Mn3bVc-Xz2aSd-Fg1hJk-Lp0oIu-Yt9rEw';
const SERIAL_CO_2 = 'Aa1Bb2-Cc3Dd4-Ee5Ff6-Gg7Hh8-Ii9Jj0';

/** A workflow on the order form of a Contoso serial (ser-co-1 unless told), the serial way. */
async function onTheForm(suite: Suite, serial = SERIAL_CO_1): Promise<WorkflowClient> {
  const wf = new WorkflowClient(suite.http);
  await wf.start([{ type: 'way.select', way: 'serial' }, { type: 'serial.input', text: serial }, { type: 'serial.search' }, { type: 'serial.update' }]);
  expect(wf.view.state).toEqual({ orderForm: 'editing' });
  return wf;
}

async function ordersOfWorkflow(suite: Suite, workflowId: string) {
  return suite.db.selectFrom('orders').selectAll().where('workflow_id', '=', workflowId).execute();
}

describeEachDatabase('workflow requests', (suite) => {
  it('starts a workflow: 201, a Location, version 1 and the view of API.md', async () => {
    const reply = await suite().http.post('/api/update-orders', { events: [{ type: 'way.select', way: 'order' }] });
    expect(reply.status).toBe(201);
    expect(reply.headers.location).toBe(`/api/update-orders/${reply.body.id}`);
    const view = reply.body;
    expect(Object.keys(view).sort()).toEqual(['context', 'id', 'machineVersion', 'nextEvents', 'pending', 'state', 'status', 'tags', 'version']);
    expect(view).toMatchObject({ version: 1, machineVersion: MACHINE_VERSION, state: { orderSelection: 'list' }, status: 'active', pending: null, tags: ['step:order'] });
    expect(view.context).toMatchObject({ workflowId: view.id, today: '2026-12-04', way: 'order' });
    expect(view.context.orders.length).toBeGreaterThan(0);
    expect(view.nextEvents).toEqual(expect.arrayContaining(['order.open', 'orders.search', 'nav.back', 'wizard.cancel']));
    expect((await suite().http.get(`/api/update-orders/${view.id}`)).body).toEqual(view);
  });

  it('judges a draft resumed on a later day by that day: a period that has ended since cannot be reviewed', async () => {
    const wf = await onTheForm(suite());
    await wf.send({ type: 'period.setUnlimited', unlimited: false }, { type: 'period.setDates', from: '2026-12-04', to: '2026-12-05' });
    expect(wf.context.errors).toEqual({});
    clock.now = new Date('2026-12-07T09:00:00.000Z');
    try {
      const reply = await wf.post([{ type: 'order.review' }]);
      expect(reply.status).toBe(422);
      expect(reply.body.detail).toContain(MESSAGES.periodPast);
      await wf.send({ type: 'period.setDates', to: '2026-12-31' }, { type: 'order.review' });
      expect(wf.view.state).toBe('review');
      expect(wf.context.today).toBe('2026-12-07');
    } finally {
      clock.now = new Date(TEST_NOW);
    }
  });

  it('starts a workflow with no body at all', async () => {
    const reply = await suite().http.post('/api/update-orders');
    expect(reply.status).toBe(201);
    expect(reply.body.state).toBe('entrySelection');
  });

  it('refuses a stale expectedVersion with 409 and the current view, applying nothing', async () => {
    const wf = new WorkflowClient(suite().http);
    await wf.start([{ type: 'way.select', way: 'serial' }]);
    await wf.send({ type: 'serial.input', text: 'typed once' });
    const before = await digestTables(suite().db);
    const reply = await suite().http.post(`/api/update-orders/${wf.view.id}/events`, { expectedVersion: 1, events: [{ type: 'serial.input', text: 'typed twice' }] });
    expect(reply.status).toBe(409);
    expect(reply.contentType).toContain('application/problem+json');
    expect(reply.body).toMatchObject({ status: 409, title: 'Conflict', view: { id: wf.view.id, version: 2 } });
    expect(reply.body.view.context.serialText).toBe('typed once');
    expect(await digestTables(suite().db)).toEqual(before);
  });

  it('applies the events before a refused one, and names the refused event with 422', async () => {
    const wf = new WorkflowClient(suite().http);
    await wf.start([{ type: 'way.select', way: 'serial' }]);
    const reply = await wf.post([
      { type: 'serial.input', text: 'not a serial' },
      { type: 'serial.search' },
      { type: 'serial.input', text: 'never applied' },
    ]);
    expect(reply.status).toBe(422);
    expect(reply.contentType).toContain('application/problem+json');
    expect(reply.body).toMatchObject({ status: 422, eventIndex: 1, reason: 'guard', errors: [{ path: 'body.events.1' }] });
    expect(reply.body.detail).toContain('Event 1');
    expect(reply.body.detail).toContain('Type at least one well-formed serial number');
    expect(reply.body.view).toMatchObject({ version: 2, state: { serialDefinition: 'editing' } });
    expect(reply.body.view.context.serialText).toBe('not a serial');
    const stored = await suite().http.get(`/api/update-orders/${wf.view.id}`);
    expect(stored.body).toEqual(reply.body.view);
  });

  it('answers 422 without a new version when the first event is refused', async () => {
    const wf = new WorkflowClient(suite().http);
    await wf.start();
    const reply = await wf.post([{ type: 'order.submit' }]);
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ eventIndex: 0, reason: 'notAccepted', view: { version: 1, state: 'entrySelection' } });
  });

  it('refuses a batch with a malformed event with 400, applying none of it', async () => {
    const wf = new WorkflowClient(suite().http);
    await wf.start([{ type: 'way.select', way: 'serial' }]);
    const before = await digestTables(suite().db);
    const reply = await suite().http.post(`/api/update-orders/${wf.view.id}/events`, {
      expectedVersion: 1,
      events: [{ type: 'serial.input', text: 'fine' }, { type: 'serial.input', text: 42 }, { type: 'no.such.event' }],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining([expect.stringMatching(/^body\.events\.1/), expect.stringMatching(/^body\.events\.2/)]));
    expect(await digestTables(suite().db)).toEqual(before);
  });

  it('logs who sent each event, when, the state it led to and the effects it ran', async () => {
    const wf = new WorkflowClient(suite().http);
    await wf.start([{ type: 'way.select', way: 'serial' }]);
    await wf.send({ type: 'serial.input', text: SERIAL_CO_1 }, { type: 'serial.search' });
    const log = await suite().http.get(`/api/update-orders/${wf.view.id}/events`);
    expect(log.status).toBe(200);
    expect(log.body.nextCursor).toBeNull();
    expect(log.body.items.map((e: { seq: number; version: number; event: OperatorEvent }) => [e.seq, e.version, e.event.type])).toEqual([
      [1, 1, 'way.select'],
      [2, 2, 'serial.input'],
      [3, 2, 'serial.search'],
    ]);
    expect(log.body.items[2]).toMatchObject({ actor: 'Demo Vendor operator', state: { serialDefinition: 'results' }, effects: [{ kind: 'findSerials', answer: 'serials.found' }] });
    expect(Date.parse(log.body.items[2].at)).not.toBeNaN();
    const page = await suite().http.get(`/api/update-orders/${wf.view.id}/events?limit=2`);
    expect(page.body.items).toHaveLength(2);
    const rest = await suite().http.get(`/api/update-orders/${wf.view.id}/events?limit=2&cursor=${page.body.nextCursor}`);
    expect(rest.body.items.map((e: { seq: number }) => e.seq)).toEqual([3]);
  });

  it('re-checks submit against the database: a serial blocked since the form was filled sends the workflow back to review', async () => {
    const wf = await onTheForm(suite());
    await wf.send({ type: 'comment.change', value: 'Blocked meanwhile' }, { type: 'order.review' });
    await suite().db.updateTable('serials').set({ status: 'blocked' }).where('id', '=', 'ser-co-1').execute();
    try {
      const view = await wf.send({ type: 'order.submit' });
      expect(view.state).toBe('review');
      expect(view.status).toBe('active');
      expect(view.context.failure).toMatchObject({ kind: 'submitOrder', code: 'validation', message: MESSAGES.serialBlocked, errors: { serial: MESSAGES.serialBlocked } });
      expect(await ordersOfWorkflow(suite(), wf.view.id)).toEqual([]);
    } finally {
      await suite().db.updateTable('serials').set({ status: 'active' }).where('id', '=', 'ser-co-1').execute();
    }
    const retried = await wf.send({ type: 'effect.retry' });
    expect(retried.status).toBe('submitted');
    expect(await ordersOfWorkflow(suite(), wf.view.id)).toHaveLength(1);
  });

  it('re-checks submit against the database: a product archived since it was added is refused', async () => {
    const wf = await onTheForm(suite());
    await wf.send({ type: 'product.add' }, { type: 'product.pick', productId: 'prd-analytics' }, { type: 'order.back' }, { type: 'order.review' });
    await suite().db.updateTable('products').set({ status: 'archived' }).where('id', '=', 'prd-analytics').execute();
    try {
      const view = await wf.send({ type: 'order.submit' });
      expect(view.state).toBe('review');
      expect(wf.context.failure.errors).toEqual({ 'lines.1.productId': MESSAGES.productNotOnSale });
    } finally {
      await suite().db.updateTable('products').set({ status: 'onSale' }).where('id', '=', 'prd-analytics').execute();
    }
  });

  it('saves a draft order, updates it, and submit turns that very draft into the done order', async () => {
    const wf = await onTheForm(suite());
    await wf.send({ type: 'crmId.change', value: 'CRM-DRAFT' }, { type: 'draft.save' });
    const draftRef = wf.context.draftRef;
    expect(draftRef).toEqual(expect.any(String));
    const draft = (await suite().http.get(`/api/orders/${draftRef}`)).body;
    expect(draft).toMatchObject({ type: 'update', status: 'draft', crmId: 'CRM-DRAFT', serialId: 'ser-co-1', submittedAt: null });
    expect(draft.lines).toEqual(wf.context.draft.lines);

    await wf.send({ type: 'comment.change', value: 'second save' }, { type: 'draft.save' });
    expect(wf.context.draftRef).toBe(draftRef);
    expect((await suite().http.get(`/api/orders/${draftRef}`)).body).toMatchObject({ status: 'draft', comment: 'second save', number: draft.number });

    const listed = await suite().http.get('/api/update-orders?status=active&limit=100');
    expect(listed.body.items.find((w: { id: string }) => w.id === wf.view.id)).toMatchObject({ step: 'form', draftRef, serial: { id: 'ser-co-1', serial: SERIAL_CO_1 } });

    const view = await wf.send({ type: 'order.review' }, { type: 'order.submit' });
    expect(view.order).toMatchObject({ id: draftRef, number: draft.number, status: 'done', comment: 'second save', submittedAt: TEST_NOW.toISOString() });
    expect(await ordersOfWorkflow(suite(), wf.view.id)).toHaveLength(1);
  });

  it('does not submit a draft that was cancelled meanwhile', async () => {
    const wf = await onTheForm(suite());
    await wf.send({ type: 'draft.save' });
    const cancelled = await suite().http.post(`/api/orders/${wf.context.draftRef}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const view = await wf.send({ type: 'order.review' }, { type: 'order.submit' });
    expect(view.state).toBe('review');
    expect(view.context.failure).toMatchObject({ code: 'conflict' });
    expect((await ordersOfWorkflow(suite(), wf.view.id)).map((o) => o.status)).toEqual(['cancelled']);
  });

  it('cancels a workflow with DELETE (wizard.cancel); again changes nothing; a submitted one cannot be cancelled', async () => {
    const wf = new WorkflowClient(suite().http);
    await wf.start([{ type: 'way.select', way: 'serial' }]);
    const deleted = await suite().http.delete(`/api/update-orders/${wf.view.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ status: 'cancelled', state: 'cancelled', version: 2, nextEvents: [] });
    const again = await suite().http.delete(`/api/update-orders/${wf.view.id}`);
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(2);
    expect((await suite().http.get('/api/update-orders?status=cancelled&limit=100')).body.items.map((w: { id: string }) => w.id)).toContain(wf.view.id);
    const stale = await suite().http.delete(`/api/update-orders/${wf.view.id}?expectedVersion=1`);
    expect(stale.status).toBe(409);

    const submitted = await onTheForm(suite());
    await submitted.send({ type: 'order.review' }, { type: 'order.submit' });
    const refused = await suite().http.delete(`/api/update-orders/${submitted.view.id}`);
    expect(refused.status).toBe(422);
    expect(refused.body.view.status).toBe('submitted');
  });

  it('lists the tenant\'s workflows newest first, paginated by cursor', async () => {
    const first = await suite().http.get('/api/update-orders?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const second = await suite().http.get(`/api/update-orders?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    const ids = [...first.body.items, ...second.body.items].map((w: { id: string }) => w.id);
    expect(new Set(ids).size).toBe(ids.length);
    const all = await suite().http.get('/api/update-orders?limit=100');
    const stamps = all.body.items.map((w: { updatedAt: string }) => w.updatedAt);
    expect([...stamps].sort().reverse()).toEqual(stamps);
    expect(all.body.items.map((w: { id: string }) => w.id).slice(0, 4)).toEqual(ids);
  });

  it('cancels orders draft or done → cancelled; a cancelled update is never obtained', async () => {
    const wf = await onTheForm(suite(), SERIAL_CO_2);
    await wf.send(
      { type: 'addOn.set', enabled: false },
      { type: 'product.add' },
      { type: 'product.pick', productId: 'prd-cloud-sync' },
      { type: 'order.back' },
      { type: 'order.review' },
      { type: 'order.submit' },
    );
    const orderId = wf.view.order!.id;
    const licenseBefore = (await suite().http.get('/api/serials/ser-co-2/license')).body.license;
    const cancelled = await suite().http.post(`/api/orders/${orderId}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: orderId, status: 'cancelled' });
    const again = await suite().http.post(`/api/orders/${orderId}/cancel`);
    expect(again.status).toBe(409);
    const obtained = await suite().http.post('/api/serials/ser-co-2/obtain');
    expect(obtained.body.applied).toEqual([]);
    expect(obtained.body.license).toEqual(licenseBefore);
    expect((await suite().http.get(`/api/orders/${orderId}`)).body.appliedAt).toBeNull();
  });

  it('refuses to obtain for a blocked serial (409) and leaves a not-yet-open period for later', async () => {
    const blocked = await suite().http.post('/api/serials/ser-nw-2/obtain');
    expect(blocked.status).toBe(409);
    expect(blocked.body.detail).toBe(MESSAGES.serialBlocked);

    const wf = await onTheForm(suite());
    await wf.send(
      { type: 'period.setUnlimited', unlimited: false },
      { type: 'period.setDates', from: '2027-01-01', to: '2027-02-01' },
      { type: 'order.review' },
      { type: 'order.submit' },
    );
    expect(wf.view.status).toBe('submitted');
    const obtained = await suite().http.post('/api/serials/ser-co-1/obtain');
    expect(obtained.body.applied).not.toContain(wf.view.order!.id);
    const order = (await suite().http.get(`/api/orders/${wf.view.order!.id}`)).body;
    expect(order).toMatchObject({ status: 'done', appliedAt: null });
  });

  it('keeps the workflow in the snapshot column as the machine persisted it', async () => {
    const wf = await onTheForm(suite());
    const row = await suite().db.selectFrom('workflows').selectAll().where('id', '=', wf.view.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ version: wf.view.version, machine_version: MACHINE_VERSION, status: 'active', state: { orderForm: 'editing' }, tenant_id: 'ten-demo' });
    const events = await sql<{ n: number }>`SELECT count(*)::int AS n FROM workflow_events WHERE workflow_id = ${wf.view.id}`.execute(suite().db);
    expect(events.rows[0]!.n).toBe(4);
    expect(KEYS.operator).toBe('demo-operator');
  });
});
