import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashApiKey } from '../../apiKeys.ts';
import { HttpProblem, PROBLEM_TYPES } from '../../problem.ts';
import { apiKeys } from '../../repositories/index.ts';
import type { ApiKeyIdentity } from '../../repositories/apiKeys.ts';
import { shared } from '../shared.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The API key the request carries (set by `authenticate`). */
    apiKey: ApiKeyIdentity;
  }
  interface FastifyInstance {
    /** onRequest hook: 401 without a valid key, 403 for a viewer on a write. */
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BEARER = /^Bearer\s+(\S{1,512})\s*$/i;

export const unauthorized = () =>
  new HttpProblem(401, 'Unauthorized', 'Send an API key: Authorization: Bearer <key>', { type: PROBLEM_TYPES.unauthorized });

/** Keys live hashed in the database; each request is looked up again, so a revoked key stops working at once. */
export default shared('auth', async (app) => {
  app.decorateRequest('apiKey', null as unknown as ApiKeyIdentity);
  app.decorate('authenticate', async (request: FastifyRequest) => {
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) throw unauthorized();
    const identity = await apiKeys.findApiKey(app.db, hashApiKey(match[1]!));
    if (!identity) throw unauthorized();
    if (!READ_METHODS.has(request.method) && identity.role !== 'operator') {
      throw new HttpProblem(403, 'Forbidden', 'This API key may read but not write', { type: PROBLEM_TYPES.forbidden });
    }
    request.apiKey = identity;
  });
});
