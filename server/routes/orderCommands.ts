import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { cancelOrder, obtainSerialUpdates } from '../commands.ts';
import { idempotent } from '../plugins/app/idempotency.ts';
import { IdParams, IdempotencyHeaders, NoBody, ObtainResult, Order, writeProblems } from '../schemas.ts';

const tags = ['orders'];

export default async function orderCommandRoutes(app: FastifyInstance, options: { clock?: () => Date }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const clock = options.clock ?? (() => new Date());

  r.post('/orders/:orderId/cancel', {
    schema: {
      tags,
      summary: 'Cancel an order',
      description: '`draft` or `done` → `cancelled`; a cancelled update order can no longer be obtained. 409 for an order already cancelled.',
      params: IdParams('orderId'),
      headers: IdempotencyHeaders,
      body: NoBody,
      response: { 200: Order, ...writeProblems },
    },
    handler: (request, reply) =>
      idempotent(request, reply, async (claim) => ({
        statusCode: 200,
        body: await cancelOrder(app.db, request.apiKey.tenantId, request.params.orderId, claim),
      })),
  });

  r.post('/serials/:serialId/obtain', {
    schema: {
      tags,
      summary: 'Obtain the serial\'s updates (the customer side)',
      description:
        'Applies every done, not yet applied, in-period update order of this serial to its license (merge or replace), oldest first, each exactly once. ' +
        'Returns the new license and what was applied. 409 for a blocked serial.',
      params: IdParams('serialId'),
      headers: IdempotencyHeaders,
      body: NoBody,
      response: { 200: ObtainResult, ...writeProblems },
    },
    handler: (request, reply) =>
      idempotent(request, reply, async (claim) => ({
        statusCode: 200,
        body: await obtainSerialUpdates(app.db, request.apiKey.tenantId, request.params.serialId, clock(), claim),
      })),
  });
}
