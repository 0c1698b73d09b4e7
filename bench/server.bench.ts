// POST /api/update-orders/:id/events throughput, in process: `npx tsx bench/server.bench.ts [seconds]`.
// 16 workers, each driving its own workflow on the order form (so no request loses a version race),
// through app.inject and through real HTTP (fetch), on embedded PGlite and on PostgreSQL
// (TEST_DATABASE_URL or DATABASE_URL; a scratch database is created and dropped).
// BENCH_CONCURRENCY=n changes the number of workers; BENCH_SKIP_PGLITE=1 runs PostgreSQL only.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp, createDatabase, migrateToLatest, seedDemo, type AppDatabase } from '../server/index.ts';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SECONDS = Number(process.argv[2] ?? 4);
const AUTH = { authorization: 'Bearer demo-operator', 'content-type': 'application/json' };

// Replies are JSON the loop reads two fields of.
type Send = (method: 'POST', url: string, body: unknown) => Promise<{ status: number; body: any }>;

async function workflowOnForm(send: Send): Promise<{ id: string; version: number }> {
  const reply = await send('POST', '/api/update-orders', {
    events: [{ type: 'way.select', way: 'serial' }, { type: 'serial.input', text: 'LvHdHH-Ux1VmY-pGKq1y-NEE4pp-8iAAgP' }, { type: 'serial.search' }, { type: 'serial.update' }],
  });
  if (reply.status !== 201) throw new Error(`could not start a workflow: ${reply.status}`);
  return { id: reply.body.id, version: reply.body.version };
}

const rates: Record<string, number> = {};

async function measure(label: string, send: Send): Promise<void> {
  const workflows = await Promise.all(Array.from({ length: CONCURRENCY }, () => workflowOnForm(send)));
  const latencies: number[] = [];
  let failures = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    workflows.map(async (wf, worker) => {
      let n = 0;
      while (performance.now() < until) {
        const started = performance.now();
        const reply = await send('POST', `/api/update-orders/${wf.id}/events`, {
          expectedVersion: wf.version,
          events: [{ type: 'comment.change', value: `worker ${worker} edit ${n++}` }],
        });
        latencies.push(performance.now() - started);
        if (reply.status === 200) wf.version = reply.body.version;
        else failures += 1;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  rates[label] = latencies.length / SECONDS;
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  console.log(
    `${label.padEnd(22)} ${(latencies.length / SECONDS).toFixed(0).padStart(6)} req/s   p50 ${at(0.5)} ms   p99 ${at(0.99)} ms   (${latencies.length} requests, ${failures} not 200, concurrency ${CONCURRENCY})`,
  );
}

async function benchDatabase(name: string, database: AppDatabase): Promise<void> {
  await migrateToLatest(database.db);
  await seedDemo(database.db);
  const app = await buildApp({ db: database.db, kind: database.kind });
  try {
    const inject: Send = async (method, url, body) => {
      const response = await app.inject({ method, url, headers: AUTH, payload: JSON.stringify(body) });
      return { status: response.statusCode, body: response.json() };
    };
    await measure(`${name} / inject`, inject);
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const fetchSend: Send = async (method, url, body) => {
      const response = await fetch(`${address}${url}`, { method, headers: AUTH, body: JSON.stringify(body) });
      return { status: response.status, body: await response.json() };
    };
    await measure(`${name} / HTTP`, fetchSend);
  } finally {
    await app.close();
    await database.close();
  }
}

async function admin(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

if (!process.env.BENCH_SKIP_PGLITE) await benchDatabase('PGlite (memory)', createDatabase({ dataDir: 'memory' }));

const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!url) {
  console.log('PostgreSQL: skipped (set TEST_DATABASE_URL or DATABASE_URL; `bash scripts/ensure-postgres.sh` prints one)');
} else {
  const name = `luk_bench_${randomBytes(4).toString('hex')}`;
  await admin(url, `CREATE DATABASE ${name}`);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  try {
    await benchDatabase('PostgreSQL', createDatabase({ url: scratch.toString(), poolSize: CONCURRENCY }));
  } finally {
    await admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

// Ratios say where the time goes: the database (PostgreSQL vs PGlite) and the HTTP layer (fetch vs inject).
const ratio = (a: string, b: string) => (rates[a] && rates[b] ? `${(rates[a]! / rates[b]!).toFixed(2)}×` : 'n/a');
console.log(`ratios: PostgreSQL/PGlite (inject) ${ratio('PostgreSQL / inject', 'PGlite (memory) / inject')}   HTTP/inject: PGlite ${ratio('PGlite (memory) / HTTP', 'PGlite (memory) / inject')}, PostgreSQL ${ratio('PostgreSQL / HTTP', 'PostgreSQL / inject')}`);
