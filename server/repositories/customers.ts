import { sql } from 'kysely';
import type { Customer } from '../../machines/index.ts';
import type { CustomerRow } from '../db/tables.ts';
import { decodeCursor, toPage, type Page } from '../pagination.ts';
import { containsPattern, type Db } from './rows.ts';

export const toCustomer = (row: CustomerRow): Customer => ({
  id: row.id,
  kind: row.kind,
  companyName: row.company_name,
  name: row.name,
  familyName: row.family_name,
  email: row.email,
  phone: row.phone,
  crmId: row.crm_id,
  comment: row.comment,
});

/** Lists sort customers as tables show them: company, else family and given name. */
const sortName = sql<string>`lower(coalesce(nullif(company_name, ''), family_name || ' ' || name))`;

export interface CustomerSearch {
  query: string;
  limit: number;
  cursor?: string | undefined;
}

/** Customers whose name, company, email or CRM ID contain the query (case-insensitive); all when it is blank. */
export async function searchCustomers(db: Db, tenantId: string, { query, limit, cursor }: CustomerSearch): Promise<Page<Customer>> {
  const after = decodeCursor(cursor, ['string', 'string'] as const);
  const q = query.trim();
  const pattern = containsPattern(q);
  const rows = await db
    .selectFrom('customers')
    .selectAll()
    .select(sortName.as('sort_name'))
    .where('tenant_id', '=', tenantId)
    .$if(q !== '', (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('company_name', 'ilike', pattern),
          eb('name', 'ilike', pattern),
          eb('family_name', 'ilike', pattern),
          eb(sql<string>`name || ' ' || family_name`, 'ilike', pattern),
          eb('email', 'ilike', pattern),
          eb('crm_id', 'ilike', pattern),
        ]),
      ),
    )
    .$if(after !== null, (qb) => qb.where(sql<boolean>`(${sortName}, id) > (${after![0]}, ${after![1]})`))
    .orderBy(sortName)
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit, (r) => [r.sort_name, r.id], toCustomer);
}

export async function getCustomer(db: Db, tenantId: string, customerId: string): Promise<Customer | undefined> {
  const row = await db.selectFrom('customers').selectAll().where('tenant_id', '=', tenantId).where('id', '=', customerId).executeTakeFirst();
  return row ? toCustomer(row) : undefined;
}
