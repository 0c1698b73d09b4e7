import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  MACHINE_VERSION,
  UnknownMachineVersionError,
  createLicenseUpdateOrderActor,
  explainRefusal,
  migrateSnapshot,
  persistSnapshot,
  runEffects,
  selectNextEvents,
  toIsoDate,
  type LicenseUpdateOrderActor,
  type LicenseUpdateOrderSnapshot,
  type OperatorEvent,
  type Order,
  type Refusal,
} from '../../machines/index.ts';
import type { Database, WorkflowRow, WorkflowStatus } from '../db/tables.ts';
import { HttpProblem, PROBLEM_TYPES, notFound } from '../problem.ts';
import { idempotency, orders, workflows, type Db } from '../repositories/index.ts';
import type { LoggedEvent } from '../repositories/workflows.ts';
import { createDatabaseEffects, type EffectRecord } from './effects.ts';
import { UnitOfWork } from './unitOfWork.ts';

/** What clients see of a workflow (API.md "The view"). */
export interface WorkflowView {
  id: string;
  version: number;
  machineVersion: string;
  state: LicenseUpdateOrderSnapshot['value'];
  tags: string[];
  /** LicenseUpdateOrderContext, as the wire carries it. */
  context: Record<string, unknown>;
  pending: LicenseUpdateOrderSnapshot['context']['pending'];
  nextEvents: string[];
  status: WorkflowStatus;
  order?: Order;
}

/** Who sends the events: the API key (its id for the row, its label for the log). */
export interface Caller {
  tenantId: string;
  apiKeyId: string | null;
  label: string;
}

/** The Idempotency-Key of a request: its reply is stored in the request's own transaction. */
export interface IdempotencyClaim {
  key: string;
  fingerprint: string;
}

export interface Outcome {
  statusCode: 200 | 201 | 422;
  view: WorkflowView;
  /** Set when an event was refused (422): its index in the batch and why. */
  refused?: { index: number; refusal: Refusal };
}

/** A lost optimistic race: 409 with the current view. */
export class VersionConflict extends Error {
  override name = 'VersionConflict';
}

/** Another request with the same Idempotency-Key committed first: answer with its reply. */
export class IdempotencyRace extends Error {
  override name = 'IdempotencyRace';
}

type WorkflowActor = LicenseUpdateOrderActor;

export function statusOf(snapshot: LicenseUpdateOrderSnapshot): WorkflowStatus {
  if (snapshot.status !== 'done') return 'active';
  return snapshot.value === 'submitted' ? 'submitted' : 'cancelled';
}

/** Restores the actor from a row: migrateSnapshot to this build's machine version, then createActor with the snapshot. */
export function restoreActor(row: Pick<WorkflowRow, 'id' | 'machine_version' | 'snapshot'>, now: Date = new Date()): WorkflowActor {
  let snapshot;
  try {
    snapshot = migrateSnapshot({ machineVersion: row.machine_version, snapshot: row.snapshot });
  } catch (error) {
    if (error instanceof UnknownMachineVersionError) {
      throw new HttpProblem(409, 'Conflict', error.message, { type: PROBLEM_TYPES.conflict });
    }
    throw error;
  }
  return createLicenseUpdateOrderActor({ snapshot: withToday(snapshot, toIsoDate(now)), input: { workflowId: row.id, today: toIsoDate(now) } });
}

/** The machine reads no clock, and input is not applied on restore: each request tells the workflow today's date. */
function withToday<S>(snapshot: S, today: string): S {
  const persisted = snapshot as { context?: { today?: string } };
  if (!persisted.context || persisted.context.today === today) return snapshot;
  return { ...persisted, context: { ...persisted.context, today } } as S;
}

export function viewOf(id: string, version: number, snapshot: LicenseUpdateOrderSnapshot, order?: Order): WorkflowView {
  const status = statusOf(snapshot);
  return {
    id,
    version,
    machineVersion: MACHINE_VERSION,
    state: snapshot.value,
    tags: [...snapshot.tags].sort(),
    context: snapshot.context as unknown as Record<string, unknown>,
    pending: snapshot.context.pending,
    nextEvents: status === 'active' ? selectNextEvents(snapshot) : [],
    status,
    ...(order ? { order } : {}),
  };
}

async function viewOfRow(db: Db, row: WorkflowRow): Promise<WorkflowView> {
  const snapshot = restoreActor(row).getSnapshot();
  const order = statusOf(snapshot) === 'submitted' ? await orders.getOrderOfWorkflow(db, row.tenant_id, row.id) : undefined;
  return viewOf(row.id, row.version, snapshot, order);
}

export async function getWorkflowView(db: Db, tenantId: string, workflowId: string): Promise<WorkflowView> {
  const row = await workflows.getWorkflow(db, tenantId, workflowId);
  if (!row) throw notFound('The workflow');
  return viewOfRow(db, row);
}

export interface WorkflowRuntime {
  start(caller: Caller, events: readonly OperatorEvent[], claim?: IdempotencyClaim): Promise<Outcome>;
  apply(caller: Caller, workflowId: string, expectedVersion: number | null, events: readonly OperatorEvent[], claim?: IdempotencyClaim): Promise<Outcome>;
  view(tenantId: string, workflowId: string): Promise<WorkflowView>;
}

/**
 * The stateless workflow runtime: every call loads the row, restores the actor, sends the events one by one
 * (each followed by the effects it asks for, run against the database), and persists the new snapshot with an
 * optimistic version check plus the event log, in one transaction. Nothing is kept between calls.
 */
