import { describe, expect, it } from 'vitest';
import { demoTenant } from '../runtime/demoDataset.ts';
import { MESSAGES, baselineTerms, periodErrors, validateOrder, type OrderContext } from './validateOrder.ts';
import type { OrderLine, UpdateOrder } from './order.ts';

const tenant = demoTenant();
const TODAY = '2026-12-01';
const serial = tenant.serials.find((s) => s.id === 'ser-nw-1')!;
const license = tenant.licenses['ser-nw-1']!;
const context: OrderContext = { serial, license, products: tenant.products, today: TODAY };

/** The order a form starts with: the serial's license as it is, unlimited, add-on on. */
function pristineOrder(): UpdateOrder {
  return {
    serialId: serial.id,
    obtainingPeriod: { unlimited: true, from: null, to: null },
    addOnMode: true,
    crmId: '',
    comment: '',
    lines: license.lines.map((l) => ({
      lineId: l.productId,
      productId: l.productId,
      origin: 'license' as const,
      features: l.features.map((f) => ({ featureId: f.featureId, terms: f.terms, excluded: false })),
    })),
  };
}

function withFeature(order: UpdateOrder, lineIndex: number, featureIndex: number, change: Partial<OrderLine['features'][number]>): UpdateOrder {
  const copy = structuredClone(order);
  Object.assign(copy.lines[lineIndex]!.features[featureIndex]!, change);
  return copy;
}

const errorsOf = (order: UpdateOrder, ctx: OrderContext = context) => validateOrder(order, ctx).errors;

