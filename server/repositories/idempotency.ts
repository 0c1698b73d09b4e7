import type { Db } from './rows.ts';
import { json } from './rows.ts';

export interface StoredReply {
  fingerprint: string;
  statusCode: number;
  body: unknown;
}

export async function findReply(db: Db, tenantId: string, key: string): Promise<StoredReply | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'status_code', 'reply'])
    .where('tenant_id', '=', tenantId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? { fingerprint: row.fingerprint, statusCode: row.status_code, body: row.reply } : undefined;
}

/**
 * Stores the reply of the request that used this key, in that request's transaction.
 * Returns false when a concurrent request with the same key committed first (this one must roll back).
 */
export async function storeReply(db: Db, tenantId: string, key: string, reply: StoredReply): Promise<boolean> {
  const row = await db
    .insertInto('idempotency_keys')
    .values({ tenant_id: tenantId, key, fingerprint: reply.fingerprint, status_code: reply.statusCode, reply: json(reply.body) })
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}
