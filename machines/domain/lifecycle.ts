import type { License } from './entities.ts';
import type { Order, OrderStatus } from './order.ts';
import { obtainRefusal } from './isObtainable.ts';
import { mergeLicense } from './mergeLicense.ts';

const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  draft: ['done', 'cancelled'],
  done: ['cancelled'],
  cancelled: [],
};

/** Orders go draft → done, draft → cancelled, done → cancelled; nothing returns to draft. */
export function canChangeOrderStatus(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

type ObtainableOrder = Pick<Order, 'id' | 'type' | 'status' | 'appliedAt' | 'obtainingPeriod' | 'addOnMode' | 'lines' | 'submittedAt' | 'number'>;

export interface ObtainResult {
  license: License;
  /** The orders applied, oldest first. */
  applied: string[];
}

/** The customer obtains: every done, unapplied, in-period update of the serial, oldest first, each merged or replacing. */
export function obtainUpdates(current: License, orders: readonly ObtainableOrder[], now: Date): ObtainResult {
  // Instants, not strings: an ISO timestamp may carry any offset, so text order is not time order.
  const submitted = (order: ObtainableOrder) => (order.submittedAt === null ? 0 : Date.parse(order.submittedAt));
  const due = orders
    .filter((order) => obtainRefusal(order, now) === null)
    .sort((a, b) => submitted(a) - submitted(b) || a.number - b.number);
  let license = current;
  for (const order of due) {
    license = mergeLicense(license, { addOnMode: order.addOnMode ?? true, lines: order.lines }).license;
  }
  return { license, applied: due.map((o) => o.id) };
}
