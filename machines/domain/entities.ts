import { z } from 'zod';
import { ACTIVATION_LIMIT_MAX, COMMENT_MAX, CRM_ID_MAX, Id, IsoDateTime } from './primitives.ts';
import { SerialNumber } from './serialNumber.ts';
import { LicensingTerms } from './terms.ts';

export const CustomerKind = z.enum(['company', 'individual']);
export type CustomerKind = z.infer<typeof CustomerKind>;

export const Customer = z
  .object({
    id: Id,
    kind: CustomerKind,
    companyName: z.string().max(200).nullable(),
    name: z.string().max(200),
    familyName: z.string().max(200),
    email: z.string().max(320),
    phone: z.string().max(64),
    crmId: z.string().max(CRM_ID_MAX),
    comment: z.string().max(COMMENT_MAX),
  })
  .refine((c) => c.kind !== 'company' || (c.companyName ?? '') !== '', {
    path: ['companyName'],
    message: 'A company customer has a company name',
  });
export type Customer = z.infer<typeof Customer>;

/** How a customer is shown in tables: the company, or the person. */
export function customerDisplayName(customer: Pick<Customer, 'kind' | 'companyName' | 'name' | 'familyName'>): string {
  if (customer.kind === 'company' && customer.companyName) return customer.companyName;
  return `${customer.name} ${customer.familyName}`.trim();
}

export const HARDWARE_KEY_MODELS = ['DL', 'SIGN', 'TIME', 'CODE', 'CODE_TIME'] as const;
export const HardwareKeyModel = z.enum(HARDWARE_KEY_MODELS);
export const HardwareKey = z.object({
  id: Id,
  dongleId: z.string().min(1).max(32),
  model: HardwareKeyModel,
});
export type HardwareKey = z.infer<typeof HardwareKey>;

export const SerialStatus = z.enum(['active', 'blocked']);
export type SerialStatus = z.infer<typeof SerialStatus>;

export const Serial = z
  .object({
    id: Id,
    serial: SerialNumber,
    status: SerialStatus,
    activationCount: z.number().int().min(0),
    activationLimit: z.number().int().min(0).max(ACTIVATION_LIMIT_MAX),
    customerId: Id,
    /** The (new) order that produced the serial. */
    orderId: Id,
    hardwareKey: HardwareKey.nullable(),
  })
  .refine((s) => s.activationLimit >= s.activationCount, {
    path: ['activationLimit'],
    message: 'The activation limit cannot be below the activations already made',
  });
export type Serial = z.infer<typeof Serial>;

export const SerialHistoryKind = z.enum(['issued', 'orderApplied', 'updateObtained', 'blocked']);
export const SerialHistoryEntry = z.object({
  at: IsoDateTime,
  kind: SerialHistoryKind,
  orderId: Id.nullable(),
  note: z.string().max(500),
});
export type SerialHistoryEntry = z.infer<typeof SerialHistoryEntry>;

export const Feature = z.object({
  id: Id,
  featureNumber: z.number().int().min(1),
  name: z.string().min(1).max(200),
  description: z.string().max(2000),
});
export type Feature = z.infer<typeof Feature>;

/** A feature as one product carries it: its default terms and what an order may do with it. */
export const ProductFeature = Feature.extend({
  defaultTerms: LicensingTerms,
  canModify: z.boolean(),
  canExclude: z.boolean(),
});
export type ProductFeature = z.infer<typeof ProductFeature>;

export const ProductStatus = z.enum(['draft', 'onSale', 'archived']);
export type ProductStatus = z.infer<typeof ProductStatus>;

export const Product = z.object({
  id: Id,
  productNumber: z.number().int().min(1),
  name: z.string().min(1).max(200),
  crmId: z.string().max(CRM_ID_MAX),
  description: z.string().max(2000),
  status: ProductStatus,
  features: z.array(ProductFeature).min(1),
});
export type Product = z.infer<typeof Product>;

export const LicenseFeature = z.object({ featureId: Id, terms: LicensingTerms });
export type LicenseFeature = z.infer<typeof LicenseFeature>;
export const LicenseLine = z.object({ productId: Id, features: z.array(LicenseFeature) });
export type LicenseLine = z.infer<typeof LicenseLine>;
/** What a serial carries now: product lines with their features' terms. */
export const License = z.object({ lines: z.array(LicenseLine) });
export type License = z.infer<typeof License>;

export const EMPTY_LICENSE: License = { lines: [] };
