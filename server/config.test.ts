import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, shouldSeedDemo } from './config.ts';

describe('configuration from the environment', () => {
  it('needs no set-up: port 3000 on 127.0.0.1, embedded PGlite in ./data, demo seed when empty', () => {
    const config = loadConfig({});
    expect(config).toEqual({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, dataDir: './data', seed: undefined });
    expect(shouldSeedDemo(config, true)).toBe(true);
    expect(shouldSeedDemo(config, false)).toBe(false);
  });

  it('reads PORT, HOST, DATABASE_URL, DATA_DIR and SEED', () => {
    expect(loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATABASE_URL: 'postgres://u:p@db/x', DATA_DIR: 'memory', SEED: 'none' })).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u:p@db/x',
      dataDir: 'memory',
      seed: 'none',
    });
  });

  it('seeds PostgreSQL only when asked, and never with SEED=none', () => {
    expect(shouldSeedDemo(loadConfig({ DATABASE_URL: 'postgresql://db/x' }), true)).toBe(false);
    expect(shouldSeedDemo(loadConfig({ DATABASE_URL: 'postgresql://db/x', SEED: 'demo' }), false)).toBe(true);
    expect(shouldSeedDemo(loadConfig({ SEED: 'none' }), true)).toBe(false);
  });

  it('refuses values it cannot use, saying which', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ SEED: 'all' })).toThrow(/SEED/);
  });
});
