import { produce, type Draft } from 'immer';
import {
  MESSAGES,
  UNLIMITED_PERIOD,
  parseSerialNumbers,
  validateOrder,
  type LicensingTerms,
  type OrderLine,
  type Product,
} from '../domain/index.ts';
import { orderContextOf } from './orderContext.ts';
import type {
  EffectInputs,
  EffectKind,
  LicenseUpdateOrderContext as Ctx,
  LicenseUpdateOrderEvent as Ev,
  Origin,
  PendingEffect,
} from './types.ts';

export type Update = (context: Ctx, event: Ev) => Ctx;
const update =
  (recipe: (draft: Draft<Ctx>, event: Ev, context: Ctx) => void): Update =>
  (context, event) =>
    produce(context, (draft) => recipe(draft, event, context));

/** Form errors are derived from the whole order after every change, never patched by hand. */
function withOrderErrors(context: Ctx): Ctx {
  const orderContext = orderContextOf(context);
  return { ...context, errors: context.draft && orderContext ? validateOrder(context.draft, orderContext).errors : {} };
}

/** A form change: apply it, then derive the errors from the finished context (reading through immer drafts is slow). */
const formUpdate =
  (recipe: (draft: Draft<Ctx>, event: Ev, context: Ctx) => void): Update =>
  (context, event) =>
    withOrderErrors(produce(context, (draft) => recipe(draft, event, context)));

function serialInputErrors(text: string): Record<string, string> {
  const { malformed } = parseSerialNumbers(text);
  return malformed.length > 0 ? { serial: `Not a serial number: ${malformed.slice(0, 3).join(', ')}` } : {};
}

function toOrderRequest(context: Ctx): EffectInputs['saveDraft'] {
  if (!context.draft) throw new Error('No order to send: the license was never loaded');
  return { ...context.draft, draftRef: context.draftRef, workflowId: context.workflowId };
}

/** The input each effect is asked with, read from context when its busy state is entered. */
const effectInput: { [K in EffectKind]: (context: Ctx) => EffectInputs[K] } = {
  findSerials: (c) => {
    const query = parseSerialNumbers(c.serialText).serials.join(' ');
    return c.way === 'customer' && c.card ? { query, customerId: c.card.customer.id } : { query };
  },
  searchOrders: (c) => ({ query: c.orderQuery }),
  loadOrder: (c) => ({ orderId: c.requestedOrderId ?? '' }),
  searchCustomers: (c) => ({ query: c.customerQuery }),
  loadCustomer: (c) => ({ customerId: c.requestedCustomerId ?? '' }),
  loadLicense: (c) => ({ serialId: c.chosenSerialId ?? '' }),
  listProducts: () => ({}),
  saveDraft: toOrderRequest,
  submitOrder: toOrderRequest,
};

/** Entering a busy state asks for its effect; the id makes the request idempotent and its answer recognisable. */
export function requestEffect(kind: EffectKind): Update {
  return update((draft, _event, context) => {
    draft.effectCount = context.effectCount + 1;
    draft.pending = { id: `${kind}-${draft.effectCount}`, kind, input: effectInput[kind](context) } as PendingEffect;
    draft.failure = null;
  });
}

function linesFromLicense(license: Ctx['license']): OrderLine[] {
  return (license?.lines ?? []).map((line) => ({
    lineId: line.productId,
    productId: line.productId,
    origin: 'license' as const,
    features: line.features.map((f) => ({ featureId: f.featureId, terms: f.terms, excluded: false })),
  }));
}

function mergeProducts(known: readonly Product[], incoming: readonly Product[]): Product[] {
  const byId = new Map(known.map((p) => [p.id, p]));
  for (const product of incoming) byId.set(product.id, product);
  return [...byId.values()];
}

function editingDraftLine(draft: Draft<Ctx>) {
  return draft.draft?.lines.find((l) => l.lineId === draft.editingLineId);
}

