import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { WorkflowClient, describeEachDatabase, type Suite } from './test/harness.ts';

// Races a client can start: every writer but one loses cleanly (409 + the current view), nothing is
// applied twice, and retries under one Idempotency-Key all get the first reply.

async function reviewed(suite: Suite, serial: string): Promise<WorkflowClient> {
  const wf = new WorkflowClient(suite.http);
  await wf.start([{ type: 'way.select', way: 'serial' }, { type: 'serial.input', text: serial }, { type: 'serial.search' }, { type: 'serial.update' }, { type: 'order.review' }]);
  expect(wf.view.state).toBe('review');
  return wf;
}

async function count(suite: Suite, table: 'orders' | 'workflow_events' | 'workflows', column: 'workflow_id' | 'id', value: string): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${value}`.execute(suite.db);
  return result.rows[0]!.n;
}

describeEachDatabase('concurrent writers', (suite) => {
  it('20 concurrent event posts with the same expectedVersion: exactly one 200, the others 409 with the winner\'s view', async () => {
    const wf = new WorkflowClient(suite().http);
    await wf.start([{ type: 'way.select', way: 'serial' }]);
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        suite().http.post(`/api/update-orders/${wf.view.id}/events`, { expectedVersion: 1, events: [{ type: 'serial.input', text: `writer ${i}` }, { type: 'serial.input', text: `writer ${i}!` }] }),
      ),
    );
    const winners = replies.filter((r) => r.status === 200);
    const losers = replies.filter((r) => r.status === 409);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    const winner = winners[0]!.body;
    expect(winner.version).toBe(2);
    for (const loser of losers) {
      expect(loser.contentType).toContain('application/problem+json');
      expect(loser.body.view.version).toBe(2);
      expect(loser.body.view.context.serialText).toBe(winner.context.serialText);
    }
    const stored = await suite().http.get(`/api/update-orders/${wf.view.id}`);
    expect(stored.body).toMatchObject({ version: 2, context: { serialText: winner.context.serialText } });
    expect(await count(suite(), 'workflow_events', 'workflow_id', wf.view.id)).toBe(3);
  });

  it('10 concurrent submits of one workflow create exactly one order', async () => {
    const wf = await reviewed(suite(), 'Zx9Cv8-Bn7Mm6-As5Df4-Gh3Jk2-Lq1Wp0');
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => suite().http.post(`/api/update-orders/${wf.view.id}/events`, { expectedVersion: wf.view.version, events: [{ type: 'order.submit' }] })),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    const winner = replies.find((r) => r.status === 200)!.body;
    expect(winner.status).toBe('submitted');
    for (const loser of replies.filter((r) => r.status === 409)) expect(loser.body.view.order.id).toBe(winner.order.id);
    expect(await count(suite(), 'orders', 'workflow_id', wf.view.id)).toBe(1);
    const history = (await suite().http.get('/api/serials/ser-al-1')).body.history;
    expect(history.filter((e: { orderId: string }) => e.orderId === winner.order.id)).toHaveLength(1);
  });

  it('10 concurrent submits under one Idempotency-Key all get the first reply, and one order exists', async () => {
    const wf = await reviewed(suite(), 'Ko0Ji9-Hu8Gy7-Ft6Dr5-Se4Wa3-Qz2Xc1');
    const body = { expectedVersion: wf.view.version, events: [{ type: 'order.submit' }] };
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => suite().http.post(`/api/update-orders/${wf.view.id}/events`, body, { 'idempotency-key': `submit-${wf.view.id}` })),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
    for (const reply of replies) expect(reply.body).toEqual(replies[0]!.body);
    expect(replies.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    expect(await count(suite(), 'orders', 'workflow_id', wf.view.id)).toBe(1);

    const retry = await suite().http.post(`/api/update-orders/${wf.view.id}/events`, body, { 'idempotency-key': `submit-${wf.view.id}` });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(replies[0]!.body);
    const reused = await suite().http.post(`/api/update-orders/${wf.view.id}/events`, { ...body, expectedVersion: 99 }, { 'idempotency-key': `submit-${wf.view.id}` });
    expect(reused.status).toBe(422);
    expect(reused.contentType).toContain('application/problem+json');
  });

  it('a retried start with the same Idempotency-Key creates one workflow', async () => {
    const key = `start-${Math.random()}`;
    const first = await suite().http.post('/api/update-orders', { events: [{ type: 'way.select', way: 'customer' }] }, { 'idempotency-key': key });
    const second = await suite().http.post('/api/update-orders', { events: [{ type: 'way.select', way: 'customer' }] }, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(await count(suite(), 'workflows', 'id', first.body.id)).toBe(1);
  });

  it('10 concurrent obtains apply a due update exactly once', async () => {
    const wf = await reviewed(suite(), 'LvHdHH-Ux1VmY-pGKq1y-NEE4pp-8iAAgP');
    await wf.send({ type: 'order.submit' });
    const orderId = wf.view.order!.id;
    const replies = await Promise.all(Array.from({ length: 10 }, () => suite().http.post('/api/serials/ser-nw-1/obtain')));
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
    const applying = replies.filter((r) => r.status === 200 && r.body.applied.includes(orderId));
    expect(applying).toHaveLength(1);
    const history = (await suite().http.get('/api/serials/ser-nw-1')).body.history;
    expect(history.filter((e: { kind: string; orderId: string }) => e.kind === 'updateObtained' && e.orderId === orderId)).toHaveLength(1);
  });
});
