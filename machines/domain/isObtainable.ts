import type { Order } from './order.ts';
import { toIsoDate } from './primitives.ts';

export type ObtainRefusal = 'notUpdate' | 'notDone' | 'alreadyApplied' | 'notYet' | 'expired';
type ObtainFacts = Pick<Order, 'type' | 'status' | 'appliedAt' | 'obtainingPeriod'>;

/** Why an update order cannot be obtained now, or null when it can. */
export function obtainRefusal(order: ObtainFacts, now: Date): ObtainRefusal | null {
  if (order.type !== 'update') return 'notUpdate';
  if (order.status !== 'done') return 'notDone';
  if (order.appliedAt !== null) return 'alreadyApplied';
  const period = order.obtainingPeriod;
  if (period && !period.unlimited) {
    const today = toIsoDate(now);
    if (period.from !== null && today < period.from) return 'notYet';
    if (period.to !== null && today > period.to) return 'expired';
  }
  return null;
}

/** A done, unapplied update order inside its obtaining period can be applied to its serial. */
export function isObtainable(order: ObtainFacts, now: Date): boolean {
  return obtainRefusal(order, now) === null;
}
