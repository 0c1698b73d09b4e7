import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem, PROBLEM_TYPES, badRequest, conflict } from '../../problem.ts';
import { idempotency } from '../../repositories/index.ts';
import { IdempotencyRace, type IdempotencyClaim } from '../../workflow/runtime.ts';

const KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's Idempotency-Key, with a fingerprint of what it asks (route, params, query, body). */
export function claimOf(request: FastifyRequest): IdempotencyClaim | undefined {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY.test(header)) {
    throw badRequest('Idempotency-Key must be 1–255 visible ASCII characters', [{ path: 'headers.idempotency-key', message: 'Invalid key' }]);
  }
  const fingerprint = createHash('sha256')
    .update(`${request.method} ${request.routeOptions.url}\n${JSON.stringify(request.params)}\n${JSON.stringify(request.query)}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
  return { key: header, fingerprint };
}

export interface Reply {
  statusCode: number;
  body: unknown;
}

function send(reply: FastifyReply, { statusCode, body }: Reply): FastifyReply {
  if (statusCode >= 400) reply.type('application/problem+json; charset=utf-8');
  return reply.code(statusCode).send(body);
}

/**
 * Runs a write once per Idempotency-Key: a repeat gets the first reply (stored in the first request's own
 * transaction), a different request under the same key is refused, and a request without a key just runs.
 */
export async function idempotent(request: FastifyRequest, reply: FastifyReply, run: (claim: IdempotencyClaim | undefined) => Promise<Reply>): Promise<void> {
  const claim = claimOf(request);
  const tenantId = request.apiKey.tenantId;
  const replay = async (): Promise<boolean> => {
    if (!claim) return false;
    const stored = await idempotency.findReply(request.server.db, tenantId, claim.key);
    if (!stored) return false;
    if (stored.fingerprint !== claim.fingerprint) {
      throw new HttpProblem(422, 'Unprocessable Content', 'This Idempotency-Key was used for a different request', { type: PROBLEM_TYPES.idempotencyKeyReused });
    }
    reply.header('idempotent-replayed', 'true');
    send(reply, { statusCode: stored.statusCode, body: stored.body });
    return true;
  };
  if (await replay()) return;
  try {
    send(reply, await run(claim));
  } catch (error) {
    // Lost a race to a request with the same key: its reply is the answer.
    const lostRace = error instanceof IdempotencyRace || (error instanceof HttpProblem && error.status === 409) || isUniqueViolation(error);
    if (claim && lostRace && (await replay())) return;
    if (error instanceof IdempotencyRace) throw conflict('A request with the same Idempotency-Key is still being processed');
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
