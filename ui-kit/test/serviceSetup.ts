// Vitest globalSetup of the browser project: spawns the real service (PGlite in memory, demo seed)
// as a process on a free port; the browser reaches it through the Vite proxy for /api.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Whether the service started (remote-mode tests fail with `error` when it did not). */
    service: { ok: true; origin: string } | { ok: false; error: string };
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PORT_ENV = 'LUK_TEST_SERVICE_PORT';

/** A free TCP port, found synchronously so the Vite config can name the proxy target before any test runs. */
export function reserveServicePort(): number {
  if (process.env[PORT_ENV]) return Number(process.env[PORT_ENV]);
  const script = "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  const port = Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
  process.env[PORT_ENV] = String(port);
  return port;
}

async function waitUntilReady(origin: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The service exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${origin}/ready`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`The service was not ready within ${timeoutMs} ms:\n${output()}`);
}

export default async function setup(project: TestProject) {
  const port = reserveServicePort();
  const origin = `http://127.0.0.1:${port}`;
  let log = '';
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: 'memory', SEED: 'demo', LOG_LEVEL: 'warn' };
  // Embedded PGlite in memory whatever the developer's shell points at.
  delete env['DATABASE_URL'];
  const child = spawn(process.execPath, [fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url)), 'server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  try {
    await waitUntilReady(origin, child, () => log.slice(-4000), 60_000);
    project.provide('service', { ok: true, origin });
  } catch (error) {
    project.provide('service', { ok: false, error: error instanceof Error ? error.message : String(error) });
  }

  return async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
}
