import type { Migration, MigrationProvider } from 'kysely/migration';
import * as initial from './2026-12-01T0000-initial.ts';

/** Every migration, by its sortable name. A static list works under tsx and bundlers alike (no file-system scan). */
export const migrations: Record<string, Migration> = {
  '2026-12-01T0000-initial': initial,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

export const LATEST_MIGRATION = Object.keys(migrations).sort().at(-1)!;
