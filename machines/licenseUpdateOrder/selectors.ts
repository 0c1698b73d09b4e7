import type { SnapshotFrom } from 'xstate';
import {
  customerDisplayName,
  mergeLicense,
  validateOrder,
  type License,
  type Product,
  type ProductFeature,
  type Removal,
} from '../domain/index.ts';
import type { LicenseUpdateOrderMachine } from './licenseUpdateOrder.machine.ts';
import { orderContextOf } from './orderContext.ts';

export type LicenseUpdateOrderSnapshot = SnapshotFrom<LicenseUpdateOrderMachine>;

export const STEPS = ['entry', 'serial', 'order', 'customer', 'license', 'form', 'review', 'submitted', 'cancelled'] as const;
export type Step = (typeof STEPS)[number];

/** The step indicator's position, from the `step:<name>` tag. */
export function selectStep(snapshot: LicenseUpdateOrderSnapshot): Step {
  return STEPS.find((step) => snapshot.hasTag(`step:${step}`)) ?? 'entry';
}

export const selectIsBusy = (snapshot: LicenseUpdateOrderSnapshot): boolean => snapshot.hasTag('busy');
export const selectPending = (snapshot: LicenseUpdateOrderSnapshot) => snapshot.context.pending;
export const selectFailure = (snapshot: LicenseUpdateOrderSnapshot) => snapshot.context.failure;
export const selectOrderDraft = (snapshot: LicenseUpdateOrderSnapshot) => snapshot.context.draft;
export const selectErrors = (snapshot: LicenseUpdateOrderSnapshot) => snapshot.context.errors;
export const selectSubmittedOrder = (snapshot: LicenseUpdateOrderSnapshot) => snapshot.context.submittedOrder;
export const selectSerialResults = (snapshot: LicenseUpdateOrderSnapshot) => snapshot.context.serialResults;

/** The state value as a dotted path of its deepest active state, e.g. `orderForm.productEditor`. */
export function selectStatePath(snapshot: LicenseUpdateOrderSnapshot): string {
  const parts: string[] = [];
  let value: unknown = snapshot.value;
  while (value && typeof value === 'object') {
    const [key, next] = Object.entries(value as Record<string, unknown>)[0] ?? [];
    if (key === undefined) break;
    parts.push(key);
    value = next;
  }
  if (typeof value === 'string') parts.push(value);
  return parts.join('.');
}

/** Submit Order is offered: in review, not busy, and the order passes every rule. */
export function selectCanSubmit(snapshot: LicenseUpdateOrderSnapshot): boolean {
  return snapshot.can({ type: 'order.submit' });
}

/** Review is offered from the form: the whole order is valid. */
export function selectCanReview(snapshot: LicenseUpdateOrderSnapshot): boolean {
  return snapshot.can({ type: 'order.review' });
}

export interface ResultingLicense {
  license: License;
  /** What the serial loses when the order is applied (Add-on Mode off, or explicit exclusions). */
  removed: Removal[];
}

/** The license the serial will carry once the order is obtained: the review's preview. */
export function selectResultingLicense(snapshot: LicenseUpdateOrderSnapshot): ResultingLicense | null {
  const { draft, license } = snapshot.context;
  if (!draft || !license) return null;
  return mergeLicense(license, draft);
}

/** Whether the order as entered passes `validateOrder` (the same rule the service checks at submit). */
export function selectIsOrderValid(snapshot: LicenseUpdateOrderSnapshot): boolean {
  const orderContext = orderContextOf(snapshot.context);
  return snapshot.context.draft !== null && orderContext !== null && validateOrder(snapshot.context.draft, orderContext).ok;
}

export function selectProduct(snapshot: LicenseUpdateOrderSnapshot, productId: string): Product | undefined {
  return snapshot.context.products.find((p) => p.id === productId);
}

/** The product line being edited, with its product's definitions beside each feature. */
export function selectEditingLine(snapshot: LicenseUpdateOrderSnapshot) {
  const { draft, editingLineId } = snapshot.context;
  const index = draft?.lines.findIndex((l) => l.lineId === editingLineId) ?? -1;
  const line = index >= 0 ? draft!.lines[index]! : null;
  if (!line) return null;
  const product = selectProduct(snapshot, line.productId) ?? null;
  return {
    index,
    line,
    product,
    features: line.features.map((feature, featureIndex) => ({
      ...feature,
      index: featureIndex,
      definition: (product?.features.find((f) => f.id === feature.featureId) ?? null) as ProductFeature | null,
      errorPath: `lines.${index}.features.${featureIndex}`,
    })),
  };
}

/** Products "Add product" may pick: on sale and not on the order yet. */
export function selectPickableProducts(snapshot: LicenseUpdateOrderSnapshot): Product[] {
  const onOrder = new Set(snapshot.context.draft?.lines.map((l) => l.productId) ?? []);
  return snapshot.context.products.filter((p) => p.status === 'onSale' && !onOrder.has(p.id));
}

export function selectCustomerName(snapshot: LicenseUpdateOrderSnapshot): string | null {
  const customer = snapshot.context.card?.customer;
  return customer ? customerDisplayName(customer) : null;
}

/** The event types the current state has a transition for (whether or not its guard passes now). */
export function selectNextEvents(snapshot: LicenseUpdateOrderSnapshot): string[] {
  const types = new Set<string>();
  for (const node of snapshot._nodes) {
    for (const type of node.ownEvents) types.add(type);
  }
  return [...types].filter((type) => type !== '' && !type.startsWith('xstate.')).sort();
}
