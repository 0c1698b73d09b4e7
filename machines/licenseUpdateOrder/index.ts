export { licenseUpdateOrderMachine, MACHINE_VERSION, type LicenseUpdateOrderMachine } from './licenseUpdateOrder.machine.ts';
export * from './types.ts';
export * from './selectors.ts';
export * from './persistence.ts';
export * from './explainRefusal.ts';
export { reasons, parameterizedReasons, type Reason } from './guards.ts';
export * from './actor.ts';
