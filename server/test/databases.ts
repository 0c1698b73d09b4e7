import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, sql } from 'kysely';
import pg from 'pg';
import { createDatabase, type AppDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { migrations } from '../db/migrations/index.ts';
import type { Database } from '../db/tables.ts';

export type DatabaseName = 'PGlite' | 'PostgreSQL';

export interface TestDatabase {
  database: AppDatabase;
  /** Closes the connection and, for PostgreSQL, drops the suite's own database. */
  drop(): Promise<void>;
}

export const DATABASES: readonly DatabaseName[] = ['PGlite', 'PostgreSQL'];

/** Opens a fresh, empty database of that kind (migrated unless told), seen by this suite alone. */
export async function openTestDatabase(name: DatabaseName, { migrated = true }: { migrated?: boolean } = {}): Promise<TestDatabase> {
  return name === 'PGlite' ? openPglite(migrated) : openPostgres(migrated);
}

// ---------------------------------------------------------------- PGlite

/** Identifies the migrated schema: a cached data folder is reused only while the migrations are the same. */
function schemaFingerprint(): string {
  const hash = createHash('sha256');
  for (const [name, migration] of Object.entries(migrations).sort()) hash.update(name).update(String(migration.up));
  return hash.digest('hex').slice(0, 16);
}

/**
 * A migrated PGlite data folder, dumped once and cached in the temp folder: loading it skips initdb
 * and the migrations (~0.6 s instead of ~3 s per suite). Written to a temp name and renamed, so
 * test files starting in parallel never read half a file.
 */
async function migratedTemplate(): Promise<Blob> {
  const file = join(tmpdir(), `luk-pglite-template-${schemaFingerprint()}.tar.gz`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const pglite = new PGlite();
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  await migrateToLatest(db);
  const dump = await pglite.dumpDataDir('gzip');
  await db.destroy();
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  return dump;
}

async function openPglite(migrated: boolean): Promise<TestDatabase> {
  const database = createDatabase({ dataDir: 'memory', template: await migratedTemplate() });
  if (migrated) await migrateToLatest(database.db);
  // An empty schema is quicker to get from the template than from a second initdb.
  else {
    await sql`DROP SCHEMA public CASCADE`.execute(database.db);
    await sql`CREATE SCHEMA public`.execute(database.db);
  }
  return { database, drop: () => database.close() };
}

// ---------------------------------------------------------------- PostgreSQL

export const MISSING_POSTGRES =
  'TEST_DATABASE_URL is not set: the PostgreSQL suite needs a real PostgreSQL. ' +
  'Run the tests with `npm test` (scripts/test.sh exports it), or run `bash scripts/ensure-postgres.sh` and export its last line as TEST_DATABASE_URL.';

/** Each suite gets its own database `luk_t_<random>` (the test role has CREATEDB), dropped afterwards. */
async function openPostgres(migrated: boolean): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error(MISSING_POSTGRES);
  const name = `luk_t_${randomBytes(6).toString('hex')}`;
  await admin(url, `CREATE DATABASE ${name}`);
  const suiteUrl = new URL(url);
  suiteUrl.pathname = `/${name}`;
  const database = createDatabase({ url: suiteUrl.toString(), poolSize: 12 });
  try {
    if (migrated) await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    await admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    throw error;
  }
  return {
    database,
    drop: async () => {
      await database.close();
      await admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- digest

/** Row count and content hash of every application table: "nothing changed" is this being equal before and after. */
export async function digestTables(db: Kysely<Database>): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  const digest: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const row = await sql<{ n: number; h: string | null }>`
      SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM ${sql.table(name)} t`.execute(db);
    digest[name] = `${row.rows[0]?.n}:${row.rows[0]?.h ?? ''}`;
  }
  return digest;
}
