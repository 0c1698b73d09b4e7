import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hashApiKey } from '../apiKeys.ts';
import { pingDatabase } from '../db/database.ts';
import { isMigrated } from '../db/migrate.ts';
import { HttpProblem, PROBLEM_TYPES } from '../problem.ts';
import { DemoConfig, Health, Problem, Ready, problemReply } from '../schemas.ts';

const tags = ['service'];
/** The key the reference web app uses when the demo is loaded (API.md: usable without typing a key). */
export const DEMO_WEB_KEY = 'demo-operator';

export default async function serviceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Once migrated, a database stays migrated: later probes answer without a query.
  let migrated = false;

  r.get('/health', {
    schema: { tags, summary: 'Liveness and database reachability', security: [], response: { 200: Health, 503: Health } },
    handler: async (_request, reply) => {
      const up = await pingDatabase(app.db);
      return reply.code(up ? 200 : 503).send({ status: up ? 'ok' : 'error', database: up ? 'up' : 'down', kind: app.databaseKind });
    },
  });

  r.get('/ready', {
    schema: { tags, summary: 'Readiness: 503 until the migrations ran', security: [], response: { 200: Ready, 503: problemReply('Not migrated yet', Problem) } },
    handler: async () => {
      migrated ||= await isMigrated(app.db).catch(() => false);
      if (!migrated) throw new HttpProblem(503, 'Service Unavailable', 'The database is not migrated yet', { type: PROBLEM_TYPES.notReady });
      return { status: 'ready' as const };
    },
  });

  r.get('/demo-config.json', {
    schema: { tags, summary: 'What the reference web app needs to start without a typed key', security: [], response: { 200: DemoConfig } },
    handler: async () => {
      const key = migrated || (await isMigrated(app.db).catch(() => false)) ? await app.repositories.apiKeys.findApiKey(app.db, hashApiKey(DEMO_WEB_KEY)) : undefined;
      return { apiKey: key ? DEMO_WEB_KEY : null };
    },
  });
}
