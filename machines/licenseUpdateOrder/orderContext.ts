import type { OrderContext } from '../domain/index.ts';
import type { LicenseUpdateOrderContext } from './types.ts';

/** The facts `validateOrder` needs, as the machine knows them; null before the license is loaded. */
export function orderContextOf(context: LicenseUpdateOrderContext): OrderContext | null {
  if (!context.serial || !context.license) return null;
  return { serial: context.serial, license: context.license, products: context.products, today: context.today };
}
