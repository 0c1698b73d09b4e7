import {
  UNLIMITED_PERIOD,
  addDays,
  baselineTerms,
  sameTerms,
  type License,
  type LicensingTerms,
  type OrderLine,
  type Product,
  type Serial,
} from '../domain/index.ts';
import {
  EFFECT_ANSWER_TYPES,
  selectStatePath,
  type EffectAnswer,
  type LicenseUpdateOrderContext,
  type LicenseUpdateOrderEvent,
  type LicenseUpdateOrderSnapshot,
  type Origin,
  type PendingEffect,
} from '../licenseUpdateOrder/index.ts';
import { isLeaving } from './observe.ts';
import { EffectError, InMemoryLicenseStore, createInMemoryEffects, demoTenant, type TenantDataset } from '../runtime/index.ts';

type Ev = LicenseUpdateOrderEvent;
type Ctx = LicenseUpdateOrderContext;

/** Pinned so generated paths, answers and reports are the same on every day the suite runs. */
export const DEFAULT_TODAY = '2026-12-01';

/** What the default cases are built from, all read from the dataset (nothing invented but two bad inputs). */
export interface DemoFixtures {
  tenant: TenantDataset;
  today: string;
  /** The instant submit and save read in the answers: noon UTC of `today`. */
  now: Date;
  /** The active serial whose license has the most product lines: the form is explored in depth on it. */
  richSerial: Serial;
  blockedSerial: Serial;
  /** Two active serials produced by one new order: a results table with two rows, and "pick one" on the order page. */
  pairSerials: [Serial, Serial];
  /** Well formed, but no serial of the tenant has it. */
  unknownSerial: string;
  malformedSerialText: string;
  /** What the serial field is filled with on the serial way. */
  serialTexts: string[];
  orderQueries: string[];
  customerQueries: string[];
  periods: { valid: DateRange; reversed: DateRange; past: DateRange; cleared: DateRange };
  crmIds: string[];
  comments: string[];
}

type DateRange = { from: string | null; to: string | null };

export interface DemoEventCasesOptions {
  /** Defaults to `demoTenant()`; the dataset is cloned for every answer, never changed. */
  tenant?: TenantDataset;
  today?: string;
  /** Where the form is explored edit by edit; elsewhere the generator only checks it opens, reviews and goes back. */
  deepForm?: { origin: Origin; serialId: string };
}

export interface EventCases {
  fixtures: DemoFixtures;
  deepForm: { origin: Origin; serialId: string };
  /** The events worth trying in a snapshot: operator events and, when busy, the effect's answers (current, failed, stale). */
  events(snapshot: LicenseUpdateOrderSnapshot): Ev[];
  /** The in-memory effects' answer to a request, as the event the machine receives (id included). */
  answer(pending: PendingEffect): EffectAnswer;
  /** Whether `events` produced this very object as a stale answer (an old id, to be ignored). */
  isStale(event: object): boolean;
}

const ANSWER_TYPES: ReadonlySet<string> = new Set(EFFECT_ANSWER_TYPES);

export function isEffectAnswer(event: { type: string }): event is EffectAnswer {
  return ANSWER_TYPES.has(event.type);
}

/** An id the machine issued before the pending one (or never): answering with it must be ignored. */
export function staleIdOf(pendingId: string): string {
  const match = /^(.*?)(\d+)$/.exec(pendingId);
  return match ? `${match[1]}${Number(match[2]) - 1}` : `${pendingId}-old`;
}

function licenseOf(tenant: TenantDataset, serialId: string): License {
  return tenant.licenses[serialId] ?? { lines: [] };
}

