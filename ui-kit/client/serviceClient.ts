import type { StateValue } from '../../machines/index.ts';
import type { LicenseUpdateOrderContext, OperatorEvent, PendingEffect } from '../../machines/index.ts';

/** Where a workflow stands: still being filled in, turned into an order, or abandoned. */
export type WorkflowStatus = 'active' | 'submitted' | 'cancelled';

/**
 * The service's view of one workflow (API.md, "The view"): what the service's copy of the
 * machine holds after the last request. It is authoritative in remote mode.
 */
export interface WorkflowView {
  id: string;
  /** Optimistic version: the next `POST …/events` must name it as `expectedVersion`. */
  version: number;
  machineVersion: string;
  /** The machine's state value (`{ orderForm: 'editing' }`, `'review'`, …). */
  state: StateValue;
  tags: string[];
  context: LicenseUpdateOrderContext;
  pending: PendingEffect | null;
  /** The event types the current state accepts. */
  nextEvents: string[];
  status: WorkflowStatus;
  /** The order the workflow created, once submitted. */
  order?: unknown;
}

/** One field of a validation problem. */
export interface ProblemFieldError {
  path: string;
  message: string;
}

/** An RFC 9457 problem body as the service sends it, with the members the kit reads. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: ProblemFieldError[];
  /** 409: the workflow as it is now. 422 may carry it too. */
  view?: WorkflowView;
  /** 422: the index of the refused event in the batch (the events before it were applied). */
  eventIndex?: number;
  index?: number;
  [member: string]: unknown;
}

/** A reply the service answered with an error status: the problem body is kept whole. */
export class ServiceError extends Error {
  override name = 'ServiceError';
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails,
  ) {
    super(problem.detail ?? problem.title ?? `The service answered ${status}`);
  }

  /** The refused event's index of a 422, whatever member the service names it with. */
  get refusedIndex(): number | null {
    const candidates = [this.problem.eventIndex, this.problem.index];
    const found = candidates.find((value): value is number => typeof value === 'number');
    return found ?? null;
  }
}

/** The request never got an answer (offline, DNS, connection reset, aborted). */
export class NetworkError extends Error {
  override name = 'NetworkError';
  constructor(readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : 'The service could not be reached');
  }
}

/** How to reach the service. */
export interface ServiceClientOptions {
  /** The service's origin and any prefix before `/api`, e.g. `''` (same origin) or `https://licenses.example.com`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`. */
  apiKey: string;
  /** The fetch to use (tests, instrumentation); the global one by default. */
  fetch?: typeof fetch;
}

/** Per-request options. */
export interface RequestOptions {
  signal?: AbortSignal;
  /** Lets the request outlive the page (pagehide): the browser sends it even while unloading. */
  keepalive?: boolean;
  /** A repeated request with the same key is answered with the first reply and applied once. */
  idempotencyKey?: string;
}

/** A page of a list route. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A workflow as the drafts list shows it (`GET /api/update-orders` items). */
export interface WorkflowSummary {
  id: string;
  version: number;
  machineVersion: string;
  state: StateValue;
  status: WorkflowStatus;
  /** The step indicator's position (`form`, `review`, …). */
  step: string;
  /** The serial being updated, once chosen. */
  serial: { id: string; serial: string; customerName: string } | null;
  draftRef: string | null;
  order: { id: string; number: number } | null;
  createdAt: string;
  updatedAt: string;
}

/** The typed HTTP client of the update-order workflow routes (API.md). No server code is imported: HTTP only. */
export interface ServiceClient {
  /** `POST /api/update-orders`: starts a workflow, optionally with first events. */
  createWorkflow(events?: OperatorEvent[], options?: RequestOptions): Promise<WorkflowView>;
  /** `GET /api/update-orders/:id`. */
  getWorkflow(id: string, options?: RequestOptions): Promise<WorkflowView>;
  /** `POST /api/update-orders/:id/events`: 200 view; 409/422/400 throw a ServiceError with the problem. */
  sendEvents(id: string, expectedVersion: number, events: OperatorEvent[], options?: RequestOptions): Promise<WorkflowView>;
  /** `GET /api/update-orders?status=`: the tenant's workflows, e.g. the drafts to resume. */
  listWorkflows(query?: { status?: WorkflowStatus; cursor?: string; limit?: number }, options?: RequestOptions): Promise<Page<WorkflowSummary>>;
  /** `DELETE /api/update-orders/:id`: cancels (sends `wizard.cancel`). */
  cancelWorkflow(id: string, options?: RequestOptions): Promise<WorkflowView | null>;
}

async function problemOf(response: Response): Promise<ProblemDetails> {
  const text = await response.text().catch(() => '');
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object') return { status: response.status, ...(body as Record<string, unknown>) } as ProblemDetails;
  } catch {
    // Not JSON (a proxy's HTML page): keep the text as the detail.
  }
  return { status: response.status, title: response.statusText, detail: text.slice(0, 500) || undefined };
}

/** Builds the client. `baseUrl` may be `''` to call the page's own origin (a dev proxy, the service serving the app). */
export function createServiceClient({ baseUrl, apiKey, fetch: fetchImpl }: ServiceClientOptions): ServiceClient {
  const root = baseUrl.replace(/\/+$/, '');
  const doFetch = fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

  async function request<T>(method: string, path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${apiKey}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    let response: Response;
    try {
      response = await doFetch(`${root}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: options.signal,
        keepalive: options.keepalive,
      });
    } catch (error) {
      throw new NetworkError(error);
    }
    if (!response.ok) throw new ServiceError(response.status, await problemOf(response));
    if (response.status === 204) return null as T;
    return (await response.json()) as T;
  }

  const workflowPath = (id: string) => `/api/update-orders/${encodeURIComponent(id)}`;

  return {
    createWorkflow: (events = [], options) => request('POST', '/api/update-orders', { events }, options),
    getWorkflow: (id, options) => request('GET', workflowPath(id), undefined, options),
    sendEvents: (id, expectedVersion, events, options) => request('POST', `${workflowPath(id)}/events`, { expectedVersion, events }, options),
    listWorkflows: (query = {}, options) => {
      const params = new URLSearchParams();
      if (query.status) params.set('status', query.status);
      if (query.cursor) params.set('cursor', query.cursor);
      if (query.limit !== undefined) params.set('limit', String(query.limit));
      const search = params.toString();
      return request('GET', `/api/update-orders${search ? `?${search}` : ''}`, undefined, options);
    },
    cancelWorkflow: (id, options) => request('DELETE', workflowPath(id), undefined, options),
  };
}
