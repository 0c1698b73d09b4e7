import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe } from 'vitest';
import type { OperatorEvent } from '../../machines/index.ts';
import { buildApp } from '../app.ts';
import { seedDemo } from '../db/seed.ts';
import type { Database } from '../db/tables.ts';
import type { WorkflowView } from '../workflow/runtime.ts';
import { DATABASES, openTestDatabase, type DatabaseName, type TestDatabase } from './databases.ts';

/** The day the suites live on: periods and "today" are relative to it. */
export const TEST_NOW = new Date('2026-12-04T10:00:00.000Z');
export const TODAY = '2026-12-04';

export const KEYS = { operator: 'demo-operator', viewer: 'demo-viewer', rival: 'rival-operator' } as const;

// Replies are parsed JSON that assertions narrow: `any` keeps the tests readable.
export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  contentType: string;
}

export interface Suite {
  app: FastifyInstance;
  db: Kysely<Database>;
  name: DatabaseName;
  /** Calls the app as the holder of `key` (default: the demo operator). */
  http: Http;
  as(key: string | null): Http;
}

export interface Http {
  get<T = any>(url: string, headers?: Record<string, string>): Promise<Reply<T>>;
  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>): Promise<Reply<T>>;
  delete<T = any>(url: string, headers?: Record<string, string>): Promise<Reply<T>>;
  raw(options: { method: 'GET' | 'POST' | 'DELETE'; url: string; payload?: string | Buffer; headers?: Record<string, string> }): Promise<Reply>;
}

function httpFor(app: FastifyInstance, key: string | null): Http {
  const auth = key === null ? {} : { authorization: `Bearer ${key}` };
  const call = async (options: { method: 'GET' | 'POST' | 'DELETE'; url: string; payload?: string | Buffer; headers?: Record<string, string> }): Promise<Reply> => {
    const response = await app.inject({ method: options.method, url: options.url, headers: { ...auth, ...options.headers }, ...(options.payload !== undefined ? { payload: options.payload } : {}) });
    const contentType = String(response.headers['content-type'] ?? '');
    return { status: response.statusCode, body: contentType.includes('json') && response.body !== '' ? response.json() : response.body, headers: response.headers, contentType };
  };
  return {
    get: (url, headers) => call({ method: 'GET', url, ...(headers ? { headers } : {}) }),
    post: (url, body, headers) =>
      call({
        method: 'POST',
        url,
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
        headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      }),
    delete: (url, headers) => call({ method: 'DELETE', url, ...(headers ? { headers } : {}) }),
    raw: call,
  };
}

/**
 * One route suite, run on each database: a fresh migrated database (PGlite in memory; PostgreSQL in its own
 * `luk_t_<random>` database), the demo seed, and one app for the whole suite. Without TEST_DATABASE_URL the
 * PostgreSQL run fails in beforeAll, saying why.
 */
/** The suites' clock: TEST_NOW unless a test moves it (and puts it back). */
export const clock = { now: new Date(TEST_NOW) };

export function describeEachDatabase(title: string, body: (suite: () => Suite) => void, options: { seed?: boolean } = {}): void {
  describe.each(DATABASES)(`${title} (%s)`, (name) => {
    let opened: TestDatabase | undefined;
    let suite: Suite | undefined;
    beforeAll(async () => {
      opened = await openTestDatabase(name);
      const { db, kind } = opened.database;
      if (options.seed !== false) await seedDemo(db);
      const app = await buildApp({ db, kind, clock: () => clock.now });
      await app.ready();
      suite = { app, db, name, http: httpFor(app, KEYS.operator), as: (key) => httpFor(app, key) };
    });
    afterAll(async () => {
      await suite?.app.close();
      await opened?.drop();
    });
    body(() => {
      if (!suite) throw new Error(`The ${name} suite did not start (see the beforeAll error)`);
      return suite;
    });
  });
}

/** Drives one workflow over HTTP the way a client does: it keeps the last view and sends its version back. */
export class WorkflowClient {
  view!: WorkflowView;
  constructor(private readonly http: Http) {}

  async start(events: OperatorEvent[] = []): Promise<WorkflowView> {
    const reply = await this.http.post('/api/update-orders', { events });
    if (reply.status !== 201) throw new Error(`start → ${reply.status}: ${JSON.stringify(reply.body).slice(0, 500)}`);
    this.view = reply.body;
    return this.view;
  }

  /** Sends events and expects them all applied. */
  async send(...events: OperatorEvent[]): Promise<WorkflowView> {
    const reply = await this.post(events);
    if (reply.status !== 200) throw new Error(`${events.map((e) => e.type).join(', ')} → ${reply.status}: ${JSON.stringify(reply.body).slice(0, 800)}`);
    return this.view;
  }

  async post(events: OperatorEvent[], headers?: Record<string, string>): Promise<Reply> {
    const reply = await this.http.post(`/api/update-orders/${this.view.id}/events`, { expectedVersion: this.view.version, events }, headers);
    if (reply.status === 200) this.view = reply.body;
    else if (reply.body?.view) this.view = reply.body.view;
    return reply;
  }

  // The context as JSON: assertions narrow what they read.
  get context(): any {
    return this.view.context;
  }
}
