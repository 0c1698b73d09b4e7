import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validTerms } from '../testing/arbitraries.ts';
import { LICENSING_MODELS, LicensingTerms, LicensingTermsShape, addDays, defaultTermsFor, sameTerms, termsErrors } from './terms.ts';

describe('licensing terms per model', () => {
  it('perpetual has no fields of its own', () => {
    expect(termsErrors({ model: 'perpetual' })).toEqual({});
    expect(LicensingTermsShape.safeParse({ model: 'perpetual', days: 3 }).success).toBe(false);
  });

  it('rental needs from < to', () => {
    expect(termsErrors({ model: 'rental', from: '2027-01-01', to: '2027-01-02' })).toEqual({});
    expect(termsErrors({ model: 'rental', from: '2027-01-02', to: '2027-01-02' })).toEqual({ to: 'The rental must end after it starts' });
    expect(termsErrors({ model: 'rental', from: '2027-01-03', to: '2027-01-02' })).toEqual({ to: 'The rental must end after it starts' });
    expect(LicensingTermsShape.safeParse({ model: 'rental', from: '2027-01-01' }).success).toBe(false);
  });

  it('expiration needs a real date', () => {
    expect(termsErrors({ model: 'expiration', expiresOn: '2028-06-30' })).toEqual({});
    expect(LicensingTermsShape.safeParse({ model: 'expiration' }).success).toBe(false);
    expect(LicensingTermsShape.safeParse({ model: 'expiration', expiresOn: '2028-02-30' }).success).toBe(false);
  });

  it('subscription needs whole days above 0', () => {
    expect(termsErrors({ model: 'subscription', days: 1 })).toEqual({});
    expect(termsErrors({ model: 'subscription', days: 0 })).toEqual({ days: 'Days must be a whole number above 0' });
    expect(LicensingTermsShape.safeParse({ model: 'subscription', days: 1.5 }).success).toBe(false);
  });

  it('launches needs a whole count above 0', () => {
    expect(termsErrors({ model: 'launches', count: 100 })).toEqual({});
    expect(termsErrors({ model: 'launches', count: -1 })).toEqual({ count: 'Launches must be a whole number above 0' });
  });

  it('carries network terms with any model: seats 0 to 10000, a consumption mode, a VM switch', () => {
    for (const model of LICENSING_MODELS) {
      const terms = { ...defaultTermsFor(model, '2026-12-01'), networkSeats: 0, consumption: 'process', vmForbidden: false };
      expect(termsErrors(terms)).toEqual({});
    }
    expect(termsErrors({ model: 'perpetual', networkSeats: 10_001 })).toEqual({ networkSeats: 'Network seats must be between 0 and 10000' });
    expect(termsErrors({ model: 'perpetual', networkSeats: -1 })).toEqual({ networkSeats: 'Network seats must be between 0 and 10000' });
    expect(LicensingTermsShape.safeParse({ model: 'perpetual', consumption: 'cpu' }).success).toBe(false);
  });

  it('refuses an unknown model and unknown fields', () => {
    expect(termsErrors({ model: 'forever' })).toEqual({ model: expect.any(String) });
    expect(LicensingTermsShape.safeParse({ model: 'launches', count: 3, days: 2 }).success).toBe(false);
  });

  it('accepts every terms object the arbitraries call valid', () => {
    fc.assert(fc.property(validTerms, (terms) => LicensingTerms.safeParse(terms).success));
  });
});

describe('default terms when the operator switches model', () => {
  it('are valid for every model and start from today', () => {
    expect(defaultTermsFor('rental', '2026-12-01')).toEqual({ model: 'rental', from: '2026-12-01', to: '2027-12-01' });
    expect(defaultTermsFor('expiration', '2026-12-01')).toEqual({ model: 'expiration', expiresOn: '2027-12-01' });
    for (const model of LICENSING_MODELS) expect(termsErrors(defaultTermsFor(model, '2026-12-01'))).toEqual({});
  });

  it('count days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });
});

describe('sameTerms', () => {
  it('compares by value, whatever the key order or absent optional fields', () => {
    expect(sameTerms({ model: 'subscription', days: 30, networkSeats: 0 }, { networkSeats: 0, days: 30, model: 'subscription' })).toBe(true);
    expect(sameTerms({ model: 'perpetual' }, { model: 'perpetual', networkSeats: undefined })).toBe(true);
    expect(sameTerms({ model: 'subscription', days: 30 }, { model: 'subscription', days: 31 })).toBe(false);
  });
});
