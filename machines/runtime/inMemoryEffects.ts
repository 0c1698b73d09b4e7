import {
  MESSAGES,
  canChangeOrderStatus,
  customerDisplayName,
  obtainUpdates,
  serialQueryTokens,
  toIsoDate,
  validateOrder,
  type CustomerCard,
  type License,
  type Order,
  type OrderSummary,
  type Serial,
  type SerialSummary,
  type SubmittedOrder,
} from '../domain/index.ts';
import type { OrderRequest } from '../licenseUpdateOrder/types.ts';
import { demoTenant, type StoredOrder, type TenantDataset } from './demoDataset.ts';
import { EffectError, type EffectImplementations } from './runEffects.ts';

export interface InMemoryOptions {
  /** The clock submit and obtain read; tests pin it. */
  now?: () => Date;
}

/**
 * One vendor's data in memory, with the same meaning as the service's repositories:
 * for local mode, Storybook and tests. Submit checks the rules again against what is stored now.
 */
export class InMemoryLicenseStore {
  readonly data: TenantDataset;
  private readonly now: () => Date;
  /** workflowId → order id: one order per workflow, however often submit is retried. */
  private readonly ordersByWorkflow = new Map<string, string>();
  private sequence = 0;

  constructor(data: TenantDataset = demoTenant(), options: InMemoryOptions = {}) {
    this.data = data;
    this.now = options.now ?? (() => new Date());
  }

  private customerName(customerId: string): string {
    const customer = this.data.customers.find((c) => c.id === customerId);
    return customer ? customerDisplayName(customer) : '';
  }

  serialSummary(serial: Serial): SerialSummary {
    const { hardwareKey, ...rest } = serial;
    return {
      ...rest,
      customerName: this.customerName(serial.customerId),
      hardwareKey: hardwareKey ? { dongleId: hardwareKey.dongleId, model: hardwareKey.model } : null,
    };
  }

  orderSummary(order: StoredOrder): OrderSummary {
    const { id, number, type, status, customerId, createdAt, submittedAt, crmId, comment } = order;
    return { id, number, type, status, customerId, customerName: this.customerName(customerId), createdAt, submittedAt, crmId, comment };
  }

  orderDetail(order: StoredOrder): Order {
    const serials = this.data.serials.filter((s) => (order.type === 'new' ? s.orderId === order.id : s.id === order.serialId));
    return { ...order, ...this.orderSummary(order), serials: serials.map((s) => this.serialSummary(s)) };
  }

  findSerials(query: string, customerId?: string): SerialSummary[] {
    const tokens = serialQueryTokens(query);
    return this.data.serials
      .filter((s) => (customerId === undefined || s.customerId === customerId) && tokens.some((t) => s.serial.startsWith(t)))
      .map((s) => this.serialSummary(s));
  }

  searchOrders(query: string): OrderSummary[] {
    const q = query.trim().toLowerCase();
    return this.data.orders
      .filter((o) => q === '' || String(o.number).includes(q) || o.crmId.toLowerCase().includes(q) || this.customerName(o.customerId).toLowerCase().includes(q))
      .sort((a, b) => b.number - a.number)
      .map((o) => this.orderSummary(o));
  }

  searchCustomers(query: string) {
    const q = query.trim().toLowerCase();
    return this.data.customers.filter((c) =>
      q === '' || [c.companyName ?? '', c.name, c.familyName, `${c.name} ${c.familyName}`, c.email, c.crmId].some((field) => field.toLowerCase().includes(q)),
    );
  }

  customerCard(customerId: string): CustomerCard {
    const customer = this.data.customers.find((c) => c.id === customerId);
    if (!customer) throw new EffectError('notFound', 'No such customer');
    return {
      customer,
      serials: this.data.serials.filter((s) => s.customerId === customerId).map((s) => this.serialSummary(s)),
      orders: this.data.orders.filter((o) => o.customerId === customerId).sort((a, b) => b.number - a.number).map((o) => this.orderSummary(o)),
    };
  }

  order(orderId: string): Order {
    const order = this.data.orders.find((o) => o.id === orderId);
    if (!order) throw new EffectError('notFound', 'No such order');
    return this.orderDetail(order);
  }

  serial(serialId: string): Serial {
    const serial = this.data.serials.find((s) => s.id === serialId);
    if (!serial) throw new EffectError('notFound', 'No such serial number');
    return serial;
  }

  license(serialId: string): License {
    return this.data.licenses[serialId] ?? { lines: [] };
  }

  private nextNumber(): number {
    return Math.max(0, ...this.data.orders.map((o) => o.number)) + 1;
  }

  private newOrderId(): string {
    this.sequence += 1;
    return `ord-mem-${this.sequence}`;
  }

  private orderFields(request: OrderRequest, serial: Serial) {
    return {
      customerId: serial.customerId,
      crmId: request.crmId,
      comment: request.comment,
      serialId: serial.id,
      obtainingPeriod: request.obtainingPeriod,
      addOnMode: request.addOnMode,
      lines: request.lines,
    };
  }

  /** The workflow's draft order, if one was saved. */
  private draftOf(request: OrderRequest): StoredOrder | undefined {
    const id = request.draftRef ?? (request.workflowId ? this.ordersByWorkflow.get(request.workflowId) : undefined);
    return this.data.orders.find((o) => o.id === id);
  }

