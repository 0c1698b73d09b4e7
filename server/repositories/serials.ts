import { sql } from 'kysely';
import {
  customerDisplayName,
  type License,
  type Serial,
  type SerialHistoryEntry,
  type SerialSummary,
} from '../../machines/index.ts';
import type { SerialHistoryKind } from '../db/tables.ts';
import { decodeCursor, toPage, type Page } from '../pagination.ts';
import { iso, json, prefixPattern, type Db } from './rows.ts';

/** The serial with its customer's name and its hardware key, as tables list it. */
function summaries(db: Db, tenantId: string) {
  return db
    .selectFrom('serials as s')
    .innerJoin('customers as c', (j) => j.onRef('c.tenant_id', '=', 's.tenant_id').onRef('c.id', '=', 's.customer_id'))
    .leftJoin('hardware_keys as k', (j) => j.onRef('k.tenant_id', '=', 's.tenant_id').onRef('k.id', '=', 's.hardware_key_id'))
    .select([
      's.id', 's.serial', 's.status', 's.activation_count', 's.activation_limit', 's.customer_id', 's.order_id', 's.hardware_key_id',
      'c.kind', 'c.company_name', 'c.name', 'c.family_name', 'k.dongle_id', 'k.model',
    ])
    .where('s.tenant_id', '=', tenantId);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['execute']>>[number];

export const toSerialSummary = (row: SummaryRow): SerialSummary => ({
  id: row.id,
  serial: row.serial,
  status: row.status,
  activationCount: row.activation_count,
  activationLimit: row.activation_limit,
  customerId: row.customer_id,
  customerName: customerDisplayName({ kind: row.kind, companyName: row.company_name, name: row.name, familyName: row.family_name }),
  orderId: row.order_id,
  hardwareKey: row.dongle_id !== null && row.model !== null ? { dongleId: row.dongle_id, model: row.model } : null,
});

const toSerial = (row: SummaryRow): Serial => ({
  id: row.id,
  serial: row.serial,
  status: row.status,
  activationCount: row.activation_count,
  activationLimit: row.activation_limit,
  customerId: row.customer_id,
  orderId: row.order_id,
  hardwareKey: row.hardware_key_id !== null && row.dongle_id !== null && row.model !== null ? { id: row.hardware_key_id, dongleId: row.dongle_id, model: row.model } : null,
});

export interface SerialLookup {
  /** Whole serials or prefixes of ≥ 6 characters (serialQueryTokens): never empty. */
  tokens: readonly string[];
  customerId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Serials starting with any token, in serial order (case-sensitive, as serials are). */
export async function findSerials(db: Db, tenantId: string, { tokens, customerId, limit, cursor }: SerialLookup): Promise<Page<SerialSummary>> {
  const after = decodeCursor(cursor, ['string'] as const);
  if (tokens.length === 0) return { items: [], nextCursor: null };
  const rows = await summaries(db, tenantId)
    .where((eb) => eb.or(tokens.map((t) => eb('s.serial', 'like', prefixPattern(t)))))
    .$if(customerId !== undefined, (qb) => qb.where('s.customer_id', '=', customerId!))
    .$if(after !== null, (qb) => qb.where('s.serial', '>', after![0]))
    .orderBy('s.serial')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit, (r) => [r.serial], toSerialSummary);
}

export interface CustomerSerialsQuery {
  /** Filters the tab: serial prefix or dongle number, any length (the list is one customer's). */
  query: string;
  limit: number;
  cursor?: string | undefined;
}

/** The customer's tab "Serial Numbers and Hardware Keys (dongles)". */
export async function customerSerials(db: Db, tenantId: string, customerId: string, { query, limit, cursor }: CustomerSerialsQuery): Promise<Page<SerialSummary>> {
  const after = decodeCursor(cursor, ['string'] as const);
  const tokens = query.split(/[\s,;]+/).filter((t) => t !== '');
  const rows = await summaries(db, tenantId)
    .where('s.customer_id', '=', customerId)
    .$if(tokens.length > 0, (qb) =>
      qb.where((eb) => eb.or(tokens.flatMap((t) => [eb('s.serial', 'like', prefixPattern(t)), eb('k.dongle_id', 'ilike', prefixPattern(t))]))),
    )
    .$if(after !== null, (qb) => qb.where('s.serial', '>', after![0]))
    .orderBy('s.serial')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit, (r) => [r.serial], toSerialSummary);
}

export async function getSerialSummary(db: Db, tenantId: string, serialId: string): Promise<SerialSummary | undefined> {
  const row = await summaries(db, tenantId).where('s.id', '=', serialId).executeTakeFirst();
  return row ? toSerialSummary(row) : undefined;
}

export async function getSerial(db: Db, tenantId: string, serialId: string): Promise<Serial | undefined> {
  const row = await summaries(db, tenantId).where('s.id', '=', serialId).executeTakeFirst();
  return row ? toSerial(row) : undefined;
}

export async function serialsOfOrder(db: Db, tenantId: string, order: { id: string; type: 'new' | 'update'; serialId: string | null }): Promise<SerialSummary[]> {
  const rows = await summaries(db, tenantId)
    .$if(order.type === 'new', (qb) => qb.where('s.order_id', '=', order.id))
    .$if(order.type !== 'new', (qb) => qb.where('s.id', '=', order.serialId ?? ''))
    .orderBy('s.serial')
    .execute();
  return rows.map(toSerialSummary);
}

/**
 * Locks the serial row for this transaction: `share` while submit checks it is still active,
 * `update` while obtain rewrites its license. Returns its status, or undefined when it is not the tenant's.
 */
export async function lockSerial(db: Db, tenantId: string, serialId: string, mode: 'share' | 'update') {
  const query = db.selectFrom('serials').select(['id', 'status', 'customer_id']).where('tenant_id', '=', tenantId).where('id', '=', serialId);
  return (mode === 'share' ? query.forShare() : query.forUpdate()).executeTakeFirst();
}

export async function getLicense(db: Db, tenantId: string, serialId: string): Promise<License> {
  const row = await db.selectFrom('licenses').select('lines').where('tenant_id', '=', tenantId).where('serial_id', '=', serialId).executeTakeFirst();
  return { lines: row?.lines ?? [] };
}

export async function setLicense(db: Db, tenantId: string, serialId: string, license: License): Promise<void> {
  await db
    .insertInto('licenses')
    .values({ serial_id: serialId, tenant_id: tenantId, lines: json(license.lines) })
    .onConflict((oc) => oc.column('serial_id').doUpdateSet({ lines: json(license.lines), updated_at: sql`now()` }))
    .execute();
}

export async function serialHistory(db: Db, tenantId: string, serialId: string): Promise<SerialHistoryEntry[]> {
  const rows = await db
    .selectFrom('serial_history')
    .select(['at', 'kind', 'order_id', 'note'])
    .where('tenant_id', '=', tenantId)
    .where('serial_id', '=', serialId)
    .orderBy('at')
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ at: iso(r.at), kind: r.kind, orderId: r.order_id, note: r.note }));
}

export async function addSerialHistory(
  db: Db,
  tenantId: string,
  entry: { serialId: string; kind: SerialHistoryKind; orderId: string | null; note: string; at: string },
): Promise<void> {
  await db
    .insertInto('serial_history')
    .values({ tenant_id: tenantId, serial_id: entry.serialId, kind: entry.kind, order_id: entry.orderId, note: entry.note, at: entry.at })
    .execute();
}
