export * as apiKeys from './apiKeys.ts';
export * as customers from './customers.ts';
export * as idempotency from './idempotency.ts';
export * as orders from './orders.ts';
export * as products from './products.ts';
export * as serials from './serials.ts';
export * as tenants from './tenants.ts';
export * as workflows from './workflows.ts';
export type { Db } from './rows.ts';