  saveDraft(request: OrderRequest): string {
    const serial = this.serial(request.serialId);
    const existing = this.draftOf(request);
    if (existing) {
      if (existing.status !== 'draft') throw new EffectError('conflict', `Order ${existing.number} is ${existing.status}, not a draft`);
      Object.assign(existing, this.orderFields(request, serial));
      return existing.id;
    }
    const order: StoredOrder = {
      id: this.newOrderId(),
      number: this.nextNumber(),
      type: 'update',
      status: 'draft',
      createdAt: this.now().toISOString(),
      submittedAt: null,
      appliedAt: null,
      ...this.orderFields(request, serial),
    };
    this.data.orders.push(order);
    if (request.workflowId) this.ordersByWorkflow.set(request.workflowId, order.id);
    return order.id;
  }

  submitOrder(request: OrderRequest): SubmittedOrder {
    const previous = this.draftOf(request);
    if (previous?.status === 'done') return this.submitted(previous);
    const serial = this.serial(request.serialId);
    const { ok, errors } = validateOrder(request, {
      serial,
      license: this.license(serial.id),
      products: this.data.products,
      today: toIsoDate(this.now()),
    });
    if (!ok) throw new EffectError('validation', Object.values(errors)[0] ?? 'The order is not valid', errors);
    const at = this.now().toISOString();
    let order = previous;
    if (order) {
      if (!canChangeOrderStatus(order.status, 'done')) throw new EffectError('conflict', `Order ${order.number} is ${order.status}`);
      Object.assign(order, this.orderFields(request, serial), { status: 'done', submittedAt: at });
    } else {
      order = { id: this.newOrderId(), number: this.nextNumber(), type: 'update', status: 'done', createdAt: at, submittedAt: at, appliedAt: null, ...this.orderFields(request, serial) };
      this.data.orders.push(order);
    }
    if (request.workflowId) this.ordersByWorkflow.set(request.workflowId, order.id);
    (this.data.serialHistory[serial.id] ??= []).push({ at, kind: 'orderApplied', orderId: order.id, note: `Update order ${order.number} submitted` });
    return this.submitted(order);
  }

  private submitted(order: StoredOrder): SubmittedOrder {
    return { id: order.id, number: order.number, submittedAt: order.submittedAt ?? order.createdAt, status: order.status, serialId: order.serialId ?? '' };
  }

  cancelOrder(orderId: string): Order {
    const order = this.data.orders.find((o) => o.id === orderId);
    if (!order) throw new EffectError('notFound', 'No such order');
    if (!canChangeOrderStatus(order.status, 'cancelled')) throw new EffectError('conflict', `A ${order.status} order cannot be cancelled`);
    order.status = 'cancelled';
    return this.orderDetail(order);
  }

  /** The customer side: applies every obtainable update of the serial, once. */
  obtain(serialId: string): { license: License; applied: string[] } {
    const serial = this.serial(serialId);
    if (serial.status !== 'active') throw new EffectError('conflict', MESSAGES.serialBlocked);
    const now = this.now();
    const orders = this.data.orders.filter((o) => o.serialId === serialId);
    const result = obtainUpdates(this.license(serialId), orders, now);
    this.data.licenses[serialId] = result.license;
    for (const id of result.applied) {
      const order = orders.find((o) => o.id === id)!;
      order.appliedAt = now.toISOString();
      (this.data.serialHistory[serialId] ??= []).push({ at: now.toISOString(), kind: 'updateObtained', orderId: id, note: `Update ${order.number} obtained` });
    }
    return result;
  }
}

/** Every effect of the machine over an in-memory store. */
export function createInMemoryEffects(store: InMemoryLicenseStore = new InMemoryLicenseStore()): EffectImplementations {
  return {
    findSerials: ({ query, customerId }) => {
      const serials = store.findSerials(query, customerId);
      return serials.length > 0 ? { type: 'serials.found', serials } : { type: 'serials.notFound' };
    },
    searchOrders: ({ query }) => ({ type: 'orders.found', orders: store.searchOrders(query) }),
    loadOrder: ({ orderId }) => ({ type: 'order.loaded', order: store.order(orderId) }),
    searchCustomers: ({ query }) => ({ type: 'customers.found', customers: store.searchCustomers(query) }),
    loadCustomer: ({ customerId }) => ({ type: 'customer.loaded', ...store.customerCard(customerId) }),
    loadLicense: ({ serialId }) => {
      const serial = store.serial(serialId);
      const license = store.license(serialId);
      const productIds = new Set(license.lines.map((l) => l.productId));
      return {
        type: 'license.loaded',
        serial: store.serialSummary(serial),
        license,
        products: store.data.products.filter((p) => productIds.has(p.id)),
      };
    },
    listProducts: () => ({ type: 'products.loaded', products: store.data.products.filter((p) => p.status === 'onSale') }),
    saveDraft: (request) => ({ type: 'draft.saved', draftRef: store.saveDraft(request) }),
    submitOrder: (request) => ({ type: 'order.submitted', order: store.submitOrder(request) }),
  };
}
