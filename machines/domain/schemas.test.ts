import { describe, expect, it } from 'vitest';
import { demoDataset } from '../runtime/demoDataset.ts';
import { Customer, HardwareKey, License, Product, Serial, SerialHistoryEntry, customerDisplayName } from './entities.ts';
import { Order, OrderSummary, SubmittedOrder, UpdateOrder } from './order.ts';
import { IsoDate, IsoDateTime, toIsoDate } from './primitives.ts';

describe('the demo dataset', () => {
  const { tenants } = demoDataset();

  it('parses with the entity schemas, in both tenants', () => {
    expect(tenants.map((t) => t.name)).toEqual(['Demo Vendor', 'Rival Vendor']);
    for (const tenant of tenants) {
      for (const customer of tenant.customers) Customer.parse(customer);
      for (const product of tenant.products) Product.parse(product);
      for (const serial of tenant.serials) Serial.parse(serial);
      for (const license of Object.values(tenant.licenses)) License.parse(license);
      for (const entry of Object.values(tenant.serialHistory).flat()) SerialHistoryEntry.parse(entry);
      for (const order of tenant.orders) Order.omit({ customerName: true, serials: true }).parse(order);
    }
  });

  it('holds every licensing model, every order status and every serial status', () => {
    const demo = tenants[0]!;
    const models = new Set(demo.products.flatMap((p) => p.features.map((f) => f.defaultTerms.model)));
    expect([...models].sort()).toEqual(['expiration', 'launches', 'perpetual', 'rental', 'subscription']);
    expect(new Set(demo.orders.map((o) => o.status))).toEqual(new Set(['draft', 'done', 'cancelled']));
    expect(new Set(demo.serials.map((s) => s.status))).toEqual(new Set(['active', 'blocked']));
    expect(new Set(demo.products.map((p) => p.status))).toEqual(new Set(['draft', 'onSale', 'archived']));
  });

  it('keeps every row inside its tenant: serials, licenses and orders name only the tenant’s own rows', () => {
    for (const tenant of tenants) {
      const customers = new Set(tenant.customers.map((c) => c.id));
      const products = new Set(tenant.products.map((p) => p.id));
      const serials = new Set(tenant.serials.map((s) => s.id));
      expect(tenant.serials.every((s) => customers.has(s.customerId))).toBe(true);
      expect(tenant.orders.every((o) => customers.has(o.customerId) && (o.serialId === null || serials.has(o.serialId)))).toBe(true);
      expect(Object.keys(tenant.licenses).every((id) => serials.has(id))).toBe(true);
      expect(Object.values(tenant.licenses).every((l) => l.lines.every((line) => products.has(line.productId)))).toBe(true);
    }
  });

  it('gives each tenant its own sequential order numbers', () => {
    for (const tenant of tenants) {
      const numbers = tenant.orders.map((o) => o.number);
      expect(new Set(numbers).size).toBe(numbers.length);
    }
  });
});

describe('entity schemas', () => {
  const serial = demoDataset().tenants[0]!.serials[0]!;

  it('need a company name for a company customer, and show a person by name', () => {
    const person = { id: 'c', kind: 'individual', companyName: null, name: 'Ada', familyName: 'Lovelace', email: '', phone: '', crmId: '', comment: '' } as const;
    expect(Customer.safeParse(person).success).toBe(true);
    expect(Customer.safeParse({ ...person, kind: 'company' }).success).toBe(false);
    expect(customerDisplayName(person)).toBe('Ada Lovelace');
    expect(customerDisplayName({ ...person, kind: 'company', companyName: 'Analytical Engines' })).toBe('Analytical Engines');
  });

  it('keep a serial’s activation limit between its activations and 50', () => {
    expect(Serial.safeParse({ ...serial, activationCount: 3, activationLimit: 2 }).success).toBe(false);
    expect(Serial.safeParse({ ...serial, activationCount: 3, activationLimit: 51 }).success).toBe(false);
    expect(Serial.safeParse({ ...serial, activationCount: 3, activationLimit: 50 }).success).toBe(true);
    expect(Serial.safeParse({ ...serial, serial: 'short' }).success).toBe(false);
  });

  it('know the hardware key models', () => {
    expect(HardwareKey.safeParse({ id: 'k', dongleId: '0A1B', model: 'CODE_TIME' }).success).toBe(true);
    expect(HardwareKey.safeParse({ id: 'k', dongleId: '0A1B', model: 'USB' }).success).toBe(false);
  });

  it('need a product to have at least one feature', () => {
    const product = demoDataset().tenants[0]!.products[0]!;
    expect(Product.safeParse({ ...product, features: [] }).success).toBe(false);
  });

  it('describe the update order as the form holds it, with shaped terms', () => {
    const order = {
      serialId: 'ser-1',
      obtainingPeriod: { unlimited: false, from: '2026-12-01', to: null },
      addOnMode: true,
      crmId: '',
      comment: '',
      lines: [{ lineId: 'p', productId: 'p', origin: 'added', features: [{ featureId: 'f', terms: { model: 'subscription', days: 0 }, excluded: false }] }],
    };
    expect(UpdateOrder.safeParse(order).success).toBe(true);
    const badShape = structuredClone(order);
    badShape.lines[0]!.features[0]!.terms = { model: 'subscription', days: 'x' } as never;
    expect(UpdateOrder.safeParse(badShape).success).toBe(false);
  });

  it('read order summaries and the submitted order with ISO instants', () => {
    const summary = { id: 'o', number: 1, type: 'update', status: 'done', customerId: 'c', customerName: 'C', createdAt: '2026-12-01T09:00:00.000Z', submittedAt: null, crmId: '', comment: '' };
    expect(OrderSummary.safeParse(summary).success).toBe(true);
    expect(OrderSummary.safeParse({ ...summary, number: 0 }).success).toBe(false);
    expect(SubmittedOrder.safeParse({ id: 'o', number: 1, submittedAt: 'yesterday', status: 'done', serialId: 's' }).success).toBe(false);
  });
});

describe('dates', () => {
  it('accept real calendar days only', () => {
    expect(IsoDate.safeParse('2028-02-29').success).toBe(true);
    expect(IsoDate.safeParse('2027-02-29').success).toBe(false);
    expect(IsoDate.safeParse('2027-2-1').success).toBe(false);
    expect(IsoDateTime.safeParse('2026-12-01T09:00:00+02:00').success).toBe(true);
  });

  it('take the UTC day of an instant', () => {
    expect(toIsoDate(new Date('2026-12-01T23:30:00-02:00'))).toBe('2026-12-02');
  });
});