export function demoFixtures(options: { tenant?: TenantDataset; today?: string } = {}): DemoFixtures {
  const tenant = options.tenant ?? demoTenant();
  const today = options.today ?? DEFAULT_TODAY;
  const active = tenant.serials.filter((s) => s.status === 'active');
  const richSerial = [...active].sort((a, b) => licenseOf(tenant, b.id).lines.length - licenseOf(tenant, a.id).lines.length)[0];
  const blockedSerial = tenant.serials.find((s) => s.status === 'blocked');
  const pairOrder = tenant.orders.find((o) => o.type === 'new' && active.filter((s) => s.orderId === o.id).length >= 2);
  const pair = pairOrder ? active.filter((s) => s.orderId === pairOrder.id).slice(0, 2) : [];
  if (!richSerial || !blockedSerial || pair.length < 2) {
    throw new Error('The dataset needs an active serial, a blocked serial and a new order with two active serials');
  }
  const unknownSerial = ['ZZZZZZ', 'ZZZZZZ', 'ZZZZZZ', 'ZZZZZZ', 'ZZZZZZ'].join('-');
  const malformedSerialText = 'not-a-serial';
  const richCustomer = tenant.customers.find((c) => c.id === richSerial.customerId);
  return {
    tenant,
    today,
    now: new Date(`${today}T12:00:00.000Z`),
    richSerial,
    blockedSerial,
    pairSerials: [pair[0]!, pair[1]!],
    unknownSerial,
    malformedSerialText,
    serialTexts: [richSerial.serial, blockedSerial.serial, `${pair[0]!.serial}\n${pair[1]!.serial}`, unknownSerial, malformedSerialText],
    orderQueries: ['', String(pairOrder!.number)],
    customerQueries: ['', richCustomer?.familyName ?? ''],
    periods: {
      valid: { from: today, to: addDays(today, 30) },
      reversed: { from: addDays(today, 30), to: today },
      past: { from: addDays(today, -30), to: addDays(today, -1) },
      cleared: { from: null, to: null },
    },
    crmIds: ['', 'CRM-MODEL-1', 'C'.repeat(65)],
    comments: ['', 'Renewal agreed on the phone', 'c'.repeat(2001)],
  };
}

/** A different valid value of the same model: what "Change license restrictions" typically does. */
export function alternativeTerms(terms: LicensingTerms): LicensingTerms {
  switch (terms.model) {
    case 'perpetual':
      return { ...terms, networkSeats: (terms.networkSeats ?? 0) + 1 };
    case 'rental':
      return { ...terms, to: addDays(terms.to, 30) };
    case 'expiration':
      return { ...terms, expiresOn: addDays(terms.expiresOn, 30) };
    case 'subscription':
      return { ...terms, days: terms.days + 30 };
    case 'launches':
      return { ...terms, count: terms.count + 50 };
  }
}

/** Terms with the right shape that break their model's rule (days: 0 and the like). */
export function ruleBreakingTerms(terms: LicensingTerms): LicensingTerms {
  switch (terms.model) {
    case 'rental':
      return { ...terms, to: terms.from };
    case 'subscription':
      return { ...terms, days: 0 };
    case 'launches':
      return { ...terms, count: 0 };
    case 'perpetual':
    case 'expiration':
      return { ...terms, networkSeats: -1 };
  }
}

/** Not terms of any model: the machine refuses them outright. */
export const SHAPELESS_TERMS = { model: 'subscription', days: 'forever' } as const;

const samePeriod = (a: Ctx['draft'] & object, b: typeof UNLIMITED_PERIOD) =>
  a.obtainingPeriod.unlimited === b.unlimited && a.obtainingPeriod.from === b.from && a.obtainingPeriod.to === b.to;

/**
 * The parts of the order the operator has changed: `period`, `addOn`, `crmId`, `comment`,
 * `line:<productId>` (a license line's features) and `added` (products added).
 */
export function changedParts(context: Ctx): Set<string> {
  const parts = new Set<string>();
  const draft = context.draft;
  if (!draft || !context.license) return parts;
  if (!samePeriod(draft, UNLIMITED_PERIOD)) parts.add('period');
  if (!draft.addOnMode) parts.add('addOn');
  if (draft.crmId !== '') parts.add('crmId');
  if (draft.comment !== '') parts.add('comment');
  for (const line of draft.lines) {
    if (line.origin === 'added') {
      parts.add('added');
      continue;
    }
    const current = context.license.lines.find((l) => l.productId === line.productId);
    const untouched =
      current !== undefined &&
      line.features.length === current.features.length &&
      line.features.every((f) => !f.excluded && current.features.some((c) => c.featureId === f.featureId && sameTerms(c.terms, f.terms)));
    if (!untouched) parts.add(`line:${line.productId}`);
  }
  return parts;
}

