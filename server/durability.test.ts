import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The embedded database survives the process being killed: a workflow is served at its last acknowledged
// version after a SIGKILL and a restart on the same DATA_DIR, and can be finished there.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KEY = { authorization: 'Bearer demo-operator', 'content-type': 'application/json' };

interface Service {
  process: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `npx tsx server/main.ts` in its own process group (so a kill reaches tsx's node child too), resolved once it listens. */
async function startService(dataDir: string): Promise<Service> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.SEED;
  const child = spawn('npx', ['tsx', 'server/main.ts'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const onData = () => {
      if (output.includes('listening on')) {
        child.stdout!.off('data', onData);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => reject(new Error(`the service exited (${code}) before listening:\n${output}`)));
  });
  return { process: child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

const signalGroup = (service: Service, signal: NodeJS.Signals) => process.kill(-service.process.pid!, signal);

async function call(service: Service, method: string, path: string, body?: unknown) {
  const response = await fetch(`${service.url}${path}`, { method, headers: KEY, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  // Replies are parsed JSON that assertions narrow.
  return { status: response.status, body: (await response.json()) as any };
}

describe('the embedded database across a crash', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'luk-data-'));
  const started: Service[] = [];
  afterAll(() => {
    for (const service of started) {
      try {
        signalGroup(service, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves a workflow killed mid-way at its last acknowledged version, lets it finish, and shuts down cleanly', { timeout: 90_000 }, async () => {
    const first = await startService(dataDir);
    started.push(first);
    expect(first.output()).toContain('demo-operator');
    const created = await call(first, 'POST', '/api/update-orders', { events: [{ type: 'way.select', way: 'serial' }] });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const searched = await call(first, 'POST', `/api/update-orders/${id}/events`, {
      expectedVersion: 1,
      events: [{ type: 'serial.input', text: 'LvHdHH-Ux1VmY-pGKq1y-NEE4pp-8iAAgP' }, { type: 'serial.search' }, { type: 'serial.update' }],
    });
    expect(searched.status).toBe(200);
    const acknowledged = await call(first, 'POST', `/api/update-orders/${id}/events`, { expectedVersion: 2, events: [{ type: 'crmId.change', value: 'CRM-CRASH' }] });
    expect(acknowledged.body).toMatchObject({ version: 3, state: { orderForm: 'editing' } });

    // One more request in flight when the process dies: it either committed whole or not at all.
    const inFlight = fetch(`${first.url}/api/update-orders/${id}/events`, {
      method: 'POST',
      headers: KEY,
      body: JSON.stringify({ expectedVersion: 3, events: [{ type: 'comment.change', value: 'in flight' }] }),
    }).catch(() => null);
    signalGroup(first, 'SIGKILL');
    await first.exited;
    await inFlight;

    const second = await startService(dataDir);
    started.push(second);
    // Not empty any more: the demo is not loaded a second time.
    expect(second.output()).not.toContain('demo data loaded');
    const restored = await call(second, 'GET', `/api/update-orders/${id}`);
    expect(restored.status).toBe(200);
    if (restored.body.version === 3) expect(restored.body).toEqual(acknowledged.body);
    else expect(restored.body).toMatchObject({ version: 4, context: { draft: { crmId: 'CRM-CRASH', comment: 'in flight' } } });

    const version = restored.body.version;
    const finished = await call(second, 'POST', `/api/update-orders/${id}/events`, { expectedVersion: version, events: [{ type: 'order.review' }, { type: 'order.submit' }] });
    expect(finished.status).toBe(200);
    expect(finished.body).toMatchObject({ version: version + 1, status: 'submitted', order: { status: 'done', crmId: 'CRM-CRASH' } });
    const obtained = await call(second, 'POST', '/api/serials/ser-nw-1/obtain');
    expect(obtained.body.applied).toEqual([finished.body.order.id]);

    // SIGTERM to the service's own process (npx and tsx merely wrap it): it closes and exits 0, and so do they.
    const pid = Number(/\(pid (\d+)\)/.exec(second.output())?.[1]);
    process.kill(pid, 'SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('SIGTERM: closing');
    expect(second.output()).not.toContain('Shutdown failed');
  });
});
