import { selectStatePath, type LicenseUpdateOrderSnapshot } from '../licenseUpdateOrder/index.ts';

type Ctx = LicenseUpdateOrderSnapshot['context'];

const serialRegion = (c: Ctx) => [c.serialText, c.serialResults.map((s) => s.id), c.selectedSerialId];
const orderRegion = (c: Ctx) => [c.orderQuery, c.orders.map((o) => o.id), c.requestedOrderId, c.order?.id ?? null, c.selectedSerialId];
const customerRegion = (c: Ctx) => [
  c.customerQuery,
  c.customers.map((customer) => customer.id),
  c.requestedCustomerId,
  c.card?.customer.id ?? null,
  ...serialRegion(c),
  c.requestedOrderId,
  c.order?.id ?? null,
];
const formRegion = (c: Ctx) => [c.origin, c.chosenSerialId, c.serial?.id ?? null, c.products.map((p) => p.id).sort(), c.draft, c.editingLineId];

/** Where the serial was chosen decides where "one screen back" from the form lands, so the form's key carries that screen's context. */
function originRegion(c: Ctx): unknown[] {
  if (c.origin === 'serialResults') return serialRegion(c);
  if (c.origin === 'orderPage' || c.origin === 'orderPickingSerial') return orderRegion(c);
  return customerRegion(c);
}

/**
 * Screens the operator has backed out to after choosing something there: the demo cases only go further back
 * (or cancel) from them, so what was chosen no longer matters. Keeps the model bounded: see `createDemoEventCases`.
 */
export function isLeaving(snapshot: LicenseUpdateOrderSnapshot): boolean {
  const c = snapshot.context;
  switch (selectStatePath(snapshot)) {
    case 'entrySelection':
      return c.way !== null;
    case 'serialDefinition.editing':
      return c.draft !== null;
    case 'orderSelection.list':
      return c.order !== null;
    case 'customerSelection.list':
      return c.card !== null;
    case 'customerSelection.card.ordersTab.idle':
      return c.order !== null || c.draft !== null;
    default:
      return false;
  }
}

/**
 * The bounded state key for `createTestModel`: the state value and the context the next events depend on.
 * Left out: what only counts requests (pending and failure ids, effectCount), the draft's reference, the full rows
 * behind ids, and the context of screens the operator can no longer return to. Each screen keeps the context of its
 * way (serial field, order list, customer card) and, once the form was opened, the form's.
 * Sound with `createDemoEventCases`, which enters a way from a fresh start only and from a screen it backed out to
 * only goes further back (`isLeaving`).
 * A finished workflow is its state and output alone.
 */
export function serializeState(snapshot: LicenseUpdateOrderSnapshot): string {
  if (snapshot.status !== 'active') return JSON.stringify([snapshot.value, snapshot.context.submittedOrder?.id ?? null]);
  const c = snapshot.context;
  const region = typeof snapshot.value === 'string' ? snapshot.value : Object.keys(snapshot.value)[0];
  const pending = c.pending ? [c.pending.kind, c.pending.kind === 'saveDraft' || c.pending.kind === 'submitOrder' ? null : c.pending.input] : null;
  const common = [snapshot.value, pending, c.failure?.kind ?? null, Object.keys(c.errors).sort()];
  const form = c.draft ? formRegion(c) : null;
  if (isLeaving(snapshot)) return JSON.stringify([...common, 'leaving']);
  switch (region) {
    case 'entrySelection':
      return JSON.stringify([...common, c.way !== null]);
    case 'serialDefinition':
      return JSON.stringify([...common, serialRegion(c), form]);
    case 'orderSelection':
      return JSON.stringify([...common, orderRegion(c), form]);
    case 'customerSelection':
      return JSON.stringify([...common, customerRegion(c), form]);
    default:
      return JSON.stringify([...common, formRegion(c), originRegion(c)]);
  }
}

/**
 * What a system under test shows of a snapshot, as plain JSON: adapters compare the real thing with the model by it.
 * Field names say what an operator sees; ids stand for rows.
 */
export interface Observation {
  state: string;
  status: 'active' | 'done' | 'error' | 'stopped';
  busy: boolean;
  pendingKind: string | null;
  failure: { kind: string; code: string } | null;
  errors: Record<string, string>;
  serialText: string;
  serialResults: string[];
  selectedSerialId: string | null;
  orders: string[];
  orderId: string | null;
  customers: string[];
  customerId: string | null;
  serialId: string | null;
  draft: LicenseUpdateOrderSnapshot['context']['draft'];
  editingLineId: string | null;
  draftRef: string | null;
  submittedOrder: LicenseUpdateOrderSnapshot['context']['submittedOrder'];
}

export function observe(snapshot: LicenseUpdateOrderSnapshot): Observation {
  const c = snapshot.context;
  return {
    state: selectStatePath(snapshot),
    status: snapshot.status,
    busy: snapshot.hasTag('busy'),
    pendingKind: c.pending?.kind ?? null,
    failure: c.failure ? { kind: c.failure.kind, code: c.failure.code } : null,
    errors: c.errors,
    serialText: c.serialText,
    serialResults: c.serialResults.map((s) => s.id),
    selectedSerialId: c.selectedSerialId,
    orders: c.orders.map((o) => o.id),
    orderId: c.order?.id ?? null,
    customers: c.customers.map((customer) => customer.id),
    customerId: c.card?.customer.id ?? null,
    serialId: c.serial?.id ?? null,
    draft: c.draft,
    editingLineId: c.editingLineId,
    draftRef: c.draftRef,
    submittedOrder: c.submittedOrder,
  };
}

/** The fields where two observations differ, each as `field: expected … got …`; empty when they agree. */
export function diffObservations(expected: Observation, actual: Observation): string[] {
  const lines: string[] = [];
  for (const key of Object.keys(expected) as (keyof Observation)[]) {
    const want = JSON.stringify(expected[key]);
    const got = JSON.stringify(actual[key]);
    if (want !== got) lines.push(`${key}: expected ${clip(want)}, got ${clip(got)}`);
  }
  return lines;
}

function clip(text: string | undefined, max = 300): string {
  if (text === undefined) return 'undefined';
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}
