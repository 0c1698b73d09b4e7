import {
  EffectError,
  canChangeOrderStatus,
  serialQueryTokens,
  toIsoDate,
  validateOrder,
  type EffectImplementations,
  type EffectKind,
  type SubmittedOrder,
} from '../../machines/index.ts';
import type { OrderRow } from '../db/tables.ts';
import { customers, orders, products, serials } from '../repositories/index.ts';
import { iso } from '../repositories/rows.ts';
import type { UnitOfWork } from './unitOfWork.ts';

/** How many rows an effect answer carries at most: answers land in the snapshot, which is stored on every request. */
export const EFFECT_LIST_LIMIT = 100;

/** What the log records of an effect: its kind and how it was answered. */
export interface EffectRecord {
  kind: EffectKind;
  answer: string;
  code?: string;
}

export interface EffectsContext {
  uow: UnitOfWork;
  tenantId: string;
  /** The request's clock: submit's "today" and every timestamp it writes. */
  now: Date;
  /** Collects what ran, for the event log. */
  record: (entry: EffectRecord) => void;
}

/**
 * Every effect of the machine against the database, for one tenant, bound to one request's unit of work.
 * They mean what InMemoryLicenseStore means (machines/runtime/inMemoryEffects.ts), with rows instead of arrays.
 */
export function createDatabaseEffects(context: EffectsContext): EffectImplementations {
  const { uow, tenantId, now } = context;
  const read = () => uow.reader();

  const implementations: EffectImplementations = {
    findSerials: async ({ query, customerId }) => {
      const page = await serials.findSerials(read(), tenantId, { tokens: serialQueryTokens(query), customerId, limit: EFFECT_LIST_LIMIT });
      return page.items.length > 0 ? { type: 'serials.found', serials: page.items } : { type: 'serials.notFound' };
    },
    searchOrders: async ({ query }) => ({
      type: 'orders.found',
      orders: (await orders.searchOrders(read(), tenantId, { query, limit: EFFECT_LIST_LIMIT })).items,
    }),
    loadOrder: async ({ orderId }) => {
      const order = await orders.getOrder(read(), tenantId, orderId);
      if (!order) throw new EffectError('notFound', 'No such order');
      return { type: 'order.loaded', order };
    },
    searchCustomers: async ({ query }) => ({
      type: 'customers.found',
      customers: (await customers.searchCustomers(read(), tenantId, { query, limit: EFFECT_LIST_LIMIT })).items,
    }),
    loadCustomer: async ({ customerId }) => {
      const customer = await customers.getCustomer(read(), tenantId, customerId);
      if (!customer) throw new EffectError('notFound', 'No such customer');
      const [tab, list] = [
        await serials.customerSerials(read(), tenantId, customerId, { query: '', limit: EFFECT_LIST_LIMIT }),
        await orders.searchOrders(read(), tenantId, { query: '', customerId, limit: EFFECT_LIST_LIMIT }),
      ];
      return { type: 'customer.loaded', customer, serials: tab.items, orders: list.items };
    },
    loadLicense: async ({ serialId }) => {
      const serial = await serials.getSerialSummary(read(), tenantId, serialId);
      if (!serial) throw new EffectError('notFound', 'No such serial number');
      const license = await serials.getLicense(read(), tenantId, serialId);
      const productIds = [...new Set(license.lines.map((l) => l.productId))];
      return { type: 'license.loaded', serial, license, products: await products.allProducts(read(), tenantId, { ids: productIds }) };
    },
    listProducts: async () => ({ type: 'products.loaded', products: await products.allProducts(read(), tenantId, { status: 'onSale' }) }),

    saveDraft: async (request) => {
      const db = await uow.writer();
      const serial = await serials.lockSerial(db, tenantId, request.serialId, 'share');
      if (!serial) throw new EffectError('notFound', 'No such serial number');
      // A draft may be incomplete, but what order lists show must fit their columns.
      const { errors } = validateOrder(request, { serial, license: { lines: [] }, products: [], today: toIsoDate(now) });
      const tooLong = Object.fromEntries(Object.entries(errors).filter(([path]) => path === 'crmId' || path === 'comment'));
      if (Object.keys(tooLong).length > 0) throw new EffectError('validation', Object.values(tooLong)[0]!, tooLong);
      const existing = await orders.lockOrderOfWorkflow(db, tenantId, request);
      const fields = { customerId: serial.customer_id, order: request, workflowId: request.workflowId };
      if (existing) {
        if (existing.status !== 'draft') throw new EffectError('conflict', `Order ${existing.number} is ${existing.status}, not a draft`);
        await orders.updateOrderFields(db, tenantId, existing.id, fields);
        return { type: 'draft.saved', draftRef: existing.id };
      }
      const number = await orders.nextOrderNumber(db, tenantId);
      const id = await orders.insertUpdateOrder(db, tenantId, { ...fields, number, status: 'draft', at: iso(now) });
      return { type: 'draft.saved', draftRef: id };
    },

    submitOrder: async (request) => {
      const db = await uow.writer();
      // Lock order: serial, then order, then the tenant's number sequence (obtain takes serial, then orders).
      const serial = await serials.lockSerial(db, tenantId, request.serialId, 'share');
      if (!serial) throw new EffectError('notFound', 'No such serial number');
      const previous = await orders.lockOrderOfWorkflow(db, tenantId, request);
      if (previous?.status === 'done') return { type: 'order.submitted', order: submitted(previous) };
      if (previous && !canChangeOrderStatus(previous.status, 'done')) {
        throw new EffectError('conflict', `Order ${previous.number} is ${previous.status} and cannot be submitted`);
      }
      // Every rule of "What submit must guarantee", against the rows as they are now.
      const productIds = [...new Set(request.lines.map((l) => l.productId))];
      const { ok, errors } = validateOrder(request, {
        serial: { id: serial.id, status: serial.status },
        license: await serials.getLicense(db, tenantId, serial.id),
        products: await products.allProducts(db, tenantId, { ids: productIds }),
        today: toIsoDate(now),
      });
      if (!ok) throw new EffectError('validation', Object.values(errors)[0] ?? 'The order is not valid', errors);

      const at = iso(now);
      const fields = { customerId: serial.customer_id, order: request, workflowId: request.workflowId };
      let id: string;
      let number: number;
      if (previous) {
        await orders.updateOrderFields(db, tenantId, previous.id, fields);
        await orders.setOrderStatus(db, tenantId, previous.id, 'done', at);
        ({ id, number } = previous);
      } else {
        number = await orders.nextOrderNumber(db, tenantId);
        id = await orders.insertUpdateOrder(db, tenantId, { ...fields, number, status: 'done', at });
      }
      await serials.addSerialHistory(db, tenantId, { serialId: serial.id, kind: 'orderApplied', orderId: id, note: `Update order ${number} submitted`, at });
      const order: SubmittedOrder = { id, number, submittedAt: at, status: 'done', serialId: serial.id };
      return { type: 'order.submitted', order };
    },
  };

  return guarded(implementations, context);
}

