import { sql } from 'kysely';
import {
  customerDisplayName,
  type Order,
  type OrderLine,
  type OrderStatus,
  type OrderSummary,
  type UpdateOrder,
} from '../../machines/index.ts';
import type { OrderRow } from '../db/tables.ts';
import { decodeCursor, toPage, type Page } from '../pagination.ts';
import { containsPattern, iso, isoOrNull, json, type Db } from './rows.ts';
import { serialsOfOrder } from './serials.ts';

function summaries(db: Db, tenantId: string) {
  return db
    .selectFrom('orders as o')
    .innerJoin('customers as c', (j) => j.onRef('c.tenant_id', '=', 'o.tenant_id').onRef('c.id', '=', 'o.customer_id'))
    .selectAll('o')
    .select(['c.kind', 'c.company_name', 'c.name', 'c.family_name'])
    .where('o.tenant_id', '=', tenantId);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['execute']>>[number];

export const toOrderSummary = (row: SummaryRow): OrderSummary => ({
  id: row.id,
  number: row.number,
  type: row.type,
  status: row.status,
  customerId: row.customer_id,
  customerName: customerDisplayName({ kind: row.kind, companyName: row.company_name, name: row.name, familyName: row.family_name }),
  createdAt: iso(row.created_at),
  submittedAt: isoOrNull(row.submitted_at),
  crmId: row.crm_id,
  comment: row.comment,
});

export interface OrderSearch {
  query: string;
  status?: OrderStatus | undefined;
  customerId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Orders whose number, CRM ID or customer matches, newest number first. */
export async function searchOrders(db: Db, tenantId: string, { query, status, customerId, limit, cursor }: OrderSearch): Promise<Page<OrderSummary>> {
  const after = decodeCursor(cursor, ['number'] as const);
  const q = query.trim();
  const pattern = containsPattern(q);
  const rows = await summaries(db, tenantId)
    .$if(q !== '', (qb) =>
      qb.where((eb) =>
        eb.or([
          eb(sql<string>`o.number::text`, 'like', pattern),
          eb('o.crm_id', 'ilike', pattern),
          eb('c.company_name', 'ilike', pattern),
          eb('c.name', 'ilike', pattern),
          eb('c.family_name', 'ilike', pattern),
          eb(sql<string>`c.name || ' ' || c.family_name`, 'ilike', pattern),
        ]),
      ),
    )
    .$if(status !== undefined, (qb) => qb.where('o.status', '=', status!))
    .$if(customerId !== undefined, (qb) => qb.where('o.customer_id', '=', customerId!))
    .$if(after !== null, (qb) => qb.where('o.number', '<', after![0]))
    .orderBy('o.number', 'desc')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit, (r) => [r.number], toOrderSummary);
}

export async function orderLines(db: Db, tenantId: string, orderId: string): Promise<OrderLine[]> {
  const rows = await db
    .selectFrom('order_lines')
    .select(['line_id', 'product_id', 'origin', 'features'])
    .where('tenant_id', '=', tenantId)
    .where('order_id', '=', orderId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ lineId: r.line_id, productId: r.product_id, origin: r.origin, features: r.features }));
}

async function toOrder(db: Db, tenantId: string, row: SummaryRow): Promise<Order> {
  const [serials, lines] = await Promise.all([
    serialsOfOrder(db, tenantId, { id: row.id, type: row.type, serialId: row.serial_id }),
    row.type === 'update' ? orderLines(db, tenantId, row.id) : Promise.resolve([]),
  ]);
  return {
    ...toOrderSummary(row),
    serials,
    serialId: row.serial_id,
    obtainingPeriod: row.obtaining_period,
    addOnMode: row.add_on_mode,
    lines,
    appliedAt: isoOrNull(row.applied_at),
  };
}

/** The order with its serial numbers and lines. */
export async function getOrder(db: Db, tenantId: string, orderId: string): Promise<Order | undefined> {
  const row = await summaries(db, tenantId).where('o.id', '=', orderId).executeTakeFirst();
  return row ? toOrder(db, tenantId, row) : undefined;
}

/** The order a workflow saved or submitted (one per workflow: unique index on workflow_id). */
export async function getOrderOfWorkflow(db: Db, tenantId: string, workflowId: string): Promise<Order | undefined> {
  const row = await summaries(db, tenantId).where('o.workflow_id', '=', workflowId).executeTakeFirst();
  return row ? toOrder(db, tenantId, row) : undefined;
}

/** Locks an order row for a status change. */
export async function lockOrder(db: Db, tenantId: string, orderId: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('tenant_id', '=', tenantId).where('id', '=', orderId).forUpdate().executeTakeFirst();
}

