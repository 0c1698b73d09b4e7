import { z } from 'zod';
import { COMMENT_MAX, CRM_ID_MAX, Id, IsoDate, IsoDateTime } from './primitives.ts';
import { LicensingTermsShape } from './terms.ts';
import { SerialNumber } from './serialNumber.ts';
import { SerialStatus } from './entities.ts';

/**
 * The obtaining period as the form holds it: dates may be missing while the operator types.
 * Unlimited ignores the dates (they are kept so that switching back restores them).
 */
export const ObtainingPeriod = z.object({
  unlimited: z.boolean(),
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
});
export type ObtainingPeriod = z.infer<typeof ObtainingPeriod>;

export const UNLIMITED_PERIOD: ObtainingPeriod = { unlimited: true, from: null, to: null };

/** One feature of an order line. `excluded` leaves it out of the license (canExclude features only). */
export const OrderLineFeature = z.object({
  featureId: Id,
  terms: LicensingTermsShape,
  excluded: z.boolean(),
});
export type OrderLineFeature = z.infer<typeof OrderLineFeature>;

/** `license`: the product was on the serial already; `added`: picked with "Add product". */
export const OrderLineOrigin = z.enum(['license', 'added']);
export type OrderLineOrigin = z.infer<typeof OrderLineOrigin>;

export const OrderLine = z.object({
  /** A product is on an order at most once, so its id names the line. */
  lineId: Id,
  productId: Id,
  origin: OrderLineOrigin,
  features: z.array(OrderLineFeature).max(500),
});
export type OrderLine = z.infer<typeof OrderLine>;

/** The update order as entered: what `validateOrder` judges and `mergeLicense` applies. */
export const UpdateOrder = z.object({
  serialId: Id,
  obtainingPeriod: ObtainingPeriod,
  addOnMode: z.boolean(),
  crmId: z.string().max(100_000),
  comment: z.string().max(100_000),
  lines: z.array(OrderLine).max(500),
});
export type UpdateOrder = z.infer<typeof UpdateOrder>;

export const OrderType = z.enum(['new', 'update']);
export type OrderType = z.infer<typeof OrderType>;
export const OrderStatus = z.enum(['draft', 'done', 'cancelled']);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** A serial as order pages and results tables list it. */
export const SerialSummary = z.object({
  id: Id,
  serial: SerialNumber,
  status: SerialStatus,
  activationCount: z.number().int(),
  activationLimit: z.number().int(),
  customerId: Id,
  customerName: z.string(),
  orderId: Id,
  hardwareKey: z.object({ dongleId: z.string(), model: z.string() }).nullable(),
});
export type SerialSummary = z.infer<typeof SerialSummary>;

/** An order as lists show it. */
export const OrderSummary = z.object({
  id: Id,
  number: z.number().int().min(1),
  type: OrderType,
  status: OrderStatus,
  customerId: Id,
  customerName: z.string(),
  createdAt: IsoDateTime,
  submittedAt: IsoDateTime.nullable(),
  crmId: z.string().max(CRM_ID_MAX),
  comment: z.string().max(COMMENT_MAX),
});
export type OrderSummary = z.infer<typeof OrderSummary>;

/** An order with what it produced (new) or changes (update). */
export const Order = OrderSummary.extend({
  /** New order: the serials it produced. Update order: the one serial it updates. */
  serials: z.array(SerialSummary),
  serialId: Id.nullable(),
  obtainingPeriod: ObtainingPeriod.nullable(),
  addOnMode: z.boolean().nullable(),
  lines: z.array(OrderLine),
  /** When the customer obtained (applied) this update; null until then. */
  appliedAt: IsoDateTime.nullable(),
});
export type Order = z.infer<typeof Order>;

/** The machine's output once an update order is submitted. */
export const SubmittedOrder = z.object({
  id: Id,
  number: z.number().int().min(1),
  submittedAt: IsoDateTime,
  status: OrderStatus,
  serialId: Id,
});
export type SubmittedOrder = z.infer<typeof SubmittedOrder>;
