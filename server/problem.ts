/** One field's complaint in a problem document: `path` like `body.events.0.type`. */
export interface ProblemFieldError {
  path: string;
  message: string;
}

/** An RFC 9457 problem the error handler sends as application/problem+json. */
export class HttpProblem extends Error {
  override name = 'HttpProblem';
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extra: { type?: string; errors?: ProblemFieldError[]; [key: string]: unknown } = {},
  ) {
    super(detail);
  }
}

export const PROBLEM_TYPES = {
  validation: 'https://license-update-kit.dev/problems/validation',
  unauthorized: 'https://license-update-kit.dev/problems/unauthorized',
  forbidden: 'https://license-update-kit.dev/problems/forbidden',
  notFound: 'https://license-update-kit.dev/problems/not-found',
  conflict: 'https://license-update-kit.dev/problems/conflict',
  versionConflict: 'https://license-update-kit.dev/problems/version-conflict',
  eventRefused: 'https://license-update-kit.dev/problems/event-refused',
  idempotencyKeyReused: 'https://license-update-kit.dev/problems/idempotency-key-reused',
  tooLarge: 'https://license-update-kit.dev/problems/payload-too-large',
  unsupportedMediaType: 'https://license-update-kit.dev/problems/unsupported-media-type',
  notReady: 'https://license-update-kit.dev/problems/not-ready',
  unavailable: 'https://license-update-kit.dev/problems/unavailable',
  internal: 'about:blank',
} as const;

export const notFound = (what: string) => new HttpProblem(404, 'Not Found', `${what} does not exist`, { type: PROBLEM_TYPES.notFound });
export const badRequest = (detail: string, errors?: ProblemFieldError[]) =>
  new HttpProblem(400, 'Bad Request', detail, { type: PROBLEM_TYPES.validation, ...(errors ? { errors } : {}) });
export const conflict = (detail: string, extra: Record<string, unknown> = {}) =>
  new HttpProblem(409, 'Conflict', detail, { type: PROBLEM_TYPES.conflict, ...extra });
