import type { License, Product, Serial, ProductFeature } from './entities.ts';
import type { UpdateOrder, OrderLine } from './order.ts';
import { COMMENT_MAX, CRM_ID_MAX, IsoDate } from './primitives.ts';
import { LicensingTermsShape, sameTerms, termsErrors, type LicensingTerms } from './terms.ts';

/** Field path → message, e.g. `obtainingPeriod.to`, `lines.2.features.5.terms.days`. */
export type FieldErrors = Record<string, string>;

export interface OrderContext {
  /** The serial being updated, as it is now. */
  serial: Pick<Serial, 'id' | 'status'>;
  /** The serial's current license: the baseline a "changed" feature differs from. */
  license: License;
  /** Every product the order names, with its status, features and flags. */
  products: readonly Product[];
  /** Today (UTC), `YYYY-MM-DD`: the obtaining period may not end before it. */
  today: string;
}

export interface OrderValidation {
  ok: boolean;
  errors: FieldErrors;
}

export const MESSAGES = {
  serialBlocked: 'This serial number is blocked and cannot receive updates',
  serialMismatch: 'The order is for another serial number',
  periodRequired: 'Enter a date or switch on Unlimited',
  periodOrder: 'The period cannot end before it starts',
  periodPast: 'The period cannot end in the past',
  crmIdTooLong: `CRM ID is at most ${CRM_ID_MAX} characters`,
  commentTooLong: `Comment is at most ${COMMENT_MAX} characters`,
  noLines: 'The order needs at least one product',
  unknownProduct: 'This product does not exist',
  productNotOnSale: 'This product is not on sale',
  productTwice: 'This product is on the order twice',
  productOnOrder: 'This product is on the order already',
  unknownFeature: 'This feature is not part of the product',
  featureTwice: 'This feature is on the line twice',
  featureFixed: 'The terms of this feature cannot be changed',
  featureNotExcludable: 'This feature cannot be excluded',
  lineEmpty: 'Keep at least one feature, or remove the product',
  termsShape: 'These terms do not fit their licensing model',
} as const;

/** Errors of the obtaining period alone: the form shows them as the dates are typed. */
export function periodErrors(period: UpdateOrder['obtainingPeriod'], today: string): FieldErrors {
  const errors: FieldErrors = {};
  if (period.unlimited) return errors;
  const from = period.from !== null && IsoDate.safeParse(period.from).success ? period.from : null;
  const to = period.to !== null && IsoDate.safeParse(period.to).success ? period.to : null;
  if (from === null) errors['obtainingPeriod.from'] = MESSAGES.periodRequired;
  if (to === null) errors['obtainingPeriod.to'] = MESSAGES.periodRequired;
  if (from !== null && to !== null && from > to) errors['obtainingPeriod.to'] = MESSAGES.periodOrder;
  else if (to !== null && to < today) errors['obtainingPeriod.to'] = MESSAGES.periodPast;
  return errors;
}

/** The terms a feature has before this order: on the serial for license lines, the product's default for added ones. */
export function baselineTerms(
  line: Pick<OrderLine, 'productId' | 'origin'>,
  feature: Pick<ProductFeature, 'id' | 'defaultTerms'>,
  license: License,
): LicensingTerms {
  if (line.origin === 'license') {
    const current = license.lines
      .find((l) => l.productId === line.productId)
      ?.features.find((f) => f.featureId === feature.id);
    if (current) return current.terms;
  }
  return feature.defaultTerms;
}

/** Added lines, and license lines the order changes, need their product on sale (decided: untouched lines of archived products may stay). */
function lineNeedsOnSale(line: OrderLine, product: Product, license: License): boolean {
  if (line.origin === 'added') return true;
  return line.features.some((f) => {
    const definition = product.features.find((p) => p.id === f.featureId);
    return definition !== undefined && (f.excluded || !sameTerms(f.terms, baselineTerms(line, definition, license)));
  });
}

/**
 * Every rule of DOMAIN.md "What submit must guarantee" that needs no database.
 * The machine runs it on every form event; the service runs it again, against fresh rows, at submit.
 */
export function validateOrder(order: UpdateOrder, context: OrderContext): OrderValidation {
  const errors: FieldErrors = {};
  const put = (path: string, message: string) => {
    errors[path] ??= message;
  };

  if (context.serial.id !== order.serialId) put('serial', MESSAGES.serialMismatch);
  if (context.serial.status !== 'active') put('serial', MESSAGES.serialBlocked);
  for (const [path, message] of Object.entries(periodErrors(order.obtainingPeriod, context.today))) put(path, message);
  if (order.crmId.length > CRM_ID_MAX) put('crmId', MESSAGES.crmIdTooLong);
  if (order.comment.length > COMMENT_MAX) put('comment', MESSAGES.commentTooLong);
  if (order.lines.length === 0) put('lines', MESSAGES.noLines);

  const seenProducts = new Set<string>();
  order.lines.forEach((line, i) => {
    const at = `lines.${i}`;
    const product = context.products.find((p) => p.id === line.productId);
    if (!product) {
      put(`${at}.productId`, MESSAGES.unknownProduct);
      return;
    }
    if (seenProducts.has(line.productId)) put(`${at}.productId`, MESSAGES.productTwice);
    seenProducts.add(line.productId);
    if (product.status !== 'onSale' && lineNeedsOnSale(line, product, context.license)) {
      put(`${at}.productId`, MESSAGES.productNotOnSale);
    }

    const seenFeatures = new Set<string>();
    line.features.forEach((feature, j) => {
      const fat = `${at}.features.${j}`;
      const definition = product.features.find((f) => f.id === feature.featureId);
      if (!definition) {
        put(`${fat}.featureId`, MESSAGES.unknownFeature);
        return;
      }
      if (seenFeatures.has(feature.featureId)) put(`${fat}.featureId`, MESSAGES.featureTwice);
      seenFeatures.add(feature.featureId);
      if (feature.excluded) {
        if (!definition.canExclude) put(`${fat}.excluded`, MESSAGES.featureNotExcludable);
        return;
      }
      if (!LicensingTermsShape.safeParse(feature.terms).success) {
        put(`${fat}.terms`, MESSAGES.termsShape);
        return;
      }
      for (const [field, message] of Object.entries(termsErrors(feature.terms))) put(`${fat}.terms.${field}`, message);
      if (!definition.canModify && !sameTerms(feature.terms, baselineTerms(line, definition, context.license))) {
        put(`${fat}.terms`, MESSAGES.featureFixed);
      }
    });
    if (line.features.length > 0 && line.features.every((f) => f.excluded)) put(`${at}.features`, MESSAGES.lineEmpty);
  });

  return { ok: Object.keys(errors).length === 0, errors };
}
