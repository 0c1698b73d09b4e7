import {
  LicensingTermsShape,
  MESSAGES,
  parseSerialNumbers,
  validateOrder,
  type OrderLine,
  type Product,
  type SerialSummary,
} from '../domain/index.ts';
import { orderContextOf } from './orderContext.ts';
import {
  EFFECT_ANSWER_TYPES,
  EffectAnswer,
  OperatorEvent,
  type EffectKind,
  type LicenseUpdateOrderContext as Ctx,
  type LicenseUpdateOrderEvent as Ev,
  type Origin,
  type Way,
} from './types.ts';

/** Why an event is refused, or null when its guard lets it through. Guards are `reason === null`, so a refusal can be explained. */
export type Reason = string | null;
export type ReasonFn = (context: Ctx, event: Ev) => Reason;

const ANSWER_TYPES: ReadonlySet<string> = new Set(EFFECT_ANSWER_TYPES);

/** Payloads come from anywhere (HTTP, a host, a restored log): every guard checks them first. */
export function malformed(event: Ev): Reason {
  const result = (ANSWER_TYPES.has(event.type) ? EffectAnswer : OperatorEvent).safeParse(event);
  if (result.success) return null;
  const issue = result.error.issues[0];
  return `Malformed "${String(event.type)}": ${issue ? `${issue.path.join('.') || 'event'}: ${issue.message}` : 'invalid'}`;
}

function editingLine(context: Ctx): OrderLine | undefined {
  return context.draft?.lines.find((l) => l.lineId === context.editingLineId);
}

function productOf(context: Ctx, productId: string): Product | undefined {
  return context.products.find((p) => p.id === productId);
}

function serialIdOf(context: Ctx, event: Ev): string | null {
  return (event.type === 'serial.update' ? event.serialId : undefined) ?? context.selectedSerialId;
}

function activeSerialIn(list: readonly SerialSummary[], serialId: string | null): Reason {
  if (serialId === null) return 'Select a serial number first';
  const serial = list.find((s) => s.id === serialId);
  if (!serial) return 'This serial number is not in the table';
  if (serial.status !== 'active') return MESSAGES.serialBlocked;
  return null;
}

function featureOnEditingLine(context: Ctx, featureId: string) {
  const line = editingLine(context);
  if (!line || !line.features.some((f) => f.featureId === featureId)) return undefined;
  return productOf(context, line.productId)?.features.find((f) => f.id === featureId);
}

const orderUpdatable: ReasonFn = (context) => {
  const order = context.order;
  if (!order) return 'No order is open';
  if (order.status !== 'done') return `A ${order.status} order cannot be updated`;
  if (!order.serials.some((s) => s.status === 'active')) return 'The order has no active serial number';
  return null;
};

