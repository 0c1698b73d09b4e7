import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { HttpProblem, PROBLEM_TYPES, type ProblemFieldError } from '../../problem.ts';
import { shared } from '../shared.ts';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: ProblemFieldError[];
  [key: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  411: 'Length Required',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const problem = (status: number, detail: string, extra: Partial<ProblemDocument> = {}): ProblemDocument => ({
  type: PROBLEM_TYPES.internal,
  title: TITLES[status] ?? 'Error',
  status,
  detail,
  ...extra,
});

/** `body.events.0.type` from fastify's validation context and the issue's JSON pointer. */
function fieldPath(context: string | undefined, instancePath: string): string {
  const parts = instancePath.split('/').filter((p) => p !== '');
  return [context ?? 'request', ...parts].join('.');
}

/** PostgreSQL codes a client can cause only by racing: worth a retry, never a 500. */
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01', '55P03']);

/** Every error as a problem document; anything unexpected becomes a 500 whose details stay in the log. */
export function toProblem(error: unknown): ProblemDocument {
  if (error instanceof HttpProblem) {
    return { ...error.extra, type: error.extra.type ?? PROBLEM_TYPES.internal, title: error.title, status: error.status, detail: error.detail };
  }
  const fastifyError = error as Partial<FastifyError> & { validationContext?: string; code?: string };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => ({ path: fieldPath(fastifyError.validationContext, issue.instancePath), message: issue.message ?? 'Invalid' }));
    return problem(400, `The request is not valid: ${errors[0]?.path}: ${errors[0]?.message}`, { type: PROBLEM_TYPES.validation, errors });
  }
  if (Array.isArray(fastifyError.validation)) {
    const errors = fastifyError.validation.map((issue) => ({ path: fieldPath(fastifyError.validationContext, issue.instancePath ?? ''), message: issue.message ?? 'Invalid' }));
    return problem(400, 'The request is not valid', { type: PROBLEM_TYPES.validation, errors });
  }
  if (isResponseSerializationError(error as never) && (error as { cause?: unknown }).cause) {
    return problem(500, 'The service could not complete the request');
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'The body is larger than 1 MiB', { type: PROBLEM_TYPES.tooLarge });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem(400, 'The body is not valid JSON', { type: PROBLEM_TYPES.validation, errors: [{ path: 'body', message: 'Not valid JSON' }] });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'The body is empty but says it is JSON', { type: PROBLEM_TYPES.validation, errors: [{ path: 'body', message: 'Empty body' }] });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'Send the body as application/json', { type: PROBLEM_TYPES.unsupportedMediaType });
    default:
      break;
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return problem(400, 'The body is not valid JSON', { type: PROBLEM_TYPES.validation, errors: [{ path: 'body', message: 'Not valid JSON' }] });
  }
  const sqlState = (error as { code?: unknown }).code;
  if (typeof sqlState === 'string' && RETRYABLE_SQLSTATES.has(sqlState)) {
    return problem(503, 'The request collided with another one: try again', { type: PROBLEM_TYPES.unavailable });
  }
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return problem(status, fastifyError.message ?? TITLES[status] ?? 'Client error');
  }
  return problem(500, 'The service could not complete the request');
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(reply, problem(404, `No route ${request.method} ${request.url.split('?')[0]}`, { type: PROBLEM_TYPES.notFound }));
}

export function sendProblem(reply: FastifyReply, document: ProblemDocument): FastifyReply {
  // A string is sent as is: an error reply never goes through a route's reply schema.
  return reply.code(document.status).type('application/problem+json; charset=utf-8').send(JSON.stringify(document));
}

/** One error handler turns everything into problem+json; 5xx details are logged, never sent. */
export default shared('problems', async (app) => {
  app.setErrorHandler((error, request, reply) => {
    const document = toProblem(error);
    if (document.status >= 500) request.log.error({ err: error }, 'request failed');
    if (document.status === 401) reply.header('www-authenticate', 'Bearer');
    return sendProblem(reply, document);
  });
});
