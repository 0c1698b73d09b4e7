import { z } from 'zod';
import {
  CustomerCard,
  Customer,
  Id,
  IsoDate,
  License,
  Order,
  OrderSummary,
  Product,
  SerialSummary,
  SubmittedOrder,
  type FieldErrors,
  type UpdateOrder,
} from '../domain/index.ts';

export const WAYS = ['serial', 'order', 'customer'] as const;
export const Way = z.enum(WAYS);
export type Way = z.infer<typeof Way>;

const text = z.string().max(100_000);
const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...shape });

/** What an operator (or a host on the operator's behalf) may send. Clients of the service send only these. */
export const OperatorEvent = z.discriminatedUnion('type', [
  event('way.select', { way: Way }),
  event('serial.input', { text }),
  event('serial.search', {}),
  event('serial.select', { serialId: Id }),
  event('serial.update', { serialId: Id.optional() }),
  event('orders.search', { query: z.string().max(200) }),
  event('customers.search', { query: z.string().max(200) }),
  event('order.open', { orderId: Id }),
  event('customer.open', { customerId: Id }),
  event('tab.select', { tab: z.enum(['serials', 'orders']) }),
  event('order.updateLicense', {}),
  event('period.setUnlimited', { unlimited: z.boolean() }),
  event('period.setDates', { from: IsoDate.nullable().optional(), to: IsoDate.nullable().optional() }),
  event('addOn.set', { enabled: z.boolean() }),
  event('crmId.change', { value: text }),
  event('comment.change', { value: text }),
  event('line.changeRestrictions', { lineId: Id }),
  event('feature.setTerms', { featureId: Id, terms: z.unknown() }),
  event('feature.exclude', { featureId: Id, excluded: z.boolean() }),
  event('line.remove', {}),
  event('product.add', {}),
  event('product.pick', { productId: Id }),
  event('order.back', { lineId: Id.optional() }),
  event('draft.save', {}),
  event('order.review', {}),
  event('order.submit', {}),
  event('nav.back', {}),
  event('wizard.cancel', {}),
  event('effect.retry', {}),
]);
export type OperatorEvent = z.infer<typeof OperatorEvent>;
export type OperatorEventType = OperatorEvent['type'];
export const OPERATOR_EVENT_TYPES: readonly OperatorEventType[] = OperatorEvent.options.map((o) => o.shape.type.value);

/** What a host answers an effect request with; `id` is the request's. */
export const EffectAnswer = z.discriminatedUnion('type', [
  event('serials.found', { id: z.string(), serials: z.array(SerialSummary) }),
  event('serials.notFound', { id: z.string() }),
  event('orders.found', { id: z.string(), orders: z.array(OrderSummary) }),
  event('order.loaded', { id: z.string(), order: Order }),
  event('customers.found', { id: z.string(), customers: z.array(Customer) }),
  event('customer.loaded', { id: z.string(), customer: Customer, serials: z.array(SerialSummary), orders: z.array(OrderSummary) }),
  event('license.loaded', { id: z.string(), serial: SerialSummary, license: License, products: z.array(Product).optional() }),
  event('products.loaded', { id: z.string(), products: z.array(Product) }),
  event('draft.saved', { id: z.string(), draftRef: Id }),
  event('order.submitted', { id: z.string(), order: SubmittedOrder }),
  event('effect.failed', {
    id: z.string(),
    code: z.string().max(100),
    message: z.string().max(2000),
    errors: z.record(z.string(), z.string()).optional(),
  }),
]);
export type EffectAnswer = z.infer<typeof EffectAnswer>;
export const EFFECT_ANSWER_TYPES: readonly EffectAnswer['type'][] = EffectAnswer.options.map((o) => o.shape.type.value);

export type LicenseUpdateOrderEvent = OperatorEvent | EffectAnswer;
export type EventType = LicenseUpdateOrderEvent['type'];

export const EFFECT_KINDS = [
  'findSerials',
  'searchOrders',
  'loadOrder',
  'searchCustomers',
  'loadCustomer',
  'loadLicense',
  'listProducts',
  'saveDraft',
  'submitOrder',
] as const;
export type EffectKind = (typeof EFFECT_KINDS)[number];

/** The order as `saveDraft` and `submitOrder` carry it, with what makes retries safe. */
export type OrderRequest = UpdateOrder & {
  /** Set once a draft was saved: submit turns that draft into the done order. */
  draftRef: string | null;
  /** The host's name for this run of the procedure: one order per workflow. */
  workflowId: string | null;
};

export interface EffectInputs {
  findSerials: { query: string; customerId?: string };
  searchOrders: { query: string };
  loadOrder: { orderId: string };
  searchCustomers: { query: string };
  loadCustomer: { customerId: string };
  loadLicense: { serialId: string };
  listProducts: Record<string, never>;
  saveDraft: OrderRequest;
  submitOrder: OrderRequest;
}

type Answer<T extends EffectAnswer['type']> = Omit<Extract<EffectAnswer, { type: T }>, 'id'>;

/** The answers each effect may give (besides `effect.failed`, which any may give). */
export interface EffectAnswers {
  findSerials: Answer<'serials.found'> | Answer<'serials.notFound'>;
  searchOrders: Answer<'orders.found'>;
  loadOrder: Answer<'order.loaded'>;
  searchCustomers: Answer<'customers.found'>;
  loadCustomer: Answer<'customer.loaded'>;
  loadLicense: Answer<'license.loaded'>;
  listProducts: Answer<'products.loaded'>;
  saveDraft: Answer<'draft.saved'>;
  submitOrder: Answer<'order.submitted'>;
}

export type PendingEffect = {
  [K in EffectKind]: { id: string; kind: K; input: EffectInputs[K] };
}[EffectKind];

export interface EffectFailure {
  id: string;
  kind: EffectKind;
  code: string;
  message: string;
  errors: FieldErrors;
}

/** Where the serial for the form was chosen: "one screen back" from the form returns there. */
export const ORIGINS = [
  'serialResults',
  'orderPage',
  'orderPickingSerial',
  'customerLicenseUpdatePage',
  'customerOrderPage',
  'customerOrderPickingSerial',
] as const;
export type Origin = (typeof ORIGINS)[number];

export interface LicenseUpdateOrderContext {
  workflowId: string | null;
  /** Today (UTC) as the host said at start: the obtaining period may not end before it. */
  today: string;
  way: Way | null;
  /** The serial field, as typed (serial way and the customer's serials tab). */
  serialText: string;
  /** The results table of the serial field (on the customer card: that customer's serials). */
  serialResults: SerialSummary[];
  selectedSerialId: string | null;
  orderQuery: string;
  orders: OrderSummary[];
  customerQuery: string;
  customers: Customer[];
  requestedOrderId: string | null;
  order: Order | null;
  requestedCustomerId: string | null;
  card: CustomerCard | null;
  origin: Origin | null;
  chosenSerialId: string | null;
  serial: SerialSummary | null;
  license: License | null;
  /** Product definitions known so far: the license's products, then the catalog. */
  products: Product[];
  draft: UpdateOrder | null;
  editingLineId: string | null;
  draftRef: string | null;
  errors: FieldErrors;
  pending: PendingEffect | null;
  effectCount: number;
  failure: EffectFailure | null;
  submittedOrder: SubmittedOrder | null;
}

export interface LicenseUpdateOrderInput {
  workflowId?: string;
  /** `YYYY-MM-DD`, the host's today; without it, the host's clock at start. */
  today?: string;
}
