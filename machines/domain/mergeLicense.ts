import type { License, LicenseLine } from './entities.ts';
import type { UpdateOrder } from './order.ts';

/** What applying an order takes off the serial: a whole product (featureId null), or one feature of a product that stays. */
export type Removal = { productId: string; featureId: string | null };

export interface MergeResult {
  license: License;
  /** What the serial carries now and will not afterwards (replace mode, or explicit exclusions). */
  removed: Removal[];
}

/**
 * Applies an update order to a license.
 * Add-on Mode on: a delta — the order's features get the order's terms, excluded ones are taken off,
 * added products are appended, everything the order does not name stays.
 * Add-on Mode off (decided): the serial carries exactly the order's lines afterwards.
 * A product left with no feature is taken off whole.
 */
export function mergeLicense(current: License, order: Pick<UpdateOrder, 'addOnMode' | 'lines'>): MergeResult {
  const lines = order.addOnMode ? deltaMerge(current, order) : replace(order);
  return { license: { lines }, removed: removals(current, lines) };
}

function orderLineToLicenseLine(line: UpdateOrder['lines'][number]): LicenseLine {
  return {
    productId: line.productId,
    features: line.features.filter((f) => !f.excluded).map((f) => ({ featureId: f.featureId, terms: f.terms })),
  };
}

function replace(order: Pick<UpdateOrder, 'lines'>): LicenseLine[] {
  return order.lines.map(orderLineToLicenseLine).filter((line) => line.features.length > 0);
}

function deltaMerge(current: License, order: Pick<UpdateOrder, 'lines'>): LicenseLine[] {
  const result: LicenseLine[] = current.lines.map((line) => ({ productId: line.productId, features: [...line.features] }));
  for (const orderLine of order.lines) {
    let line = result.find((l) => l.productId === orderLine.productId);
    if (!line) {
      line = { productId: orderLine.productId, features: [] };
      result.push(line);
    }
    for (const feature of orderLine.features) {
      const index = line.features.findIndex((f) => f.featureId === feature.featureId);
      if (feature.excluded) {
        if (index >= 0) line.features.splice(index, 1);
      } else if (index >= 0) {
        line.features[index] = { featureId: feature.featureId, terms: feature.terms };
      } else {
        line.features.push({ featureId: feature.featureId, terms: feature.terms });
      }
    }
  }
  return result.filter((line) => line.features.length > 0);
}

function removals(before: License, afterLines: LicenseLine[]): Removal[] {
  const removed: Removal[] = [];
  for (const line of before.lines) {
    const after = afterLines.find((l) => l.productId === line.productId);
    if (!after) {
      removed.push({ productId: line.productId, featureId: null });
      continue;
    }
    for (const feature of line.features) {
      if (!after.features.some((f) => f.featureId === feature.featureId)) {
        removed.push({ productId: line.productId, featureId: feature.featureId });
      }
    }
  }
  return removed;
}