describe('validateOrder', () => {
  it('accepts the serial’s license as it is', () => {
    expect(validateOrder(pristineOrder(), context)).toEqual({ ok: true, errors: {} });
  });

  it('refuses a blocked serial, and an order for another serial', () => {
    const blocked = { ...context, serial: { id: serial.id, status: 'blocked' as const } };
    expect(errorsOf(pristineOrder(), blocked)).toEqual({ serial: MESSAGES.serialBlocked });
    expect(errorsOf({ ...pristineOrder(), serialId: 'ser-co-1' })).toEqual({ serial: MESSAGES.serialMismatch });
  });

  describe('the obtaining period', () => {
    const dated = (from: string | null, to: string | null): UpdateOrder => ({ ...pristineOrder(), obtainingPeriod: { unlimited: false, from, to } });

    it('needs both dates once Unlimited is off', () => {
      expect(errorsOf(dated(null, null))).toEqual({ 'obtainingPeriod.from': MESSAGES.periodRequired, 'obtainingPeriod.to': MESSAGES.periodRequired });
      expect(errorsOf(dated('2026-12-05', null))).toEqual({ 'obtainingPeriod.to': MESSAGES.periodRequired });
    });

    it('refuses an end before the start, at obtainingPeriod.to', () => {
      expect(errorsOf(dated('2027-01-10', '2027-01-09'))).toEqual({ 'obtainingPeriod.to': MESSAGES.periodOrder });
    });

    it('refuses an end in the past, and accepts one ending today or a one-day period', () => {
      expect(errorsOf(dated('2026-11-01', '2026-11-30'))).toEqual({ 'obtainingPeriod.to': MESSAGES.periodPast });
      expect(errorsOf(dated('2026-11-01', TODAY))).toEqual({});
      expect(errorsOf(dated('2027-02-01', '2027-02-01'))).toEqual({});
    });

    it('ignores the dates while Unlimited is on, and reads impossible dates as missing', () => {
      expect(periodErrors({ unlimited: true, from: '2027-01-10', to: '2020-01-01' }, TODAY)).toEqual({});
      expect(periodErrors({ unlimited: false, from: '2027-02-30', to: '2027-03-01' }, TODAY)).toEqual({ 'obtainingPeriod.from': MESSAGES.periodRequired });
    });
  });

  it('limits the CRM ID to 64 characters and the comment to 2000', () => {
    expect(errorsOf({ ...pristineOrder(), crmId: 'C'.repeat(64), comment: 'c'.repeat(2000) })).toEqual({});
    expect(errorsOf({ ...pristineOrder(), crmId: 'C'.repeat(65), comment: 'c'.repeat(2001) })).toEqual({
      crmId: MESSAGES.crmIdTooLong,
      comment: MESSAGES.commentTooLong,
    });
  });

  it('needs at least one product line', () => {
    expect(errorsOf({ ...pristineOrder(), lines: [] })).toEqual({ lines: MESSAGES.noLines });
  });

  describe('feature terms', () => {
    // Line 0 is CAD Studio: core (fixed, not excludable), render (subscription, modifiable, excludable), network (modifiable, kept).
    it('reports a rule broken by valid-shaped terms at the field, e.g. lines.0.features.1.terms.days', () => {
      expect(errorsOf(withFeature(pristineOrder(), 0, 1, { terms: { model: 'subscription', days: 0 } }))).toEqual({
        'lines.0.features.1.terms.days': 'Days must be a whole number above 0',
      });
    });

    it('checks each model’s rule: rental from < to, launches > 0, network seats within bounds', () => {
      expect(errorsOf(withFeature(pristineOrder(), 1, 0, { terms: { model: 'rental', from: '2027-01-01', to: '2027-01-01' } }))).toEqual({
        'lines.1.features.0.terms.to': 'The rental must end after it starts',
      });
      expect(errorsOf(withFeature(pristineOrder(), 1, 1, { terms: { model: 'launches', count: -5 } }))).toEqual({
        'lines.1.features.1.terms.count': 'Launches must be a whole number above 0',
      });
      expect(errorsOf(withFeature(pristineOrder(), 0, 2, { terms: { model: 'perpetual', networkSeats: 10_001 } }))).toEqual({
        'lines.0.features.2.terms.networkSeats': 'Network seats must be between 0 and 10000',
      });
    });

    it('refuses terms that fit no licensing model, at the terms', () => {
      const shapeless = withFeature(pristineOrder(), 0, 1, { terms: { model: 'subscription', days: 'many' } as never });
      expect(errorsOf(shapeless)).toEqual({ 'lines.0.features.1.terms': MESSAGES.termsShape });
    });

    it('refuses a changed fixed feature, but not one left as it is', () => {
      expect(errorsOf(withFeature(pristineOrder(), 0, 0, { terms: { model: 'launches', count: 3 } }))).toEqual({
        'lines.0.features.0.terms': MESSAGES.featureFixed,
      });
      expect(errorsOf(withFeature(pristineOrder(), 0, 0, { terms: { model: 'perpetual' } }))).toEqual({});
    });

    it('refuses excluding a feature that cannot be excluded, and accepts one that can', () => {
      expect(errorsOf(withFeature(pristineOrder(), 0, 0, { excluded: true }))).toEqual({ 'lines.0.features.0.excluded': MESSAGES.featureNotExcludable });
      expect(errorsOf(withFeature(pristineOrder(), 0, 1, { excluded: true }))).toEqual({});
    });

    it('refuses a line whose features are all excluded', () => {
      const analytics = withFeature(withFeature(pristineOrder(), 1, 0, { excluded: true }), 1, 1, { excluded: true });
      // Reports cannot be excluded, so that error comes too; the line is empty either way.
      expect(errorsOf(analytics)).toEqual({ 'lines.1.features.0.excluded': MESSAGES.featureNotExcludable, 'lines.1.features': MESSAGES.lineEmpty });
    });

    it('refuses a feature that is not the product’s, and one listed twice', () => {
      const unknown = structuredClone(pristineOrder());
      unknown.lines[0]!.features.push({ featureId: 'fea-an-api', terms: { model: 'perpetual' }, excluded: false });
      expect(errorsOf(unknown)).toEqual({ 'lines.0.features.3.featureId': MESSAGES.unknownFeature });
      const twice = structuredClone(pristineOrder());
      twice.lines[0]!.features.push({ ...twice.lines[0]!.features[1]! });
      expect(errorsOf(twice)).toEqual({ 'lines.0.features.3.featureId': MESSAGES.featureTwice });
    });
  });

  describe('products', () => {
    const added = (productId: string): OrderLine => {
      const product = tenant.products.find((p) => p.id === productId)!;
      return { lineId: productId, productId, origin: 'added', features: product.features.map((f) => ({ featureId: f.id, terms: f.defaultTerms, excluded: false })) };
    };

    it('accepts an added product on sale with its default terms', () => {
      expect(errorsOf({ ...pristineOrder(), lines: [...pristineOrder().lines, added('prd-cloud-sync')] })).toEqual({});
    });

    it('refuses an added product that is archived or a draft, one that does not exist, and one twice', () => {
      expect(errorsOf({ ...pristineOrder(), lines: [...pristineOrder().lines, added('prd-legacy-viewer')] })).toEqual({
        'lines.2.productId': MESSAGES.productNotOnSale,
      });
      expect(errorsOf({ ...pristineOrder(), lines: [...pristineOrder().lines, added('prd-beta-toolkit')] })).toEqual({
        'lines.2.productId': MESSAGES.productNotOnSale,
      });
      expect(errorsOf({ ...pristineOrder(), lines: [...pristineOrder().lines, { ...added('prd-cloud-sync'), productId: 'prd-nowhere' }] })).toEqual({
        'lines.2.productId': MESSAGES.unknownProduct,
      });
      expect(errorsOf({ ...pristineOrder(), lines: [...pristineOrder().lines, pristineOrder().lines[0]!] })).toEqual({
        'lines.2.productId': MESSAGES.productTwice,
      });
    });

    it('lets an untouched line of an archived product stay, but not a changed one (decided)', () => {
      const hopper = tenant.serials.find((s) => s.id === 'ser-gh-1')!;
      const hopperLicense = tenant.licenses['ser-gh-1']!;
      const ctx: OrderContext = { serial: hopper, license: hopperLicense, products: tenant.products, today: TODAY };
      const order: UpdateOrder = {
        ...pristineOrder(),
        serialId: hopper.id,
        lines: hopperLicense.lines.map((l) => ({
          lineId: l.productId,
          productId: l.productId,
          origin: 'license',
          features: l.features.map((f) => ({ featureId: f.featureId, terms: f.terms, excluded: false })),
        })),
      };
      expect(errorsOf(order, ctx)).toEqual({});
      expect(errorsOf(withFeature(order, 0, 0, { terms: { model: 'subscription', days: 10 } }), ctx)).toEqual({ 'lines.0.productId': MESSAGES.productNotOnSale });
    });
  });

  it('judges a license line against the serial’s terms and an added line against the product’s defaults', () => {
    const cad = tenant.products.find((p) => p.id === 'prd-cad-studio')!;
    const render = cad.features.find((f) => f.id === 'fea-cad-render')!;
    const coLicense = tenant.licenses['ser-co-1']!;
    expect(baselineTerms({ productId: cad.id, origin: 'license' }, render, coLicense)).toEqual({ model: 'subscription', days: 180 });
    expect(baselineTerms({ productId: cad.id, origin: 'added' }, render, coLicense)).toEqual(render.defaultTerms);
  });
});
