import type { Kysely } from 'kysely';
import { demoDataset, type Dataset, type TenantDataset } from '../../machines/index.ts';
import { hashApiKey } from '../apiKeys.ts';
import type { Database } from './tables.ts';

export interface SeedReport {
  /** Tenants loaded by this call (tenants already present are left as they are). */
  seeded: string[];
  /** Every API key of the dataset, by tenant: what `npm start` prints. */
  keys: { tenant: string; key: string; role: string }[];
}

/** Whether the database holds no tenant yet: SEED defaults to `demo` only then (embedded). */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('tenants').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Loads the demo dataset, the very data the machine's in-memory effects use (`demoDataset()`),
 * in one transaction. A tenant that already exists is skipped, so seeding twice changes nothing.
 */
export async function seedDemo(db: Kysely<Database>, dataset: Dataset = demoDataset()): Promise<SeedReport> {
  const seeded: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (const tenant of dataset.tenants) {
      const exists = await trx.selectFrom('tenants').select('id').where('id', '=', tenant.id).executeTakeFirst();
      if (exists) continue;
      await seedTenant(trx, tenant);
      seeded.push(tenant.id);
    }
  });
  return { seeded, keys: keysOf(dataset.tenants) };
}

/** The demo keys of a database seeded on an earlier start (so every start can print them), or null. */
export async function presentDemo(db: Kysely<Database>, dataset: Dataset = demoDataset()): Promise<SeedReport | null> {
  const ids = dataset.tenants.map((t) => t.id);
  const present = new Set((await db.selectFrom('tenants').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
  const keys = keysOf(dataset.tenants.filter((t) => present.has(t.id)));
  return keys.length > 0 ? { seeded: [], keys } : null;
}

/** The demo API keys of these tenants, as the start banner lists them. */
function keysOf(tenants: readonly TenantDataset[]): SeedReport['keys'] {
  return tenants.flatMap((t) => t.apiKeys.map((k) => ({ tenant: t.name, key: k.key, role: k.role })));
}

async function seedTenant(db: Kysely<Database>, data: TenantDataset): Promise<void> {
  const tenant_id = data.id;
  const nextNumber = Math.max(0, ...data.orders.map((o) => o.number)) + 1;
  await db.insertInto('tenants').values({ id: tenant_id, name: data.name, next_order_number: nextNumber }).execute();
  await db
    .insertInto('api_keys')
    .values(data.apiKeys.map((k) => ({ tenant_id, key_hash: hashApiKey(k.key), role: k.role, label: `${data.name} ${k.role}` })))
    .execute();

  if (data.customers.length > 0) {
    await db
      .insertInto('customers')
      .values(
        data.customers.map((c) => ({
          id: c.id, tenant_id, kind: c.kind, company_name: c.companyName, name: c.name, family_name: c.familyName,
          email: c.email, phone: c.phone, crm_id: c.crmId, comment: c.comment,
        })),
      )
      .execute();
  }

  for (const product of data.products) {
    await db
      .insertInto('products')
      .values({ id: product.id, tenant_id, product_number: product.productNumber, name: product.name, crm_id: product.crmId, description: product.description, status: product.status })
      .execute();
    for (const [position, feature] of product.features.entries()) {
      await db
        .insertInto('features')
        .values({ id: feature.id, tenant_id, feature_number: feature.featureNumber, name: feature.name, description: feature.description })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await db
        .insertInto('product_features')
        .values({
          tenant_id, product_id: product.id, feature_id: feature.id, position,
          default_terms: JSON.stringify(feature.defaultTerms), can_modify: feature.canModify, can_exclude: feature.canExclude,
        })
        .execute();
    }
  }

  const orderValues = (o: TenantDataset['orders'][number]) => ({
    id: o.id, tenant_id, number: o.number, type: o.type, status: o.status, customer_id: o.customerId,
    created_at: o.createdAt, submitted_at: o.submittedAt, crm_id: o.crmId, comment: o.comment, serial_id: o.serialId,
    obtaining_period: o.obtainingPeriod ? JSON.stringify(o.obtainingPeriod) : null, add_on_mode: o.addOnMode, applied_at: o.appliedAt,
  });
  // New orders produce serials; update orders point at one: so new orders, serials, then updates.
  const newOrders = data.orders.filter((o) => o.serialId === null);
  const updateOrders = data.orders.filter((o) => o.serialId !== null);
  if (newOrders.length > 0) await db.insertInto('orders').values(newOrders.map(orderValues)).execute();

  for (const serial of data.serials) {
    if (serial.hardwareKey) {
      await db
        .insertInto('hardware_keys')
        .values({ id: serial.hardwareKey.id, tenant_id, dongle_id: serial.hardwareKey.dongleId, model: serial.hardwareKey.model })
        .execute();
    }
    await db
      .insertInto('serials')
      .values({
        id: serial.id, tenant_id, serial: serial.serial, status: serial.status, activation_count: serial.activationCount,
        activation_limit: serial.activationLimit, customer_id: serial.customerId, order_id: serial.orderId,
        hardware_key_id: serial.hardwareKey?.id ?? null,
      })
      .execute();
    await db
      .insertInto('licenses')
      .values({ serial_id: serial.id, tenant_id, lines: JSON.stringify(data.licenses[serial.id]?.lines ?? []) })
      .execute();
  }

  if (updateOrders.length > 0) await db.insertInto('orders').values(updateOrders.map(orderValues)).execute();
  const lines = data.orders.flatMap((o) =>
    o.lines.map((line, position) => ({
      order_id: o.id, position, tenant_id, line_id: line.lineId, product_id: line.productId, origin: line.origin, features: JSON.stringify(line.features),
    })),
  );
  if (lines.length > 0) await db.insertInto('order_lines').values(lines).execute();

  const history = Object.entries(data.serialHistory).flatMap(([serial_id, entries]) =>
    entries.map((e) => ({ tenant_id, serial_id, at: e.at, kind: e.kind, order_id: e.orderId, note: e.note })),
  );
  if (history.length > 0) await db.insertInto('serial_history').values(history).execute();
}