function partOf(line: OrderLine): string {
  return line.origin === 'added' ? 'added' : `line:${line.productId}`;
}

/**
 * The default event cases for `createTestModel`, built from the demo dataset.
 * They keep the reachable state space small on purpose (a bounded model):
 * - a way is entered from a fresh start only, and a list entry (order, customer) is opened once: back out, and the
 *   generator only goes further back (`isLeaving`); tabs are switched only while the serials tab is untouched;
 * - after an effect failed, only retry, back and cancel are tried;
 * - the form is explored in depth for one serial and one way (`deepForm`), one changed part at a time
 *   (change the period, or a line, or the CRM ID …, then undo it); elsewhere it is opened, reviewed, submitted and left.
 */
export function createDemoEventCases(options: DemoEventCasesOptions = {}): EventCases {
  const fixtures = demoFixtures(options);
  const { tenant, now } = fixtures;
  const deepForm = options.deepForm ?? { origin: 'serialResults' as const, serialId: fixtures.richSerial.id };
  const answers = new Map<string, EffectAnswer>();

  const answer = (pending: PendingEffect): EffectAnswer => {
    const key = `${pending.kind}:${JSON.stringify(pending.input)}`;
    let found = answers.get(key);
    if (!found) {
      // A fresh store for every distinct request: the answer depends on the request alone, as a model's must.
      const effects = createInMemoryEffects(new InMemoryLicenseStore(structuredClone(tenant), { now: () => now }));
      const run = effects[pending.kind] as (input: unknown, request: { id: string; kind: string }) => unknown;
      try {
        const result = run(pending.input, { id: pending.id, kind: pending.kind });
        if (result instanceof Promise) throw new Error('The in-memory effects answer synchronously');
        found = result as EffectAnswer;
      } catch (error) {
        if (!(error instanceof EffectError)) throw error;
        found = { type: 'effect.failed', id: '', code: error.code, message: error.message, ...(error.errors ? { errors: error.errors } : {}) };
      }
      answers.set(key, found);
    }
    return { ...found, id: pending.id } as EffectAnswer;
  };

  const cancel: Ev = { type: 'wizard.cancel' };
  const back: Ev = { type: 'nav.back' };

  const stale = new WeakSet<object>();
  const busyEvents = (pending: PendingEffect): Ev[] => {
    const current = answer(pending);
    const old = { ...current, id: staleIdOf(pending.id) } as Ev;
    stale.add(old);
    return [
      current,
      { type: 'effect.failed', id: pending.id, code: 'unavailable', message: `The ${pending.kind} service did not answer (model)` },
      old,
      // What the screen around a busy state offers must wait for the answer (only the card's tabs surround one).
      { type: 'tab.select', tab: 'serials' },
      { type: 'tab.select', tab: 'orders' },
      back,
      cancel,
    ];
  };

  const serialRows = (c: Ctx, rows: readonly { id: string }[]): Ev[] => [
    ...rows.filter((s) => s.id !== c.selectedSerialId).map((s): Ev => ({ type: 'serial.select', serialId: s.id })),
    { type: 'serial.update' },
  ];

  const inputs = (c: Ctx, texts: readonly string[]): Ev[] =>
    texts.filter((t) => t !== c.serialText).map((text): Ev => ({ type: 'serial.input', text }));

  const cardTexts = (c: Ctx): string[] => {
    const own = (c.card?.serials ?? []).map((s) => s.serial);
    const foreign = tenant.serials.find((s) => s.customerId !== c.card?.customer.id)?.serial;
    return [...own, fixtures.malformedSerialText, ...(foreign ? [foreign] : [])];
  };

  const isDeep = (c: Ctx) => c.origin === deepForm.origin && c.serial?.id === deepForm.serialId;

  const formEvents = (c: Ctx): Ev[] => {
    const draft = c.draft!;
    if (!isDeep(c)) return [{ type: 'order.review' }, back, cancel];
    const changed = changedParts(c);
    const may = (part: string) => changed.size === 0 || changed.has(part);
    const events: Ev[] = [];
    if (may('period')) {
      const period = draft.obtainingPeriod;
      events.push({ type: 'period.setUnlimited', unlimited: !period.unlimited });
      for (const range of Object.values(fixtures.periods)) {
        if (range.from !== period.from || range.to !== period.to) events.push({ type: 'period.setDates', ...range });
      }
    }
    if (may('addOn')) events.push({ type: 'addOn.set', enabled: !draft.addOnMode });
    if (may('crmId')) events.push(...fixtures.crmIds.filter((v) => v !== draft.crmId).map((value): Ev => ({ type: 'crmId.change', value })));
    if (may('comment')) events.push(...fixtures.comments.filter((v) => v !== draft.comment).map((value): Ev => ({ type: 'comment.change', value })));
    events.push(...draft.lines.map((line): Ev => ({ type: 'line.changeRestrictions', lineId: line.lineId })));
    events.push({ type: 'product.add' }, { type: 'draft.save' }, { type: 'order.review' }, back, cancel);
    return events;
  };

  const productOf = (c: Ctx, productId: string): Product | undefined => c.products.find((p) => p.id === productId);

  const editorEvents = (c: Ctx): Ev[] => {
    const line = c.draft?.lines.find((l) => l.lineId === c.editingLineId);
    const product = line ? productOf(c, line.productId) : undefined;
    const events: Ev[] = [];
    if (line && product && c.license) {
      const changed = changedParts(c);
      if (changed.size === 0 || changed.has(partOf(line))) {
        const withDefinition = line.features.map((f) => ({ f, def: product.features.find((d) => d.id === f.featureId) }));
        const modifiable = withDefinition.find((x) => x.def?.canModify);
        if (modifiable?.def) {
          const baseline = baselineTerms(line, modifiable.def, c.license);
          const cases = [alternativeTerms(baseline), ruleBreakingTerms(baseline), baseline].filter((t) => !sameTerms(t, modifiable.f.terms));
          events.push(...cases.map((terms): Ev => ({ type: 'feature.setTerms', featureId: modifiable.f.featureId, terms })));
          events.push({ type: 'feature.setTerms', featureId: modifiable.f.featureId, terms: SHAPELESS_TERMS });
        }
        const fixed = withDefinition.find((x) => x.def && !x.def.canModify);
        if (fixed) events.push({ type: 'feature.setTerms', featureId: fixed.f.featureId, terms: alternativeTerms(fixed.f.terms) });
        const excludable = withDefinition.find((x) => x.def?.canExclude);
        if (excludable) events.push({ type: 'feature.exclude', featureId: excludable.f.featureId, excluded: !excludable.f.excluded });
        const kept = withDefinition.find((x) => x.def && !x.def.canExclude);
        if (kept) events.push({ type: 'feature.exclude', featureId: kept.f.featureId, excluded: true });
      }
    }
    events.push({ type: 'line.remove' }, { type: 'order.back' }, back, cancel);
    return events;
  };

  const pickerEvents = (c: Ctx): Ev[] => {
    const onOrder = new Set(c.draft?.lines.map((l) => l.productId) ?? []);
    const changed = changedParts(c);
    const events: Ev[] = [];
    if (changed.size === 0 || changed.has('added')) {
      events.push(...c.products.filter((p) => p.status === 'onSale' && !onOrder.has(p.id)).map((p): Ev => ({ type: 'product.pick', productId: p.id })));
      const already = c.draft?.lines[0]?.productId;
      if (already) events.push({ type: 'product.pick', productId: already });
      const notOnSale = c.products.find((p) => p.status !== 'onSale' && !onOrder.has(p.id));
      if (notOnSale) events.push({ type: 'product.pick', productId: notOnSale.id });
    }
    events.push({ type: 'order.back' }, back, cancel);
    return events;
  };

  const reviewEvents = (c: Ctx): Ev[] => {
    if (!isDeep(c)) return [{ type: 'order.submit' }, back, cancel];
    const first = c.draft?.lines[0]?.lineId;
    return [
      { type: 'order.submit' },
      ...(first ? [{ type: 'line.changeRestrictions', lineId: first } as Ev, { type: 'order.back', lineId: first } as Ev] : []),
      { type: 'product.add' },
      { type: 'order.back' },
      back,
      cancel,
    ];
  };

  const events = (snapshot: LicenseUpdateOrderSnapshot): Ev[] => {
    if (snapshot.status !== 'active') return [];
    const c = snapshot.context;
    if (c.pending) return busyEvents(c.pending);
    if (isLeaving(snapshot)) return selectStatePath(snapshot) === 'entrySelection' ? [cancel] : [back, cancel];
    if (c.failure) return [{ type: 'effect.retry' }, back, { type: 'order.back' }, cancel];
    // Backing out of a choice already made: only further back (keeps the model bounded, see above).
    const backingOut = c.draft !== null;
    switch (selectStatePath(snapshot)) {
      case 'entrySelection':
        return [...(['serial', 'order', 'customer'] as const).map((way): Ev => ({ type: 'way.select', way })), cancel];
      case 'serialDefinition.editing':
        return [...inputs(c, fixtures.serialTexts), { type: 'serial.search' }, back, cancel];
      case 'serialDefinition.results':
        return backingOut
          ? [{ type: 'serial.update' }, back, cancel]
          : [...serialRows(c, c.serialResults), ...inputs(c, [fixtures.malformedSerialText]), { type: 'serial.search' }, back, cancel];
      case 'orderSelection.list':
        return [
          ...fixtures.orderQueries.filter((q) => q !== c.orderQuery).map((query): Ev => ({ type: 'orders.search', query })),
          ...c.orders.map((o): Ev => ({ type: 'order.open', orderId: o.id })),
          back,
          cancel,
        ];
      case 'orderSelection.orderPage':
      case 'customerSelection.card.ordersTab.orderPage':
        return [{ type: 'order.updateLicense' }, back, cancel];
      case 'orderSelection.pickingSerial':
      case 'customerSelection.card.ordersTab.pickingSerial':
        return backingOut ? [{ type: 'serial.update' }, back, cancel] : [...serialRows(c, c.order?.serials ?? []), back, cancel];
      case 'customerSelection.list':
        return [
          ...fixtures.customerQueries.filter((q) => q !== c.customerQuery).map((query): Ev => ({ type: 'customers.search', query })),
          ...c.customers.map((customer): Ev => ({ type: 'customer.open', customerId: customer.id })),
          back,
          cancel,
        ];
      case 'customerSelection.card.serialsTab.idle': {
        if (backingOut) return [{ type: 'serial.update' }, back, cancel];
        // Switch tabs only from an untouched serials tab, so the orders tab never carries what was typed here.
        const untouched = c.serialText === '' && c.selectedSerialId === null && c.serialResults.length === (c.card?.serials.length ?? 0);
        return [
          ...inputs(c, cardTexts(c)),
          { type: 'serial.search' },
          ...serialRows(c, c.serialResults),
          ...(untouched ? [{ type: 'tab.select', tab: 'orders' } as Ev] : []),
          back,
          cancel,
        ];
      }
      case 'customerSelection.card.serialsTab.licenseUpdatePage':
        return [{ type: 'serial.update' }, back, cancel];
      case 'customerSelection.card.ordersTab.idle':
        return [...(c.card?.orders ?? []).map((o): Ev => ({ type: 'order.open', orderId: o.id })), { type: 'tab.select', tab: 'serials' }, back, cancel];
      case 'orderForm.editing':
        return formEvents(c);
      case 'orderForm.productEditor':
        return editorEvents(c);
      case 'orderForm.productPicker.choosing':
        return pickerEvents(c);
      case 'review':
        return reviewEvents(c);
      default:
        return [back, cancel];
    }
  };

  return { fixtures, deepForm, events, answer, isStale: (event) => stale.has(event) };
}

