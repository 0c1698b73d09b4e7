// The package's `./server` export.
export { buildApp, BODY_LIMIT, type AppOptions } from './app.ts';
export { loadConfig, shouldSeedDemo, type Config, type SeedMode } from './config.ts';
export { createDatabase, MEMORY, type AppDatabase, type DatabaseKind, type DatabaseOptions } from './db/database.ts';
export { migrateToLatest, isMigrated, MigrationFailedError } from './db/migrate.ts';
export { migrations, migrationProvider } from './db/migrations/index.ts';
export { seedDemo, isEmpty, type SeedReport } from './db/seed.ts';
export type { Database } from './db/tables.ts';
export { hashApiKey } from './apiKeys.ts';
export * as repositories from './repositories/index.ts';
export { createDatabaseEffects } from './workflow/effects.ts';
export { createWorkflowRuntime, type WorkflowRuntime, type WorkflowView } from './workflow/runtime.ts';
