import { ConfigError, loadConfig } from './config.ts';
import { createDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';

// `npm run migrate`: runs the pending migrations against the configured database (DATABASE_URL or DATA_DIR).

async function main(): Promise<void> {
  const config = loadConfig();
  const database = createDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { executed } = await migrateToLatest(database.db);
    process.stdout.write(`${database.kind} (${database.location}): ${executed.length > 0 ? `ran ${executed.join(', ')}` : 'already up to date'}\n`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? 'Configuration error: ' : 'Migration failed: '}${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
