import { sql, type Kysely } from 'kysely';
import { Migrator, type MigrationResult } from 'kysely/migration';
import { LATEST_MIGRATION, migrationProvider, migrations } from './migrations/index.ts';

export interface MigrationReport {
  /** Names of the migrations this call ran, in order. */
  executed: string[];
}

export class MigrationFailedError extends Error {
  override name = 'MigrationFailedError';
  constructor(
    readonly migration: string | undefined,
    options: { cause: unknown },
  ) {
    super(`Migration ${migration ?? '(unknown)'} failed: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`, options);
  }
}

/** Runs every pending migration (PostgreSQL: in one transaction, under Kysely's migration lock). */
// Kysely<any>: migrations are frozen in time and know no table types.
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r: MigrationResult) => r.status === 'Error');
    throw new MigrationFailedError(failed?.migrationName, { cause: error });
  }
  return { executed: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** Whether the database has every migration this build knows: /ready answers from it. */
// Kysely<any>: it reads Kysely's own bookkeeping table, not ours.
export async function isMigrated(db: Kysely<any>): Promise<boolean> {
  const table = await sql<{ exists: boolean }>`SELECT to_regclass('kysely_migration') IS NOT NULL AS exists`.execute(db);
  if (!table.rows[0]?.exists) return false;
  const done = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
  const names = new Set(done.rows.map((r) => r.name));
  return Object.keys(migrations).every((name) => names.has(name)) && names.has(LATEST_MIGRATION);
}