export const updates = {
  clearPending: update((draft) => {
    draft.pending = null;
  }),
  recordFailure: update((draft, event, context) => {
    if (event.type !== 'effect.failed' || !context.pending) return;
    draft.failure = { id: event.id, kind: context.pending.kind, code: event.code, message: event.message, errors: event.errors ?? {} };
    draft.pending = null;
  }),
  selectWay: update((draft, event) => {
    if (event.type !== 'way.select') return;
    draft.way = event.way;
    draft.errors = {};
    draft.failure = null;
  }),
  setSerialText: update((draft, event) => {
    if (event.type !== 'serial.input') return;
    draft.serialText = event.text;
    draft.errors = serialInputErrors(event.text);
  }),
  storeSerialResults: update((draft, event) => {
    draft.pending = null;
    if (event.type === 'serials.found') {
      draft.serialResults = event.serials;
      draft.selectedSerialId = event.serials.length === 1 ? event.serials[0]!.id : null;
      draft.errors = event.serials.length === 1 && event.serials[0]!.status === 'blocked' ? { serial: MESSAGES.serialBlocked } : {};
    } else {
      draft.serialResults = [];
      draft.selectedSerialId = null;
      draft.errors = { serial: 'No serial number matches' };
    }
  }),
  selectSerial: update((draft, event, context) => {
    if (event.type !== 'serial.select' && event.type !== 'serial.update') return;
    const serialId = event.serialId ?? context.selectedSerialId;
    draft.selectedSerialId = serialId;
    const serial = [...context.serialResults, ...(context.order?.serials ?? [])].find((s) => s.id === serialId);
    draft.errors = serial?.status === 'blocked' ? { serial: MESSAGES.serialBlocked } : {};
  }),
  setOrderQuery: update((draft, event) => {
    if (event.type === 'orders.search') draft.orderQuery = event.query;
  }),
  storeOrders: update((draft, event) => {
    draft.pending = null;
    if (event.type === 'orders.found') draft.orders = event.orders;
  }),
  requestOrder: update((draft, event) => {
    if (event.type === 'order.open') draft.requestedOrderId = event.orderId;
  }),
  storeOrder: update((draft, event) => {
    draft.pending = null;
    if (event.type !== 'order.loaded') return;
    draft.order = event.order;
    draft.selectedSerialId = null;
    draft.errors = {};
  }),
  setCustomerQuery: update((draft, event) => {
    if (event.type === 'customers.search') draft.customerQuery = event.query;
  }),
  storeCustomers: update((draft, event) => {
    draft.pending = null;
    if (event.type === 'customers.found') draft.customers = event.customers;
  }),
  requestCustomer: update((draft, event) => {
    if (event.type === 'customer.open') draft.requestedCustomerId = event.customerId;
  }),
  storeCustomerCard: update((draft, event) => {
    draft.pending = null;
    if (event.type !== 'customer.loaded') return;
    draft.card = { customer: event.customer, serials: event.serials, orders: event.orders };
    draft.serialResults = event.serials;
    draft.serialText = '';
    draft.selectedSerialId = null;
    draft.errors = {};
  }),
  chooseSerial: (origin: Origin) =>
    update((draft, event, context) => {
      const fromOrderPage = origin === 'orderPage' || origin === 'customerOrderPage';
      draft.origin = origin;
      draft.chosenSerialId = fromOrderPage
        ? (context.order?.serials[0]?.id ?? null)
        : ((event.type === 'serial.update' ? event.serialId : undefined) ?? context.selectedSerialId);
    }),
  startOrderForm: formUpdate((draft, event, context) => {
    draft.pending = null;
    if (event.type !== 'license.loaded') return;
    draft.serial = event.serial;
    draft.license = event.license;
    draft.products = mergeProducts(context.products, event.products ?? []);
    // Coming back to the same serial ("one screen back", then Update again) keeps what was typed.
    if (context.draft?.serialId !== event.serial.id) {
      draft.draft = {
        serialId: event.serial.id,
        obtainingPeriod: UNLIMITED_PERIOD,
        addOnMode: true,
        crmId: '',
        comment: '',
        lines: linesFromLicense(event.license),
      };
      draft.draftRef = null;
    }
    draft.editingLineId = null;
  }),
  setUnlimited: formUpdate((draft, event) => {
    if (event.type !== 'period.setUnlimited' || !draft.draft) return;
    draft.draft.obtainingPeriod.unlimited = event.unlimited;
  }),
  setDates: formUpdate((draft, event) => {
    if (event.type !== 'period.setDates' || !draft.draft) return;
    if (event.from !== undefined) draft.draft.obtainingPeriod.from = event.from;
    if (event.to !== undefined) draft.draft.obtainingPeriod.to = event.to;
  }),
  setAddOn: formUpdate((draft, event) => {
    if (event.type !== 'addOn.set' || !draft.draft) return;
    draft.draft.addOnMode = event.enabled;
  }),
  setCrmId: formUpdate((draft, event) => {
    if (event.type !== 'crmId.change' || !draft.draft) return;
    draft.draft.crmId = event.value;
  }),
  setComment: formUpdate((draft, event) => {
    if (event.type !== 'comment.change' || !draft.draft) return;
    draft.draft.comment = event.value;
  }),
  editLine: update((draft, event) => {
    if (event.type === 'line.changeRestrictions' || event.type === 'order.back') draft.editingLineId = event.lineId ?? null;
  }),
  stopEditingLine: update((draft) => {
    draft.editingLineId = null;
  }),
  setFeatureTerms: formUpdate((draft, event) => {
    if (event.type !== 'feature.setTerms') return;
    const feature = editingDraftLine(draft)?.features.find((f) => f.featureId === event.featureId);
    if (feature) feature.terms = event.terms as LicensingTerms;
  }),
  excludeFeature: formUpdate((draft, event) => {
    if (event.type !== 'feature.exclude') return;
    const feature = editingDraftLine(draft)?.features.find((f) => f.featureId === event.featureId);
    if (feature) feature.excluded = event.excluded;
  }),
  removeLine: formUpdate((draft, _event, context) => {
    if (draft.draft) draft.draft.lines = draft.draft.lines.filter((l) => l.lineId !== context.editingLineId);
    draft.editingLineId = null;
  }),
  storeCatalog: update((draft, event, context) => {
    draft.pending = null;
    if (event.type === 'products.loaded') draft.products = mergeProducts(context.products, event.products);
  }),
  addProductLine: formUpdate((draft, event, context) => {
    if (event.type !== 'product.pick' || !draft.draft) return;
    const product = context.products.find((p) => p.id === event.productId);
    if (!product) return;
    draft.draft.lines.push({
      lineId: product.id,
      productId: product.id,
      origin: 'added',
      features: product.features.map((f) => ({ featureId: f.id, terms: f.defaultTerms, excluded: false })),
    });
    draft.editingLineId = product.id;
  }),
  storeDraftRef: update((draft, event) => {
    draft.pending = null;
    if (event.type === 'draft.saved') draft.draftRef = event.draftRef;
  }),
  storeSubmittedOrder: update((draft, event) => {
    draft.pending = null;
    if (event.type === 'order.submitted') draft.submittedOrder = event.order;
  }),
};
