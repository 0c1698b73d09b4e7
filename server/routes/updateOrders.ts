import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { selectStep, type OperatorEvent } from '../../machines/index.ts';
import type { WorkflowRow } from '../db/tables.ts';
import { idempotent } from '../plugins/app/idempotency.ts';
import { HttpProblem, PROBLEM_TYPES, notFound } from '../problem.ts';
import {
  CancelQuery,
  IdParams,
  IdempotencyHeaders,
  ListWorkflowsQuery,
  NoBody,
  ProblemWithView,
  SendEventsBody,
  StartWorkflowBody,
  WorkflowLogPage,
  WorkflowPage,
  WorkflowView,
  apiProblems,
  problemReply,
  writeProblems,
} from '../schemas.ts';
import { iso } from '../repositories/rows.ts';
import { VersionConflict, replyBody, restoreActor, type Caller, type IdempotencyClaim, type Outcome } from '../workflow/runtime.ts';

const WorkflowParams = IdParams('id');
const REFUSED = problemReply('An event was refused: eventIndex names it, the events before it were applied', ProblemWithView);
const STALE = problemReply('expectedVersion is not the current version: nothing applied; view is the current one', ProblemWithView);
const tags = ['update-orders'];

const callerOf = (request: FastifyRequest): Caller => ({ tenantId: request.apiKey.tenantId, apiKeyId: request.apiKey.id, label: request.apiKey.label });

function summaryOf(row: WorkflowRow) {
  const snapshot = restoreActor(row).getSnapshot();
  const { serial, draftRef, submittedOrder } = snapshot.context;
  return {
    id: row.id,
    version: row.version,
    machineVersion: row.machine_version,
    state: snapshot.value,
    status: row.status,
    step: selectStep(snapshot),
    serial: serial ? { id: serial.id, serial: serial.serial, customerName: serial.customerName } : null,
    draftRef,
    order: submittedOrder ? { id: submittedOrder.id, number: submittedOrder.number } : null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export default async function updateOrderRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** 409 with the view as it is now: the client re-decides on it. */
  async function versionConflict(tenantId: string, id: string, expected: number | null): Promise<HttpProblem> {
    const view = await app.workflows.view(tenantId, id);
    return new HttpProblem(409, 'Conflict', `The workflow is at version ${view.version}${expected !== null ? `, not ${expected}` : ''}: nothing was applied`, {
      type: PROBLEM_TYPES.versionConflict,
      view,
    });
  }

  async function applyOrConflict(
    request: FastifyRequest,
    id: string,
    expected: number | null,
    events: readonly OperatorEvent[],
    claim: IdempotencyClaim | undefined,
  ): Promise<Outcome> {
    try {
      return await app.workflows.apply(callerOf(request), id, expected, events, claim);
    } catch (error) {
      if (error instanceof VersionConflict) throw await versionConflict(request.apiKey.tenantId, id, expected);
      throw error;
    }
  }

  r.post('/update-orders', {
    schema: {
      tags,
      summary: 'Start a workflow',
      description: 'Starts one run of the licenseUpdateOrder machine, optionally with first events. 422 when one is refused (the workflow is created with the events before it).',
      headers: IdempotencyHeaders,
      body: StartWorkflowBody,
      response: { 201: WorkflowView, 422: REFUSED, ...writeProblems },
    },
    handler: (request, reply) =>
      idempotent(request, reply, async (claim) => {
        const outcome = await app.workflows.start(callerOf(request), request.body?.events ?? [], claim);
        reply.header('location', `/api/update-orders/${outcome.view.id}`);
        return { statusCode: outcome.statusCode, body: replyBody(outcome) };
      }),
  });

  r.get('/update-orders', {
    schema: { tags, summary: 'The tenant\'s workflows (drafts to resume)', querystring: ListWorkflowsQuery, response: { 200: WorkflowPage, ...apiProblems } },
    handler: async (request) => {
      const page = await app.repositories.workflows.listWorkflows(app.db, request.apiKey.tenantId, request.query);
      return { items: page.items.map(summaryOf), nextCursor: page.nextCursor };
    },
  });

  r.get('/update-orders/:id', {
    schema: { tags, summary: 'The view of a workflow', params: WorkflowParams, response: { 200: WorkflowView, ...apiProblems } },
    handler: (request) => app.workflows.view(request.apiKey.tenantId, request.params.id),
  });

  r.post('/update-orders/:id/events', {
    schema: {
      tags,
      summary: 'Send events',
      description:
        'Applies the events in order, each followed by the effects it requests, until one is refused. ' +
        'expectedVersion ≠ current → 409 with the current view, nothing applied; a refused event → 422 naming its index (the events before it are kept); ' +
        'a malformed event → 400, nothing applied. Idempotency-Key: a repeat returns the first reply.',
      params: WorkflowParams,
      headers: IdempotencyHeaders,
      body: SendEventsBody,
      response: { 200: WorkflowView, 422: REFUSED, ...writeProblems, 409: STALE },
    },
    handler: (request, reply) =>
      idempotent(request, reply, async (claim) => {
        const outcome = await applyOrConflict(request, request.params.id, request.body.expectedVersion, request.body.events, claim);
        return { statusCode: outcome.statusCode, body: replyBody(outcome) };
      }),
  });

  r.get('/update-orders/:id/events', {
    schema: {
      tags,
      summary: 'The workflow\'s event log',
      description: 'Who sent which event when, the state it led to and the effects it ran, oldest first.',
      params: WorkflowParams,
      querystring: ListWorkflowsQuery.pick({ limit: true, cursor: true }),
      response: { 200: WorkflowLogPage, ...apiProblems },
    },
    handler: async (request) => {
      const { tenantId } = request.apiKey;
      const row = await app.repositories.workflows.getWorkflow(app.db, tenantId, request.params.id);
      if (!row) throw notFound('The workflow');
      return app.repositories.workflows.listWorkflowEvents(app.db, tenantId, row.id, request.query);
    },
  });

  r.delete('/update-orders/:id', {
    schema: {
      tags,
      summary: 'Cancel a workflow',
      description: 'Sends wizard.cancel. Cancelling a cancelled workflow changes nothing; a submitted one cannot be cancelled (422).',
      params: WorkflowParams,
      querystring: CancelQuery,
      headers: IdempotencyHeaders,
      body: NoBody,
      response: { 200: WorkflowView, 422: REFUSED, ...writeProblems, 409: STALE },
    },
    handler: (request, reply) =>
      idempotent(request, reply, async (claim) => {
        const { tenantId } = request.apiKey;
        const expected = request.query.expectedVersion ?? null;
        const current = await app.workflows.view(tenantId, request.params.id);
        if (current.status === 'cancelled') {
          if (expected !== null && expected !== current.version) throw await versionConflict(tenantId, current.id, expected);
          return { statusCode: 200, body: current };
        }
        const outcome = await applyOrConflict(request, request.params.id, expected ?? current.version, [{ type: 'wizard.cancel' }], claim);
        return { statusCode: outcome.statusCode, body: replyBody(outcome) };
      }),
  });
}
