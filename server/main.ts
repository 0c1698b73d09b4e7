import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, shouldSeedDemo } from './config.ts';
import { createDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { isEmpty, presentDemo, seedDemo } from './db/seed.ts';

// Starts and stops the service; everything else is buildApp's. `npm start`.

const WEB_ROOT = fileURLToPath(new URL('../web/dist', import.meta.url));

async function main(): Promise<void> {
  const config = loadConfig();
  const database = createDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const log = (line: string) => process.stdout.write(`${line}\n`);

  const migrations = await migrateToLatest(database.db);
  const seed = shouldSeedDemo(config, await isEmpty(database.db)) ? await seedDemo(database.db) : await presentDemo(database.db);

  const app = await buildApp({ db: database.db, kind: database.kind, webRoot: WEB_ROOT, logger: { level: process.env.LOG_LEVEL ?? 'warn' } });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal}: closing (in-flight requests finish first)`);
    const timer = setTimeout(() => {
      process.stderr.write('Shutdown took over 10 s: exiting anyway\n');
      process.exit(1);
    }, 10_000);
    timer.unref();
    try {
      await app.close();
      await database.close();
      process.exitCode = 0;
    } catch (error) {
      process.stderr.write(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace('://[::1]', '://localhost');
  // One write, so whoever waits for the first line gets the keys with it.
  const banner = [
    `License Update Kit service listening on ${url} (pid ${process.pid})`,
    `  database: ${database.kind} (${database.location})${migrations.executed.length > 0 ? `, migrated: ${migrations.executed.join(', ')}` : ''}`,
    `  API docs: ${url}/docs   OpenAPI: ${url}/docs/json   health: ${url}/health`,
  ];
  if (seed) {
    banner.push(`  demo data ${seed.seeded.length > 0 ? 'loaded' : 'already present'}; API keys (Authorization: Bearer <key>):`);
    for (const key of seed.keys) banner.push(`    ${key.key.padEnd(16)} ${key.role.padEnd(9)} ${key.tenant}`);
  }
  if (database.kind === 'pglite') banner.push('  note: embedded PGlite survives a killed process, not a power loss; use DATABASE_URL=postgres://… in production');
  log(banner.join('\n'));
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? `Configuration error: ${error.message}` : `Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
