// fast-check arbitraries for licenses and update orders. Test support only: not exported from ./index.ts,
// because fast-check is a devDependency and the package's `./testing` export must not need it.
import fc from 'fast-check';
import { toIsoDate, type License, type LicensingTerms, type OrderLine, type UpdateOrder } from '../domain/index.ts';

const PRODUCT_IDS = ['prd-a', 'prd-b', 'prd-c', 'prd-d', 'prd-e'] as const;
const FEATURE_IDS = ['fea-1', 'fea-2', 'fea-3', 'fea-4', 'fea-5'] as const;

export const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map(toIsoDate);

const networkTerms = fc.record(
  {
    networkSeats: fc.integer({ min: 0, max: 10_000 }),
    consumption: fc.constantFrom('workstation', 'login', 'process'),
    vmForbidden: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Terms that obey their model's rule. */
export const validTerms: fc.Arbitrary<LicensingTerms> = fc.oneof(
  networkTerms.map((n) => ({ model: 'perpetual' as const, ...n })),
  fc
    .tuple(isoDate, isoDate, networkTerms)
    .filter(([a, b]) => a !== b)
    .map(([a, b, n]) => ({ model: 'rental' as const, from: a < b ? a : b, to: a < b ? b : a, ...n })),
  fc.tuple(isoDate, networkTerms).map(([expiresOn, n]) => ({ model: 'expiration' as const, expiresOn, ...n })),
  fc.tuple(fc.integer({ min: 1, max: 3650 }), networkTerms).map(([days, n]) => ({ model: 'subscription' as const, days, ...n })),
  fc.tuple(fc.integer({ min: 1, max: 100_000 }), networkTerms).map(([count, n]) => ({ model: 'launches' as const, count, ...n })),
);

/** A license as serials carry them: each product once, each feature once per product. */
export const license: fc.Arbitrary<License> = fc
  .uniqueArray(fc.constantFrom(...PRODUCT_IDS), { maxLength: PRODUCT_IDS.length })
  .chain((productIds) =>
    fc.tuple(
      ...productIds.map((productId) =>
        fc
          .uniqueArray(fc.constantFrom(...FEATURE_IDS), { minLength: 1, maxLength: FEATURE_IDS.length })
          .chain((featureIds) => fc.tuple(...featureIds.map((featureId) => validTerms.map((terms) => ({ featureId, terms })))))
          .map((features) => ({ productId, features })),
      ),
    ),
  )
  .map((lines) => ({ lines }));

const orderLine = (productId: string): fc.Arbitrary<OrderLine> =>
  fc
    .uniqueArray(fc.constantFrom(...FEATURE_IDS), { maxLength: FEATURE_IDS.length })
    .chain((featureIds) =>
      fc.tuple(...featureIds.map((featureId) => fc.record({ featureId: fc.constant(featureId), terms: validTerms, excluded: fc.boolean() }))),
    )
    .map((features) => ({ lineId: productId, productId, origin: 'license' as const, features }));

/** An order's add-on mode and lines over the same products and features as `license` (some on the serial, some new). */
export const orderChange: fc.Arbitrary<Pick<UpdateOrder, 'addOnMode' | 'lines'>> = fc.record({
  addOnMode: fc.boolean(),
  lines: fc
    .uniqueArray(fc.constantFrom(...PRODUCT_IDS), { maxLength: PRODUCT_IDS.length })
    .chain((productIds) => fc.tuple(...productIds.map(orderLine))),
});

/** A license and an order to apply to it. */
export const licenseAndOrder = fc.tuple(license, orderChange);