export function createWorkflowRuntime(db: Kysely<Database>, clock: () => Date = () => new Date()): WorkflowRuntime {
  async function run(
    caller: Caller,
    workflowId: string,
    actor: WorkflowActor,
    uow: UnitOfWork,
    events: readonly OperatorEvent[],
    now: Date,
  ): Promise<{ snapshot: LicenseUpdateOrderSnapshot; logged: LoggedEvent[]; refused?: { index: number; refusal: Refusal } }> {
    const records: EffectRecord[] = [];
    const effects = createDatabaseEffects({ uow, tenantId: caller.tenantId, now, record: (r) => records.push(r) });
    actor.start();
    const runner = runEffects(actor, effects);
    const logged: LoggedEvent[] = [];
    let refused: { index: number; refusal: Refusal } | undefined;
    let snapshot: LicenseUpdateOrderSnapshot;
    try {
      // A snapshot restored with a request pending means "run it" (effects are idempotent by id).
      await runner.idle();
      if (uow.failure) throw uow.failure;
      for (const [index, event] of events.entries()) {
        const refusal = explainRefusal(actor.getSnapshot(), event);
        if (refusal) {
          refused = { index, refusal };
          break;
        }
        actor.send(event);
        await runner.idle();
        if (uow.failure) throw uow.failure;
        const after = actor.getSnapshot();
        if (after.status === 'error') throw new Error(`Workflow ${workflowId} failed on ${event.type}`);
        logged.push({ event, state: after.value, effects: records.splice(0) });
      }
      // Taken before stopping: a stopped actor's snapshot says "stopped".
      snapshot = actor.getSnapshot();
    } finally {
      runner.stop();
      actor.stop();
    }
    return { snapshot, logged, ...(refused ? { refused } : {}) };
  }

  async function finish(
    uow: UnitOfWork,
    caller: Caller,
    workflowId: string,
    version: number,
    snapshot: LicenseUpdateOrderSnapshot,
    statusCode: Outcome['statusCode'],
    refused: Outcome['refused'],
    claim: IdempotencyClaim | undefined,
  ): Promise<Outcome> {
    const order = statusOf(snapshot) === 'submitted' ? await orders.getOrderOfWorkflow(uow.reader(), caller.tenantId, workflowId) : undefined;
    const view = viewOf(workflowId, version, snapshot, order);
    const outcome: Outcome = { statusCode: refused ? 422 : statusCode, view, ...(refused ? { refused } : {}) };
    if (claim) {
      const stored = await idempotency.storeReply(await uow.writer(), caller.tenantId, claim.key, {
        fingerprint: claim.fingerprint,
        statusCode: outcome.statusCode,
        body: replyBody(outcome),
      });
      if (!stored) throw new IdempotencyRace();
    }
    await uow.commit();
    return outcome;
  }

  const persistedState = (snapshot: LicenseUpdateOrderSnapshot) => {
    const persisted = persistSnapshot(snapshot);
    return { machineVersion: persisted.machineVersion, snapshot: persisted.snapshot, state: snapshot.value, status: statusOf(snapshot) };
  };

  return {
    async start(caller, events, claim) {
      const now = clock();
      const id = randomUUID();
      const actor = createLicenseUpdateOrderActor({ input: { workflowId: id, today: toIsoDate(now) } });
      const uow = new UnitOfWork(db);
      if (claim) await uow.writer();
      try {
        const { snapshot, logged, refused } = await run(caller, id, actor, uow, events, now);
        await workflows.insertWorkflow(uow.reader(), caller.tenantId, id, persistedState(snapshot), logged, { apiKeyId: caller.apiKeyId, label: caller.label });
        return await finish(uow, caller, id, 1, snapshot, 201, refused, claim);
      } catch (error) {
        await uow.rollback();
        throw error;
      }
    },

    async apply(caller, workflowId, expectedVersion, events, claim) {
      const now = clock();
      const row = await workflows.getWorkflow(db, caller.tenantId, workflowId);
      if (!row) throw notFound('The workflow');
      const expected = expectedVersion ?? row.version;
      if (row.version !== expected) throw new VersionConflict();
      const actor = restoreActor(row, now);
      // Writers lock the row at the expected version first: a concurrent writer waits, then finds it moved on.
      const uow = new UnitOfWork(db, async (trx) => {
        if (!(await workflows.lockWorkflowAtVersion(trx, caller.tenantId, workflowId, expected))) throw new VersionConflict();
      });
      if (claim) await uow.writer();
      try {
        const { snapshot, logged, refused } = await run(caller, workflowId, actor, uow, events, now);
        if (logged.length === 0) {
          // Nothing applied (the first event was refused): the workflow stays as it was.
          await uow.rollback();
          return { statusCode: 422, view: viewOf(workflowId, row.version, snapshot, undefined), ...(refused ? { refused } : {}) };
        }
        const version = await workflows.updateWorkflow(uow.reader(), caller.tenantId, workflowId, expected, persistedState(snapshot), logged, {
          apiKeyId: caller.apiKeyId,
          label: caller.label,
        });
        if (version === null) throw new VersionConflict();
        return await finish(uow, caller, workflowId, version, snapshot, 200, refused, claim);
      } catch (error) {
        await uow.rollback();
        throw error;
      }
    },

    view: (tenantId, workflowId) => getWorkflowView(db, tenantId, workflowId),
  };
}

/** The reply document of an outcome: the view, or for a refusal a problem naming the event and carrying the view. */
export function replyBody(outcome: Outcome): unknown {
  if (!outcome.refused) return outcome.view;
  const { index, refusal } = outcome.refused;
  return {
    type: PROBLEM_TYPES.eventRefused,
    title: 'Event refused',
    status: 422,
    detail: `Event ${index} was refused: ${refusal.message}`,
    eventIndex: index,
    reason: refusal.kind,
    errors: [{ path: `body.events.${index}`, message: refusal.message }],
    view: outcome.view,
  };
}
