import { sql } from 'kysely';
import type { StateValue, WorkflowRow, WorkflowStatus } from '../db/tables.ts';
import { decodeCursor, toPage, type Page } from '../pagination.ts';
import { iso, json, type Db } from './rows.ts';

/** One operator event as the log keeps it: what was sent, the state it led to, the effects it ran. */
export interface LoggedEvent {
  event: unknown;
  state: unknown;
  effects: unknown[];
}

export interface PersistedState {
  machineVersion: string;
  snapshot: unknown;
  state: unknown;
  status: WorkflowStatus;
}

export interface Actor {
  apiKeyId: string | null;
  /** Who, as the log shows it (the key's label). */
  label: string;
}

export async function getWorkflow(db: Db, tenantId: string, workflowId: string): Promise<WorkflowRow | undefined> {
  return db.selectFrom('workflows').selectAll().where('tenant_id', '=', tenantId).where('id', '=', workflowId).executeTakeFirst();
}

/**
 * Inserts a new workflow (version 1) and its first events in one statement
 * (a data-modifying CTE is one implicit transaction: one round trip).
 */
export async function insertWorkflow(db: Db, tenantId: string, id: string, state: PersistedState, events: readonly LoggedEvent[], actor: Actor): Promise<void> {
  await sql`
    WITH w AS (
      INSERT INTO workflows (id, tenant_id, machine_version, snapshot, state, status, version, event_count, created_by)
      VALUES (${id}, ${tenantId}, ${state.machineVersion}, ${json(state.snapshot)}::jsonb, ${json(state.state)}::jsonb, ${state.status}, 1, ${events.length}, ${actor.apiKeyId})
      RETURNING id, tenant_id, version
    )
    INSERT INTO workflow_events (workflow_id, tenant_id, seq, version, api_key_id, actor, event, state, effects)
    SELECT w.id, w.tenant_id, e.ord::int, w.version, ${actor.apiKeyId}, ${actor.label}, e.value -> 'event', e.value -> 'state', e.value -> 'effects'
    FROM w, jsonb_array_elements(${json(events)}::jsonb) WITH ORDINALITY AS e(value, ord)
  `.execute(db);
}

/**
 * The optimistic write: `version = version + 1 WHERE version = expected`, plus the event log, in one statement.
 * Returns the new version, or null when another writer got there first (nothing written).
 */
export async function updateWorkflow(
  db: Db,
  tenantId: string,
  id: string,
  expectedVersion: number,
  state: PersistedState,
  events: readonly LoggedEvent[],
  actor: Actor,
): Promise<number | null> {
  const result = await sql<{ version: number }>`
    WITH w AS (
      UPDATE workflows
      SET machine_version = ${state.machineVersion}, snapshot = ${json(state.snapshot)}::jsonb, state = ${json(state.state)}::jsonb,
          status = ${state.status}, version = version + 1, event_count = event_count + ${events.length}, updated_at = now()
      WHERE id = ${id} AND tenant_id = ${tenantId} AND version = ${expectedVersion}
      RETURNING id, tenant_id, version, event_count - ${events.length} AS base
    ), logged AS (
      INSERT INTO workflow_events (workflow_id, tenant_id, seq, version, api_key_id, actor, event, state, effects)
      SELECT w.id, w.tenant_id, (w.base + e.ord)::int, w.version, ${actor.apiKeyId}, ${actor.label}, e.value -> 'event', e.value -> 'state', e.value -> 'effects'
      FROM w, jsonb_array_elements(${json(events)}::jsonb) WITH ORDINALITY AS e(value, ord)
    )
    SELECT version FROM w
  `.execute(db);
  return result.rows[0]?.version ?? null;
}

/**
 * Inside a writing transaction: locks the workflow row if it is still at the expected version.
 * A concurrent writer waits here, then sees the new version and gives up: the loser of a race writes nothing.
 */
export async function lockWorkflowAtVersion(db: Db, tenantId: string, id: string, expectedVersion: number): Promise<boolean> {
  const row = await db
    .selectFrom('workflows')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

export interface WorkflowListQuery {
  status?: WorkflowStatus | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** The tenant's workflows, most recently changed first. */
export async function listWorkflows(db: Db, tenantId: string, { status, limit, cursor }: WorkflowListQuery): Promise<Page<WorkflowRow>> {
  const after = decodeCursor(cursor, ['string', 'string'] as const);
  const rows = await db
    .selectFrom('workflows')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .$if(status !== undefined, (qb) => qb.where('status', '=', status!))
    .$if(after !== null, (qb) => qb.where(sql<boolean>`(updated_at, id) < (${after![0]}::timestamptz, ${after![1]})`))
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit, (r) => [iso(r.updated_at), r.id], (r) => r);
}

export interface WorkflowLogEntry {
  seq: number;
  version: number;
  at: string;
  actor: string;
  event: unknown;
  state: StateValue;
  effects: unknown[];
}

export async function listWorkflowEvents(db: Db, tenantId: string, workflowId: string, page: { limit: number; cursor?: string | undefined }): Promise<Page<WorkflowLogEntry>> {
  const after = decodeCursor(page.cursor, ['number'] as const);
  const rows = await db
    .selectFrom('workflow_events')
    .select(['seq', 'version', 'at', 'actor', 'event', 'state', 'effects'])
    .where('tenant_id', '=', tenantId)
    .where('workflow_id', '=', workflowId)
    .$if(after !== null, (qb) => qb.where('seq', '>', after![0]))
    .orderBy('seq')
    .limit(page.limit + 1)
    .execute();
  return toPage(rows, page.limit, (r) => [r.seq], (r) => ({ ...r, at: iso(r.at) }));
}
