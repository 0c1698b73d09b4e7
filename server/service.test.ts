import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemo } from './db/seed.ts';
import { DATABASES, openTestDatabase, type TestDatabase } from './test/databases.ts';

describe.each(DATABASES)('the service around the API (%s)', (name) => {
  let opened: TestDatabase;
  let webRoot: string;
  beforeAll(async () => {
    opened = await openTestDatabase(name, { migrated: false });
    webRoot = mkdtempSync(join(tmpdir(), 'luk-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>License Update Kit</title>');
    writeFileSync(join(webRoot, 'app.js'), 'console.log("app")');
  });
  afterAll(async () => {
    await opened?.drop();
    if (webRoot) rmSync(webRoot, { recursive: true, force: true });
  });

  it('is healthy at once, ready only once migrated, and offers the demo key only once the demo is loaded', async () => {
    const { db, kind } = opened.database;
    const app = await buildApp({ db, kind });
    try {
      const health = await app.inject('/health');
      expect(health.statusCode).toBe(200);
      expect(health.json()).toEqual({ status: 'ok', database: 'up', kind });
      const unready = await app.inject('/ready');
      expect(unready.statusCode).toBe(503);
      expect(unready.headers['content-type']).toContain('application/problem+json');
      expect((await app.inject('/demo-config.json')).json()).toEqual({ apiKey: null });

      await migrateToLatest(db);
      expect((await app.inject('/ready')).statusCode).toBe(200);
      expect((await app.inject('/demo-config.json')).json()).toEqual({ apiKey: null });
      expect((await app.inject({ url: '/api/customers', headers: { authorization: 'Bearer demo-operator' } })).statusCode).toBe(401);

      const seeded = await seedDemo(db);
      expect(seeded.seeded).toEqual(['ten-demo', 'ten-rival']);
      expect((await seedDemo(db)).seeded).toEqual([]);
      expect((await app.inject('/demo-config.json')).json()).toEqual({ apiKey: 'demo-operator' });
      expect((await app.inject({ url: '/api/customers', headers: { authorization: 'Bearer demo-operator' } })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('serves the OpenAPI document generated from the route schemas, and Swagger UI', async () => {
    const app = await buildApp({ db: opened.database.db, kind: opened.database.kind });
    try {
      const document = (await app.inject('/docs/json')).json();
      expect(document.openapi).toBe('3.1.0');
      const events = document.paths['/api/update-orders/{id}/events'].post;
      expect(events.requestBody.content['application/json'].schema.required).toEqual(['expectedVersion', 'events']);
      expect(Object.keys(events.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409', '413', '422']));
      const eventTypes = JSON.stringify(events.requestBody.content['application/json'].schema.properties.events);
      expect(eventTypes).toContain('way.select');
      expect(eventTypes).toContain('order.submit');
      expect(document.paths['/api/orders/{orderId}'].get.responses['200'].content['application/json'].schema.properties.lines).toBeDefined();
      const ui = await app.inject('/docs');
      expect([200, 302]).toContain(ui.statusCode);
      const page = await app.inject(ui.statusCode === 302 ? String(ui.headers.location).replace(/^\.\//, '/docs/') : '/docs');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('swagger');
    } finally {
      await app.close();
    }
  });

  it('serves the web app at / with an SPA fallback, but never for /api or /docs', async () => {
    const app = await buildApp({ db: opened.database.db, kind: opened.database.kind, webRoot });
    try {
      const index = await app.inject('/');
      expect(index.statusCode).toBe(200);
      expect(index.body).toContain('License Update Kit');
      expect((await app.inject('/app.js')).body).toContain('console.log');
      const deep = await app.inject('/update-orders/123');
      expect(deep.statusCode).toBe(200);
      expect(deep.headers['content-type']).toContain('text/html');
      const api = await app.inject('/api/nope');
      expect(api.statusCode).toBe(404);
      expect(api.headers['content-type']).toContain('application/problem+json');
      expect((await app.inject('/docs/nope')).headers['content-type']).toContain('application/problem+json');
      expect((await app.inject({ method: 'POST', url: '/somewhere' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
    const without = await buildApp({ db: opened.database.db, kind: opened.database.kind, webRoot: join(webRoot, 'missing') });
    try {
      expect((await without.inject('/')).statusCode).toBe(404);
    } finally {
      await without.close();
    }
  });
});
