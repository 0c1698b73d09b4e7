import { z } from 'zod';
import { IsoDate } from './primitives.ts';

export const LICENSING_MODELS = ['perpetual', 'rental', 'expiration', 'subscription', 'launches'] as const;
export const LicensingModel = z.enum(LICENSING_MODELS);
export type LicensingModel = z.infer<typeof LicensingModel>;

export const CONSUMPTION_MODES = ['workstation', 'login', 'process'] as const;
export const Consumption = z.enum(CONSUMPTION_MODES);
export type Consumption = z.infer<typeof Consumption>;

export const NETWORK_SEATS_MAX = 10_000;

/** The fields of each licensing model's own terms (network terms come on top, for every model). */
export type ModelTermsField = 'from' | 'to' | 'expiresOn' | 'days' | 'count';
export const MODEL_TERMS_FIELDS: Readonly<Record<LicensingModel, readonly ModelTermsField[]>> = {
  perpetual: [],
  rental: ['from', 'to'],
  expiration: ['expiresOn'],
  subscription: ['days'],
  launches: ['count'],
};

/** Network terms ride along with any licensing model. */
const networkTerms = {
  networkSeats: z.number().int().optional(),
  consumption: Consumption.optional(),
  vmForbidden: z.boolean().optional(),
};

/**
 * The *shape* of licensing terms: right model, right fields, right types.
 * A form may hold shaped-but-invalid terms (days: 0) while the operator types;
 * `LicensingTerms` adds the rule of each model.
 */
export const LicensingTermsShape = z.discriminatedUnion('model', [
  z.strictObject({ model: z.literal('perpetual'), ...networkTerms }),
  z.strictObject({ model: z.literal('rental'), from: IsoDate, to: IsoDate, ...networkTerms }),
  z.strictObject({ model: z.literal('expiration'), expiresOn: IsoDate, ...networkTerms }),
  z.strictObject({ model: z.literal('subscription'), days: z.number().int(), ...networkTerms }),
  z.strictObject({ model: z.literal('launches'), count: z.number().int(), ...networkTerms }),
]);
export type LicensingTerms = z.infer<typeof LicensingTermsShape>;

/** Licensing terms that obey their model's rule (DOMAIN.md, "Licensing terms"). */
export const LicensingTerms = LicensingTermsShape.superRefine((terms, ctx) => {
  switch (terms.model) {
    case 'rental':
      if (terms.from >= terms.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The rental must end after it starts' });
      break;
    case 'subscription':
      if (terms.days <= 0) ctx.addIssue({ code: 'custom', path: ['days'], message: 'Days must be a whole number above 0' });
      break;
    case 'launches':
      if (terms.count <= 0) ctx.addIssue({ code: 'custom', path: ['count'], message: 'Launches must be a whole number above 0' });
      break;
    case 'perpetual':
    case 'expiration':
      break;
  }
  if (terms.networkSeats !== undefined && (terms.networkSeats < 0 || terms.networkSeats > NETWORK_SEATS_MAX)) {
    ctx.addIssue({ code: 'custom', path: ['networkSeats'], message: `Network seats must be between 0 and ${NETWORK_SEATS_MAX}` });
  }
});

/** The rule violations of terms, keyed by field (`days`, `to`, …); empty when valid. */
export function termsErrors(terms: unknown): Record<string, string> {
  const result = LicensingTerms.safeParse(terms);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : 'model';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Terms are compared by value: key order and absent-vs-undefined do not matter. */
export function sameTerms(a: LicensingTerms, b: LicensingTerms): boolean {
  return canonicalTerms(a) === canonicalTerms(b);
}

function canonicalTerms(terms: LicensingTerms): string {
  const entries = Object.entries(terms).filter(([, value]) => value !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

/** The terms a model starts with when the operator switches a feature to it. */
export function defaultTermsFor(model: LicensingModel, today: string): LicensingTerms {
  switch (model) {
    case 'perpetual':
      return { model };
    case 'rental':
      return { model, from: today, to: addDays(today, 365) };
    case 'expiration':
      return { model, expiresOn: addDays(today, 365) };
    case 'subscription':
      return { model, days: 365 };
    case 'launches':
      return { model, count: 100 };
  }
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
