import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DatabaseKind } from './db/database.ts';
import type { Database } from './db/tables.ts';
import authPlugin from './plugins/app/auth.ts';
import problemsPlugin, { sendNotFound } from './plugins/app/problems.ts';
import repositoriesPlugin from './plugins/app/repositories.ts';
import workflowRuntimePlugin from './plugins/app/workflowRuntime.ts';
import databasePlugin from './plugins/external/database.ts';
import swaggerPlugin from './plugins/external/swagger.ts';
import lookupRoutes from './routes/lookups.ts';
import orderCommandRoutes from './routes/orderCommands.ts';
import serviceRoutes from './routes/service.ts';
import updateOrderRoutes from './routes/updateOrders.ts';

export const BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  /** The database to serve (the caller opens, migrates and closes it). */
  db: Kysely<Database>;
  kind?: DatabaseKind;
  /** A built web app to serve at `/` (SPA: unknown non-API GETs get its index.html); ignored when the folder is missing. */
  webRoot?: string | undefined;
  /** The clock of submit, obtain and workflow start (tests pin it). */
  clock?: () => Date;
  /** Fastify's logger option: off in tests, pino JSON lines in main.ts. */
  logger?: FastifyServerOptions['logger'];
}

/**
 * Builds the service: external plugins (database, swagger) → application plugins (problems, repositories,
 * workflow runtime, auth) → routes. Listening and closing are the caller's (main.ts, tests).
 */
export async function buildApp({ db, kind = 'pglite', webRoot, clock, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: BODY_LIMIT,
    // The problem handler answers every error; ids in URLs are opaque strings of up to 64 characters.
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // A body-less POST that still says application/json is a request with no body, not a 400.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  // JSON only: any other body type is a 415.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (request, body, done) => {
    // parseAs: 'string' hands a string.
    const text = body as string;
    if (text === '') return done(null, undefined);
    return parseJson(request, text, done);
  });

  await app.register(databasePlugin, { db, kind });
  await app.register(swaggerPlugin);

  await app.register(problemsPlugin);
  await app.register(repositoriesPlugin);
  await app.register(workflowRuntimePlugin, clock ? { clock } : {});
  await app.register(authPlugin);

  await app.register(serviceRoutes);
  await app.register(
    async (api) => {
      api.addHook('onRequest', api.authenticate);
      await api.register(lookupRoutes);
      await api.register(updateOrderRoutes);
      await api.register(orderCommandRoutes, clock ? { clock } : {});
    },
    { prefix: '/api' },
  );

  const root = webRoot ? resolve(webRoot) : undefined;
  const serveWeb = root !== undefined && existsSync(root) && statSync(root).isDirectory() && existsSync(resolve(root, 'index.html'));
  if (serveWeb) await app.register(fastifyStatic, { root, wildcard: false, index: 'index.html' });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isApi = path === '/api' || path.startsWith('/api/') || path === '/docs' || path.startsWith('/docs/');
    if (serveWeb && (request.method === 'GET' || request.method === 'HEAD') && !isApi) return reply.sendFile('index.html');
    return sendNotFound(request, reply);
  });

  return app;
}
