import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './tables.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseOptions {
  /** A `postgres://` URL selects PostgreSQL; without one, embedded PGlite. */
  url?: string | undefined;
  /** PGlite's data folder; `memory` (the default here) keeps nothing. */
  dataDir?: string | undefined;
  /** PostgreSQL pool size. */
  poolSize?: number | undefined;
  /** PGlite only: start from a dumped data folder (`dumpDataDir()`) instead of running initdb (tests start in a fraction of the time). */
  template?: Blob | undefined;
}

export interface AppDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives, for the start-up banner (never the password). */
  location: string;
  /** Closes the pool or the embedded instance (PGlite flushes its files). */
  close(): Promise<void>;
}

export const MEMORY = 'memory';

/** Opens the database the configuration names. Nothing is created or migrated here. */
export function createDatabase(options: DatabaseOptions = {}): AppDatabase {
  if (options.url) return createPostgres(options.url, options.poolSize ?? 10);
  return createPglite(options.dataDir ?? MEMORY, options.template);
}

function createPostgres(url: string, poolSize: number): AppDatabase {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', location: redactUrl(url), close: () => db.destroy() };
}

function createPglite(dataDir: string, template: Blob | undefined): AppDatabase {
  const inMemory = dataDir === MEMORY;
  const path = inMemory ? undefined : resolve(dataDir);
  if (path) mkdirSync(path, { recursive: true });
  const pglite = new PGlite(path, template ? { loadDataDir: template } : {});
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    location: path ?? 'in memory (nothing is kept)',
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres (unparseable URL)';
  }
}

/** `SELECT 1`: the health check. */
export async function pingDatabase(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
