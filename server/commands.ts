import type { Kysely } from 'kysely';
import { MESSAGES, canChangeOrderStatus, obtainUpdates, type License, type Order } from '../machines/index.ts';
import type { Database } from './db/tables.ts';
import { HttpProblem, PROBLEM_TYPES, conflict, notFound } from './problem.ts';
import { idempotency, orders, serials, type Db } from './repositories/index.ts';
import { iso } from './repositories/rows.ts';
import { IdempotencyRace, type IdempotencyClaim } from './workflow/runtime.ts';

export interface ObtainResult {
  serialId: string;
  license: License;
  applied: string[];
  appliedOrders: { id: string; number: number; addOnMode: boolean }[];
}

/** Stores the reply under the request's Idempotency-Key inside its transaction. */
async function remember(trx: Db, tenantId: string, claim: IdempotencyClaim | undefined, statusCode: number, body: unknown): Promise<void> {
  if (!claim) return;
  if (!(await idempotency.storeReply(trx, tenantId, claim.key, { fingerprint: claim.fingerprint, statusCode, body }))) throw new IdempotencyRace();
}

/**
 * The customer side of obtaining: every done, unapplied, in-period update of the serial, oldest first,
 * merged (add-on on) or replacing (add-on off), exactly once — the serial and its orders are locked and
 * only `applied_at IS NULL` orders are marked.
 */
export async function obtainSerialUpdates(db: Kysely<Database>, tenantId: string, serialId: string, now: Date, claim?: IdempotencyClaim): Promise<ObtainResult> {
  return db.transaction().execute(async (trx) => {
    const serial = await serials.lockSerial(trx, tenantId, serialId, 'update');
    if (!serial) throw notFound('The serial number');
    if (serial.status !== 'active') throw new HttpProblem(409, 'Conflict', MESSAGES.serialBlocked, { type: PROBLEM_TYPES.conflict });
    const due = await orders.lockUnappliedUpdates(trx, tenantId, serialId);
    const current = await serials.getLicense(trx, tenantId, serialId);
    const result = obtainUpdates(current, due, now);
    const at = iso(now);
    if (result.applied.length > 0) {
      const marked = await orders.markApplied(trx, tenantId, result.applied, at);
      if (marked !== result.applied.length) throw conflict('An update was obtained concurrently: try again');
      await serials.setLicense(trx, tenantId, serialId, result.license);
      for (const id of result.applied) {
        const order = due.find((o) => o.id === id)!;
        await serials.addSerialHistory(trx, tenantId, { serialId, kind: 'updateObtained', orderId: id, note: `Update ${order.number} obtained`, at });
      }
    }
    const reply: ObtainResult = {
      serialId,
      license: result.license,
      applied: result.applied,
      appliedOrders: result.applied.map((id) => {
        const order = due.find((o) => o.id === id)!;
        return { id, number: order.number, addOnMode: order.addOnMode ?? true };
      }),
    };
    await remember(trx, tenantId, claim, 200, reply);
    return reply;
  });
}

/** draft or done → cancelled (canChangeOrderStatus); a cancelled update can no longer be obtained. */
export async function cancelOrder(db: Kysely<Database>, tenantId: string, orderId: string, claim?: IdempotencyClaim): Promise<Order> {
  return db.transaction().execute(async (trx) => {
    const order = await orders.lockOrder(trx, tenantId, orderId);
    if (!order) throw notFound('The order');
    if (!canChangeOrderStatus(order.status, 'cancelled')) throw conflict(`Order ${order.number} is ${order.status} and cannot be cancelled`);
    await orders.setOrderStatus(trx, tenantId, orderId, 'cancelled');
    const reply = (await orders.getOrder(trx, tenantId, orderId))!;
    await remember(trx, tenantId, claim, 200, reply);
    return reply;
  });
}