/** The workflow's order (by its draft reference or by the workflow), locked. */
export async function lockOrderOfWorkflow(db: Db, tenantId: string, ref: { draftRef: string | null; workflowId: string | null }): Promise<OrderRow | undefined> {
  if (ref.draftRef === null && ref.workflowId === null) return undefined;
  return db
    .selectFrom('orders')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) => {
      const matches = [];
      if (ref.draftRef !== null) matches.push(eb('id', '=', ref.draftRef));
      if (ref.workflowId !== null) matches.push(eb('workflow_id', '=', ref.workflowId));
      return eb.or(matches);
    })
    .orderBy(sql`workflow_id IS NULL`)
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

/** The next number of the tenant's order sequence; the tenant row stays locked until commit, so numbers never repeat or skip. */
export async function nextOrderNumber(db: Db, tenantId: string): Promise<number> {
  const row = await db
    .updateTable('tenants')
    .set((eb) => ({ next_order_number: eb('next_order_number', '+', 1) }))
    .where('id', '=', tenantId)
    .returning(sql<number>`next_order_number - 1`.as('number'))
    .executeTakeFirstOrThrow();
  return row.number;
}

export interface UpdateOrderFields {
  customerId: string;
  order: Pick<UpdateOrder, 'serialId' | 'obtainingPeriod' | 'addOnMode' | 'crmId' | 'comment' | 'lines'>;
}

const orderColumns = ({ customerId, order }: UpdateOrderFields) => ({
  customer_id: customerId,
  serial_id: order.serialId,
  obtaining_period: json(order.obtainingPeriod),
  add_on_mode: order.addOnMode,
  crm_id: order.crmId,
  comment: order.comment,
});

export async function insertUpdateOrder(
  db: Db,
  tenantId: string,
  fields: UpdateOrderFields & { number: number; status: 'draft' | 'done'; workflowId: string | null; at: string },
): Promise<string> {
  const row = await db
    .insertInto('orders')
    .values({
      tenant_id: tenantId,
      number: fields.number,
      type: 'update',
      status: fields.status,
      created_at: fields.at,
      submitted_at: fields.status === 'done' ? fields.at : null,
      workflow_id: fields.workflowId,
      ...orderColumns(fields),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceOrderLines(db, tenantId, row.id, fields.order.lines);
  return row.id;
}

export async function updateOrderFields(db: Db, tenantId: string, orderId: string, fields: UpdateOrderFields & { workflowId: string | null }): Promise<void> {
  await db
    .updateTable('orders')
    .set({ ...orderColumns(fields), ...(fields.workflowId !== null ? { workflow_id: fields.workflowId } : {}) })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', orderId)
    .execute();
  await replaceOrderLines(db, tenantId, orderId, fields.order.lines);
}

async function replaceOrderLines(db: Db, tenantId: string, orderId: string, lines: readonly OrderLine[]): Promise<void> {
  await db.deleteFrom('order_lines').where('tenant_id', '=', tenantId).where('order_id', '=', orderId).execute();
  if (lines.length === 0) return;
  await db
    .insertInto('order_lines')
    .values(
      lines.map((line, position) => ({
        order_id: orderId, position, tenant_id: tenantId, line_id: line.lineId, product_id: line.productId, origin: line.origin, features: json(line.features),
      })),
    )
    .execute();
}

export async function setOrderStatus(db: Db, tenantId: string, orderId: string, status: OrderStatus, submittedAt?: string): Promise<void> {
  await db
    .updateTable('orders')
    .set({ status, ...(submittedAt !== undefined ? { submitted_at: submittedAt } : {}) })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', orderId)
    .execute();
}

/** The serial's done, unapplied update orders with their lines, locked: obtain applies each exactly once. */
export async function lockUnappliedUpdates(db: Db, tenantId: string, serialId: string) {
  const rows = await db
    .selectFrom('orders')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('serial_id', '=', serialId)
    .where('type', '=', 'update')
    .where('status', '=', 'done')
    .where('applied_at', 'is', null)
    .orderBy('submitted_at')
    .orderBy('number')
    .forUpdate()
    .execute();
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      number: row.number,
      type: row.type,
      status: row.status,
      appliedAt: isoOrNull(row.applied_at),
      submittedAt: isoOrNull(row.submitted_at),
      obtainingPeriod: row.obtaining_period,
      addOnMode: row.add_on_mode,
      lines: await orderLines(db, tenantId, row.id),
    })),
  );
}

/** Marks orders applied; the `applied_at IS NULL` condition makes a second application impossible. */
export async function markApplied(db: Db, tenantId: string, orderIds: readonly string[], at: string): Promise<number> {
  if (orderIds.length === 0) return 0;
  const result = await db
    .updateTable('orders')
    .set({ applied_at: at })
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', orderIds)
    .where('applied_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
