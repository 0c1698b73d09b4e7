import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { licenseAndOrder } from '../testing/arbitraries.ts';
import type { License, LicensingTerms, Removal, UpdateOrder } from './index.ts';
import { mergeLicense } from './mergeLicense.ts';

const perpetual: LicensingTerms = { model: 'perpetual' };
const days = (n: number): LicensingTerms => ({ model: 'subscription', days: n });

const current: License = {
  lines: [
    { productId: 'cad', features: [{ featureId: 'core', terms: perpetual }, { featureId: 'render', terms: days(365) }] },
    { productId: 'analytics', features: [{ featureId: 'reports', terms: days(30) }] },
  ],
};

type Change = Pick<UpdateOrder, 'addOnMode' | 'lines'>;
const line = (productId: string, features: [string, LicensingTerms, boolean?][], origin: 'license' | 'added' = 'license') => ({
  lineId: productId,
  productId,
  origin,
  features: features.map(([featureId, terms, excluded = false]) => ({ featureId, terms, excluded })),
});

describe('mergeLicense with Add-on Mode on (a delta)', () => {
  it('gives the features the order lists the order’s terms and keeps everything else', () => {
    const order: Change = { addOnMode: true, lines: [line('cad', [['render', days(730)]])] };
    expect(mergeLicense(current, order)).toEqual({
      license: {
        lines: [
          { productId: 'cad', features: [{ featureId: 'core', terms: perpetual }, { featureId: 'render', terms: days(730) }] },
          { productId: 'analytics', features: [{ featureId: 'reports', terms: days(30) }] },
        ],
      },
      removed: [],
    });
  });

  it('appends an added product and a new feature of a product already on the serial', () => {
    const order: Change = {
      addOnMode: true,
      lines: [line('cad', [['network', perpetual]]), line('sync', [['sync', days(30)]], 'added')],
    };
    const { license, removed } = mergeLicense(current, order);
    expect(license.lines.map((l) => [l.productId, l.features.map((f) => f.featureId)])).toEqual([
      ['cad', ['core', 'render', 'network']],
      ['analytics', ['reports']],
      ['sync', ['sync']],
    ]);
    expect(removed).toEqual([]);
  });

  it('takes an excluded feature off and reports it removed; a product left without features goes whole', () => {
    const order: Change = { addOnMode: true, lines: [line('cad', [['render', days(365), true]]), line('analytics', [['reports', days(30), true]])] };
    const { license, removed } = mergeLicense(current, order);
    expect(license).toEqual({ lines: [{ productId: 'cad', features: [{ featureId: 'core', terms: perpetual }] }] });
    expect(removed).toEqual([
      { productId: 'cad', featureId: 'render' },
      { productId: 'analytics', featureId: null },
    ]);
  });
});

describe('mergeLicense with Add-on Mode off (replace)', () => {
  it('leaves exactly the order’s lines and reports what the serial loses', () => {
    const order: Change = { addOnMode: false, lines: [line('cad', [['core', perpetual]])] };
    expect(mergeLicense(current, order)).toEqual({
      license: { lines: [{ productId: 'cad', features: [{ featureId: 'core', terms: perpetual }] }] },
      removed: [
        { productId: 'cad', featureId: 'render' },
        { productId: 'analytics', featureId: null },
      ],
    });
  });

  it('drops excluded features and lines left empty', () => {
    const order: Change = { addOnMode: false, lines: [line('cad', [['core', perpetual, true]]), line('analytics', [['reports', days(60)]])] };
    expect(mergeLicense(current, order).license).toEqual({ lines: [{ productId: 'analytics', features: [{ featureId: 'reports', terms: days(60) }] }] });
  });
});

/** Every (product, feature) a license carries, with its terms. */
function entries(license: License): Map<string, LicensingTerms> {
  return new Map(license.lines.flatMap((l) => l.features.map((f) => [`${l.productId}/${f.featureId}`, f.terms] as const)));
}

describe('mergeLicense properties', () => {
  it('with Add-on Mode on, leaves every feature the order does not name unchanged', () => {
    fc.assert(
      fc.property(licenseAndOrder, ([license, change]) => {
        const named = new Set(change.lines.flatMap((l) => l.features.map((f) => `${l.productId}/${f.featureId}`)));
        const after = entries(mergeLicense(license, { ...change, addOnMode: true }).license);
        for (const [key, terms] of entries(license)) {
          if (!named.has(key)) expect(after.get(key)).toEqual(terms);
        }
      }),
    );
  });

  it('with Add-on Mode on, carries the order’s terms for its features and none of its exclusions', () => {
    fc.assert(
      fc.property(licenseAndOrder, ([license, change]) => {
        const after = entries(mergeLicense(license, { ...change, addOnMode: true }).license);
        for (const l of change.lines) {
          for (const f of l.features) {
            const key = `${l.productId}/${f.featureId}`;
            if (f.excluded) expect(after.has(key)).toBe(false);
            else expect(after.get(key)).toEqual(f.terms);
          }
        }
      }),
    );
  });

  it('with Add-on Mode off, gives exactly the order’s lines minus excluded features and empty lines', () => {
    fc.assert(
      fc.property(licenseAndOrder, ([license, change]) => {
        const expected = change.lines
          .map((l) => ({ productId: l.productId, features: l.features.filter((f) => !f.excluded).map((f) => ({ featureId: f.featureId, terms: f.terms })) }))
          .filter((l) => l.features.length > 0);
        expect(mergeLicense(license, { ...change, addOnMode: false }).license.lines).toEqual(expected);
      }),
    );
  });

  it('reports as removed exactly what the serial carried and no longer carries', () => {
    fc.assert(
      fc.property(licenseAndOrder, ([license, change]) => {
        const { license: after, removed } = mergeLicense(license, change);
        const afterProducts = new Set(after.lines.map((l) => l.productId));
        const afterEntries = entries(after);
        const expected = license.lines.flatMap((l): Removal[] =>
          afterProducts.has(l.productId)
            ? l.features.filter((f) => !afterEntries.has(`${l.productId}/${f.featureId}`)).map((f) => ({ productId: l.productId, featureId: f.featureId }))
            : [{ productId: l.productId, featureId: null }],
        );
        expect(removed).toEqual(expected);
      }),
    );
  });

  it('is idempotent: applying the same order twice gives what applying it once gave', () => {
    fc.assert(
      fc.property(licenseAndOrder, ([license, change]) => {
        const once = mergeLicense(license, change).license;
        const twice = mergeLicense(once, change);
        expect(twice.license).toEqual(once);
        expect(twice.removed).toEqual([]);
      }),
    );
  });

  it('never changes the license it is given', () => {
    fc.assert(
      fc.property(licenseAndOrder, ([license, change]) => {
        const before = structuredClone(license);
        mergeLicense(license, change);
        expect(license).toEqual(before);
      }),
    );
  });
});
