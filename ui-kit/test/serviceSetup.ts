// Vitest globalSetup of the browser project: spawns the real service (PGlite in memory, demo seed)
// as a process on a free port; the browser reaches it through the Vite proxy for /api.
import type { TestProject } from 'vitest/node';
import { freePort, spawnService, type SpawnedService } from '../../scripts/spawnService.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Whether the service started (remote-mode tests fail with `error` when it did not). */
    service: { ok: true; origin: string } | { ok: false; error: string };
  }
}

const PORT_ENV = 'LUK_TEST_SERVICE_PORT';

/** A free TCP port, found synchronously so the Vite config can name the proxy target before any test runs. */
export function reserveServicePort(): number {
  if (process.env[PORT_ENV]) return Number(process.env[PORT_ENV]);
  const port = freePort();
  process.env[PORT_ENV] = String(port);
  return port;
}

export default async function setup(project: TestProject) {
  let service: SpawnedService | null = null;
  try {
    service = await spawnService({ port: reserveServicePort() });
    project.provide('service', { ok: true, origin: service.origin });
  } catch (error) {
    project.provide('service', { ok: false, error: error instanceof Error ? error.message : String(error) });
  }
  return async () => {
    await service?.stop();
  };
}
