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

/** How long a key found in the database is trusted without asking again (a revoked key stops working within it). */
export const KEY_CACHE_MS = 5_000;
const KEY_CACHE_SIZE = 1_000;

/**
 * Keys live hashed in the database. A known key is remembered for a few seconds, which spares the hot
 * path a query per request; unknown keys are never remembered, so a new key works at once.
 */
export default shared('auth', async (app) => {
  const known = new Map<string, { identity: ApiKeyIdentity; until: number }>();
  const lookup = async (hash: string): Promise<ApiKeyIdentity | undefined> => {
    const now = Date.now();
    const cached = known.get(hash);
    if (cached && cached.until > now) return cached.identity;
    const identity = await apiKeys.findApiKey(app.db, hash);
    if (!identity) {
      known.delete(hash);
      return undefined;
    }
    if (known.size >= KEY_CACHE_SIZE) known.clear();
    known.set(hash, { identity, until: now + KEY_CACHE_MS });
    return identity;
  };

  app.decorateRequest('apiKey', null as unknown as ApiKeyIdentity);
  app.decorate('authenticate', async (request: FastifyRequest) => {
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) throw unauthorized();
    const identity = await lookup(hashApiKey(match[1]!));
    if (!identity) throw unauthorized();
    if (!READ_METHODS.has(request.method) && identity.role !== 'operator') {
      throw new HttpProblem(403, 'Forbidden', 'This API key may read but not write', { type: PROBLEM_TYPES.forbidden });
    }
    request.apiKey = identity;
  });
});
