import type { ApiKeyRole } from '../db/tables.ts';
import type { Db } from './rows.ts';

export interface ApiKeyIdentity {
  id: string;
  tenantId: string;
  role: ApiKeyRole;
  label: string;
}

/** The live key with this hash, with its tenant and role. */
export async function findApiKey(db: Db, keyHash: string): Promise<ApiKeyIdentity | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'tenant_id', 'role', 'label'])
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? { id: row.id, tenantId: row.tenant_id, role: row.role, label: row.label } : undefined;
}