export const reasons = {
  isWellFormed: (_context, event) => malformed(event),

  isCurrentAnswer: (context, event) =>
    malformed(event) ??
    ('id' in event && context.pending?.id === event.id ? null : 'This answer is for a request that is no longer pending'),

  hasSearchableSerial: (context, event) =>
    malformed(event) ??
    (parseSerialNumbers(context.serialText).serials.length > 0 ? null : 'Type at least one well-formed serial number'),

  isListedSerial: (context, event) =>
    malformed(event) ??
    (event.type === 'serial.select' && context.serialResults.some((s) => s.id === event.serialId)
      ? null
      : 'This serial number is not in the table'),

  isOrderSerial: (context, event) =>
    malformed(event) ??
    (event.type === 'serial.select' && (context.order?.serials ?? []).some((s) => s.id === event.serialId)
      ? null
      : 'This serial number is not on the order'),

  canUpdateListedSerial: (context, event) => malformed(event) ?? activeSerialIn(context.serialResults, serialIdOf(context, event)),

  canUpdateOrderSerial: (context, event) =>
    malformed(event) ?? activeSerialIn(context.order?.serials ?? [], serialIdOf(context, event)),

  isListedOrder: (context, event) =>
    malformed(event) ??
    (event.type === 'order.open' && context.orders.some((o) => o.id === event.orderId) ? null : 'This order is not in the list'),

  /** The customer card's orders tab lists that customer's orders only (not what the order way listed before). */
  isCardOrder: (context, event) =>
    malformed(event) ??
    (event.type === 'order.open' && (context.card?.orders ?? []).some((o) => o.id === event.orderId) ? null : 'This order is not in the list'),

  isListedCustomer: (context, event) =>
    malformed(event) ??
    (event.type === 'customer.open' && context.customers.some((c) => c.id === event.customerId) ? null : 'This customer is not in the list'),

  canUpdateFromOrder: (context, event) => malformed(event) ?? orderUpdatable(context, event),

  canUpdateFromOrderWithOneSerial: (context, event) =>
    malformed(event) ??
    orderUpdatable(context, event) ??
    (context.order?.serials.length === 1 ? null : 'The order has several serial numbers: pick one'),

  isLineOnOrder: (context, event) =>
    malformed(event) ??
    (event.type === 'line.changeRestrictions' && context.draft?.lines.some((l) => l.lineId === event.lineId)
      ? null
      : 'This product line is not on the order'),

  isBackToLine: (context, event) =>
    malformed(event) ??
    (event.type === 'order.back' && event.lineId !== undefined && context.draft?.lines.some((l) => l.lineId === event.lineId)
      ? null
      : 'No product line of the order named'),

  canSetTerms: (context, event) => {
    const bad = malformed(event);
    if (bad || event.type !== 'feature.setTerms') return bad;
    const feature = featureOnEditingLine(context, event.featureId);
    if (!feature) return 'This feature is not on the product line';
    if (!feature.canModify) return MESSAGES.featureFixed;
    if (!LicensingTermsShape.safeParse(event.terms).success) return MESSAGES.termsShape;
    return null;
  },

  canExclude: (context, event) => {
    const bad = malformed(event);
    if (bad || event.type !== 'feature.exclude') return bad;
    const feature = featureOnEditingLine(context, event.featureId);
    if (!feature) return 'This feature is not on the product line';
    return feature.canExclude ? null : MESSAGES.featureNotExcludable;
  },

  isAddedLine: (context, event) =>
    malformed(event) ?? (editingLine(context)?.origin === 'added' ? null : 'Only a product added in this order can be removed'),

  canPickProduct: (context, event) => {
    const bad = malformed(event);
    if (bad || event.type !== 'product.pick') return bad;
    const product = productOf(context, event.productId);
    if (!product) return MESSAGES.unknownProduct;
    if (product.status !== 'onSale') return MESSAGES.productNotOnSale;
    if (context.draft?.lines.some((l) => l.productId === product.id)) return MESSAGES.productOnOrder;
    return null;
  },

  isOrderValid: (context, event) => {
    const bad = malformed(event);
    if (bad) return bad;
    const orderContext = orderContextOf(context);
    if (!context.draft || !orderContext) return 'There is no order to check';
    const first = Object.entries(validateOrder(context.draft, orderContext).errors)[0];
    return first ? `The order has errors (${first[0]}: ${first[1]})` : null;
  },
} satisfies Record<string, ReasonFn>;

/** Guards that take params in the chart: `{ type, params }`. */
export const parameterizedReasons = {
  isRetryOf: (context: Ctx, event: Ev, params: { kind: EffectKind }): Reason =>
    malformed(event) ??
    (context.failure === null ? 'Nothing failed, nothing to retry' : context.failure.kind === params.kind ? null : `The last failure was not ${params.kind}`),

  isFromOrigin: (context: Ctx, event: Ev, params: { origin: Origin }): Reason =>
    malformed(event) ?? (context.origin === params.origin ? null : 'Not where this serial was chosen'),

  isCurrentAnswerFrom: (context: Ctx, event: Ev, params: { origin: Origin }): Reason =>
    reasons.isCurrentAnswer(context, event) ?? (context.origin === params.origin ? null : 'Not where this serial was chosen'),

  isWay: (_context: Ctx, event: Ev, params: { way: Way }): Reason =>
    malformed(event) ?? (event.type === 'way.select' && event.way === params.way ? null : `Not the ${params.way} way`),

  // The tabs hold the card's busy states: leaving one mid-request would strand `pending` outside any busy state.
  isTab: (context: Ctx, event: Ev, params: { tab: 'serials' | 'orders' }): Reason =>
    malformed(event) ??
    (event.type === 'tab.select' && event.tab === params.tab
      ? context.pending === null
        ? null
        : 'Wait until the pending request is answered'
      : `Not the ${params.tab} tab`),
};

export type GuardName = keyof typeof reasons | keyof typeof parameterizedReasons;
