import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../../problem.ts';
import { toProblem } from './problems.ts';

describe('toProblem', () => {
  it('keeps what an HttpProblem says, with its extra members', () => {
    expect(toProblem(new HttpProblem(409, 'Conflict', 'moved on', { type: 'https://x/conflict', view: { id: 'w' } }))).toEqual({
      type: 'https://x/conflict',
      title: 'Conflict',
      status: 409,
      detail: 'moved on',
      view: { id: 'w' },
    });
  });

  it('hides everything about an unexpected error behind a plain 500', () => {
    const problem = toProblem(new Error('relation "secret_table" does not exist at character 42'));
    expect(problem).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'The service could not complete the request' });
    expect(JSON.stringify(problem)).not.toContain('secret_table');
  });

  it('answers a serialization failure or a deadlock (a lost race) with a retryable 503, not a 500', () => {
    for (const code of ['40001', '40P01']) {
      const error = Object.assign(new Error('could not serialize access'), { code });
      expect(toProblem(error)).toMatchObject({ status: 503, title: 'Service Unavailable' });
      expect(toProblem(error).detail).not.toContain('serialize');
    }
  });

  it('maps fastify\'s body errors to 400, 413 and 415', () => {
    expect(toProblem(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 })).status).toBe(400);
    expect(toProblem(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 })).status).toBe(413);
    expect(toProblem(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 })).status).toBe(415);
  });
});
