import { MEMORY } from './db/database.ts';

export type SeedMode = 'demo' | 'none';

/** The service's configuration (API.md "Running it"), from the environment. */
export interface Config {
  port: number;
  host: string;
  /** A postgres:// URL; undefined selects embedded PGlite. */
  databaseUrl: string | undefined;
  /** PGlite's data folder, or `memory`. Ignored with DATABASE_URL. */
  dataDir: string;
  /** undefined: `demo` on an empty embedded database, nothing otherwise. */
  seed: SeedMode | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number (0–65535), not "${env.PORT}"`);
  const databaseUrl = env.DATABASE_URL === undefined || env.DATABASE_URL === '' ? undefined : env.DATABASE_URL;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL (leave it unset for the embedded database)');
  }
  const seed = env.SEED === undefined || env.SEED === '' ? undefined : env.SEED;
  if (seed !== undefined && seed !== 'demo' && seed !== 'none') throw new ConfigError(`SEED must be "demo" or "none", not "${seed}"`);
  return {
    port,
    host: env.HOST === undefined || env.HOST === '' ? '127.0.0.1' : env.HOST,
    databaseUrl,
    dataDir: env.DATA_DIR === undefined || env.DATA_DIR === '' ? './data' : env.DATA_DIR,
    seed,
  };
}

/** Whether to load the demo: SEED=demo always (it skips tenants already there), by default only into an empty embedded database. */
export function shouldSeedDemo(config: Pick<Config, 'seed' | 'databaseUrl'>, empty: boolean): boolean {
  if (config.seed === 'demo') return true;
  if (config.seed === 'none') return false;
  return config.databaseUrl === undefined && empty;
}

export { MEMORY };
