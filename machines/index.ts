export * from './domain/index.ts';
export * from './licenseUpdateOrder/index.ts';
export * from './runtime/index.ts';