function submitted(order: OrderRow): SubmittedOrder {
  return { id: order.id, number: order.number, submittedAt: iso(order.submitted_at ?? order.created_at), status: order.status, serialId: order.serial_id ?? '' };
}

/**
 * Records every answer, and keeps database errors out of the snapshot: the machine hears a neutral
 * `effect.failed`, while the request is marked failed so nothing of it is persisted.
 */
function guarded(implementations: EffectImplementations, { uow, record }: EffectsContext): EffectImplementations {
  const wrap = <K extends EffectKind>(kind: K, run: EffectImplementations[K]): EffectImplementations[K] =>
    (async (input: never, request: never) => {
      try {
        const answer = await (run as (i: unknown, r: unknown) => Promise<{ type: string }>)(input, request);
        record({ kind, answer: answer.type });
        return answer;
      } catch (error) {
        if (error instanceof EffectError) {
          record({ kind, answer: 'effect.failed', code: error.code });
          throw error;
        }
        uow.fail(error);
        throw new EffectError('unavailable', 'The service could not complete this step');
      }
    }) as unknown as EffectImplementations[K];
  const result = {} as Record<EffectKind, unknown>;
  for (const kind of Object.keys(implementations) as EffectKind[]) result[kind] = wrap(kind, implementations[kind] as never);
  return result as EffectImplementations;
}
