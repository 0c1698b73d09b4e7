import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports no application code and never changes once released.
// Every table carries tenant_id, and every reference between tenant rows is a composite
// (tenant_id, id) foreign key, so the database itself refuses a row that points across tenants.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE tenants (
      id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
      name text NOT NULL,
      next_order_number integer NOT NULL DEFAULT 1 CHECK (next_order_number >= 1),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE api_keys (
      id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
      tenant_id text NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      key_hash text NOT NULL UNIQUE,
      role text NOT NULL CHECK (role IN ('operator', 'viewer')),
      label text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    )`.execute(db);

  await sql`
    CREATE TABLE customers (
      id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
      tenant_id text NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('company', 'individual')),
      company_name text,
      name text NOT NULL DEFAULT '',
      family_name text NOT NULL DEFAULT '',
      email text NOT NULL DEFAULT '',
      phone text NOT NULL DEFAULT '',
      crm_id text NOT NULL DEFAULT '',
      comment text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, id),
      CHECK (kind <> 'company' OR coalesce(company_name, '') <> '')
    )`.execute(db);

  await sql`
    CREATE TABLE hardware_keys (
      id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
      tenant_id text NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      dongle_id text NOT NULL,
      model text NOT NULL CHECK (model IN ('DL', 'SIGN', 'TIME', 'CODE', 'CODE_TIME')),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, id),
      UNIQUE (tenant_id, dongle_id)
    )`.execute(db);

  await sql`
    CREATE TABLE products (
      id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
      tenant_id text NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      product_number integer NOT NULL CHECK (product_number >= 1),
      name text NOT NULL,
      crm_id text NOT NULL DEFAULT '',
      description text NOT NULL DEFAULT '',
      status text NOT NULL CHECK (status IN ('draft', 'onSale', 'archived')),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, id),
      UNIQUE (tenant_id, product_number)
    )`.execute(db);

  await sql`
    CREATE TABLE features (
      id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
      tenant_id text NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      feature_number integer NOT NULL CHECK (feature_number >= 1),
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      UNIQUE (tenant_id, id)
    )`.execute(db);

  await sql`
    CREATE TABLE product_features (
      tenant_id text NOT NULL,
      product_id text NOT NULL,
      feature_id text NOT NULL,
      position integer NOT NULL,
      default_terms jsonb NOT NULL,
      can_modify boolean NOT NULL,
      can_exclude boolean NOT NULL,
      PRIMARY KEY (product_id, feature_id),
      UNIQUE (product_id, position),
      FOREIGN KEY (tenant_id, product_id) REFERENCES products (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, feature_id) REFERENCES features (tenant_id, id)
    )`.execute(db);

  await sql`
    CREATE TABLE workflows (
      id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
      tenant_id text NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      machine_version text NOT NULL,
      snapshot jsonb NOT NULL,
      state jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('active', 'submitted', 'cancelled')),
      version integer NOT NULL CHECK (version >= 1),
      event_count integer NOT NULL DEFAULT 0,
      created_by text REFERENCES api_keys (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, id)
    )`.execute(db);
  // One list index (status is a filter on it): every request rewrites updated_at, so each index costs on the hot path.
  await sql`CREATE INDEX workflows_recent_idx ON workflows (tenant_id, updated_at DESC, id DESC)`.execute(db);

  await sql`
    CREATE TABLE workflow_events (
      workflow_id text NOT NULL,
      seq integer NOT NULL,
      tenant_id text NOT NULL,
      version integer NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      api_key_id text REFERENCES api_keys (id) ON DELETE SET NULL,
      actor text NOT NULL,
      event jsonb NOT NULL,
      state jsonb NOT NULL,
      effects jsonb NOT NULL DEFAULT '[]',
      PRIMARY KEY (workflow_id, seq),
      FOREIGN KEY (tenant_id, workflow_id) REFERENCES workflows (tenant_id, id) ON DELETE CASCADE
    )`.execute(db);

  // Orders and serials point at each other (a new order produces serials, an update order
  // changes one), so the serial reference of orders is added once both tables exist.
  await sql`
    CREATE TABLE orders (
      id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
      tenant_id text NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      number integer NOT NULL CHECK (number >= 1),
      type text NOT NULL CHECK (type IN ('new', 'update')),
      status text NOT NULL CHECK (status IN ('draft', 'done', 'cancelled')),
      customer_id text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      submitted_at timestamptz,
      crm_id text NOT NULL DEFAULT '',
      comment text NOT NULL DEFAULT '',
      serial_id text,
      obtaining_period jsonb,
      add_on_mode boolean,
      applied_at timestamptz,
      workflow_id text,
      UNIQUE (tenant_id, id),
      UNIQUE (tenant_id, number),
      FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id),
      -- Checked at commit: a workflow that submits in its very first request inserts its order before its own row.
      FOREIGN KEY (tenant_id, workflow_id) REFERENCES workflows (tenant_id, id) ON DELETE SET NULL (workflow_id) DEFERRABLE INITIALLY DEFERRED,
      CHECK (type <> 'update' OR (serial_id IS NOT NULL AND obtaining_period IS NOT NULL AND add_on_mode IS NOT NULL)),
      CHECK (status <> 'done' OR submitted_at IS NOT NULL)
    )`.execute(db);
  // One order per workflow, however often submit is retried.
  await sql`CREATE UNIQUE INDEX orders_workflow_idx ON orders (workflow_id) WHERE workflow_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX orders_customer_idx ON orders (tenant_id, customer_id, number DESC)`.execute(db);
  await sql`CREATE INDEX orders_list_idx ON orders (tenant_id, number DESC)`.execute(db);

  await sql`
    CREATE TABLE serials (
      id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
      tenant_id text NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      serial text NOT NULL,
      status text NOT NULL CHECK (status IN ('active', 'blocked')),
      activation_count integer NOT NULL DEFAULT 0,
      activation_limit integer NOT NULL,
      customer_id text NOT NULL,
      order_id text NOT NULL,
      hardware_key_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, id),
      UNIQUE (tenant_id, serial),
      FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id),
      FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id),
      FOREIGN KEY (tenant_id, hardware_key_id) REFERENCES hardware_keys (tenant_id, id),
      CHECK (activation_count >= 0 AND activation_limit >= activation_count AND activation_limit <= 50)
    )`.execute(db);
  // Prefix lookups (serial LIKE 'LvHdHH%') use this index whatever the database collation.
  await sql`CREATE INDEX serials_prefix_idx ON serials (tenant_id, serial text_pattern_ops)`.execute(db);
  await sql`CREATE INDEX serials_customer_idx ON serials (tenant_id, customer_id, serial)`.execute(db);
  await sql`CREATE INDEX serials_order_idx ON serials (tenant_id, order_id)`.execute(db);

  await sql`ALTER TABLE orders ADD FOREIGN KEY (tenant_id, serial_id) REFERENCES serials (tenant_id, id)`.execute(db);
  await sql`CREATE INDEX orders_serial_idx ON orders (tenant_id, serial_id) WHERE serial_id IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE order_lines (
      order_id text NOT NULL,
      position integer NOT NULL,
      tenant_id text NOT NULL,
      line_id text NOT NULL,
      product_id text NOT NULL,
      origin text NOT NULL CHECK (origin IN ('license', 'added')),
      features jsonb NOT NULL,
      PRIMARY KEY (order_id, position),
      UNIQUE (order_id, line_id),
      FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, product_id) REFERENCES products (tenant_id, id)
    )`.execute(db);

  await sql`
    CREATE TABLE licenses (
      serial_id text PRIMARY KEY,
      tenant_id text NOT NULL,
      lines jsonb NOT NULL DEFAULT '[]',
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (tenant_id, serial_id) REFERENCES serials (tenant_id, id) ON DELETE CASCADE
    )`.execute(db);

  await sql`
    CREATE TABLE serial_history (
      id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
      seq integer GENERATED ALWAYS AS IDENTITY,
      tenant_id text NOT NULL,
      serial_id text NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      kind text NOT NULL CHECK (kind IN ('issued', 'orderApplied', 'updateObtained', 'blocked')),
      order_id text,
      note text NOT NULL DEFAULT '',
      FOREIGN KEY (tenant_id, serial_id) REFERENCES serials (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id)
    )`.execute(db);
  await sql`CREATE INDEX serial_history_serial_idx ON serial_history (tenant_id, serial_id, at, seq)`.execute(db);

  await sql`
    CREATE TABLE idempotency_keys (
      tenant_id text NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      key text NOT NULL,
      fingerprint text NOT NULL,
      status_code integer NOT NULL,
      reply jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, key)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'idempotency_keys',
    'serial_history',
    'licenses',
    'order_lines',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
  await sql`ALTER TABLE IF EXISTS orders DROP CONSTRAINT IF EXISTS orders_tenant_id_serial_id_fkey`.execute(db);
  for (const table of ['serials', 'orders', 'workflow_events', 'workflows', 'product_features', 'features', 'products', 'hardware_keys', 'customers', 'api_keys', 'tenants']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
