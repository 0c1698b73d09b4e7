export * from './runEffects.ts';
export * from './inMemoryEffects.ts';
export * from './demoDataset.ts';
