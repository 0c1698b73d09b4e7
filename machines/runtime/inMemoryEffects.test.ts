import { describe, expect, it } from 'vitest';
import type { OrderRequest } from '../licenseUpdateOrder/index.ts';
import { demoDataset, demoTenant } from './demoDataset.ts';
import { InMemoryLicenseStore } from './inMemoryEffects.ts';
import { EffectError } from './runEffects.ts';

const TODAY = '2026-12-01';
const store = () => new InMemoryLicenseStore(demoTenant(), { now: () => new Date(`${TODAY}T12:00:00Z`) });

function request(overrides: Partial<OrderRequest> = {}): OrderRequest {
  const license = demoTenant().licenses['ser-nw-1']!;
  return {
    serialId: 'ser-nw-1',
    obtainingPeriod: { unlimited: true, from: null, to: null },
    addOnMode: true,
    crmId: 'CRM-1',
    comment: '',
    lines: [
      {
        lineId: 'prd-cad-studio',
        productId: 'prd-cad-studio',
        origin: 'license',
        features: license.lines[0]!.features.map((f) => ({ featureId: f.featureId, terms: f.featureId === 'fea-cad-render' ? { model: 'subscription', days: 730 } : f.terms, excluded: false })),
      },
    ],
    draftRef: null,
    workflowId: 'w-1',
    ...overrides,
  };
}

describe('InMemoryLicenseStore', () => {
  it('makes exactly one order per workflow, however often submit is retried', () => {
    const s = store();
    const first = s.submitOrder(request());
    const again = s.submitOrder(request());
    expect(again).toEqual(first);
    expect(first).toMatchObject({ number: 1009, status: 'done', serialId: 'ser-nw-1' });
    expect(s.data.orders.filter((o) => o.serialId === 'ser-nw-1' && o.status === 'done')).toHaveLength(1);
    expect(s.data.serialHistory['ser-nw-1']!.filter((e) => e.kind === 'orderApplied')).toHaveLength(1);
  });

  it('turns the saved draft into the done order', () => {
    const s = store();
    const draftRef = s.saveDraft(request({ comment: 'first try' }));
    expect(s.saveDraft(request({ draftRef, comment: 'second try' }))).toBe(draftRef);
    const submitted = s.submitOrder(request({ draftRef, comment: 'final' }));
    expect(submitted.id).toBe(draftRef);
    expect(s.data.orders.find((o) => o.id === draftRef)).toMatchObject({ status: 'done', comment: 'final', submittedAt: `${TODAY}T12:00:00.000Z` });
  });

  it('checks the rules again at submit, against what it holds now', () => {
    const s = store();
    s.data.products.find((p) => p.id === 'prd-cad-studio')!.status = 'archived';
    expect(() => s.submitOrder(request())).toThrowError(EffectError);
    try {
      s.submitOrder(request());
    } catch (error) {
      expect(error).toMatchObject({ code: 'validation', errors: { 'lines.0.productId': 'This product is not on sale' } });
    }
  });

  it('lets the customer obtain a done update once, within its period', () => {
    const s = store();
    s.submitOrder(request({ obtainingPeriod: { unlimited: false, from: TODAY, to: '2026-12-31' } }));
    const obtained = s.obtain('ser-nw-1');
    expect(obtained.applied).toHaveLength(1);
    expect(obtained.license.lines[0]!.features.find((f) => f.featureId === 'fea-cad-render')!.terms).toEqual({ model: 'subscription', days: 730 });
    expect(s.obtain('ser-nw-1').applied).toEqual([]);
    expect(s.data.serialHistory['ser-nw-1']!.at(-1)).toMatchObject({ kind: 'updateObtained' });
  });

  it('does not deliver a cancelled update, and cancels nothing twice', () => {
    const s = store();
    const { id } = s.submitOrder(request());
    expect(s.cancelOrder(id).status).toBe('cancelled');
    expect(() => s.cancelOrder(id)).toThrowError(/cannot be cancelled/);
    expect(s.obtain('ser-nw-1').applied).toEqual([]);
  });

  it('refuses to deliver to a blocked serial', () => {
    expect(() => store().obtain('ser-nw-2')).toThrowError(EffectError);
  });

  it('finds serials by whole serial or prefix, within one customer when asked', () => {
    const s = store();
    expect(s.findSerials('LvHdHH').map((x) => x.id)).toEqual(['ser-nw-1']);
    expect(s.findSerials('LvHdHH-Ux1VmY-pGKq1y-NEE4pp-8iAAgP', 'cus-contoso')).toEqual([]);
    expect(s.findSerials('Lv')).toEqual([]);
  });

  it('keeps tenants apart: the rival tenant sees none of the demo vendor’s rows', () => {
    const rival = new InMemoryLicenseStore(demoDataset().tenants[1]!);
    expect(rival.searchOrders('').map((o) => o.id)).toEqual(['ord-rival-1']);
    expect(rival.findSerials('LvHdHH')).toEqual([]);
    expect(() => rival.order('ord-1001')).toThrowError(EffectError);
  });
});
