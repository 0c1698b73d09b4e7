import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  CustomerKind,
  HardwareKey,
  License,
  LicensingTerms,
  ObtainingPeriod,
  OrderLineFeature,
  OrderLineOrigin,
  OrderStatus,
  OrderType,
  ProductStatus,
  SerialStatus,
} from '../../machines/index.ts';

/** jsonb: read as the value, written as its JSON text (pg would turn a JS array into a Postgres array). */
export type Json<T> = ColumnType<T, string, string>;
export type NullableJson<T> = ColumnType<T | null, string | null, string | null>;
/** timestamptz: both drivers read a Date; we write ISO strings or let the default apply. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type ApiKeyRole = 'operator' | 'viewer';
/** A machine state value as stored: `"review"` or `{ "orderForm": "editing" }`. */
export type StateValue = string | Record<string, unknown>;
export type WorkflowStatus = 'active' | 'submitted' | 'cancelled';
export type SerialHistoryKind = 'issued' | 'orderApplied' | 'updateObtained' | 'blocked';

export interface TenantsTable {
  id: Generated<string>;
  name: string;
  next_order_number: Generated<number>;
  created_at: GeneratedTimestamp;
}

export interface ApiKeysTable {
  id: Generated<string>;
  tenant_id: string;
  key_hash: string;
  role: ApiKeyRole;
  label: Generated<string>;
  created_at: GeneratedTimestamp;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface CustomersTable {
  id: Generated<string>;
  tenant_id: string;
  kind: CustomerKind;
  company_name: string | null;
  name: string;
  family_name: string;
  email: string;
  phone: string;
  crm_id: string;
  comment: string;
  created_at: GeneratedTimestamp;
}

export interface HardwareKeysTable {
  id: Generated<string>;
  tenant_id: string;
  dongle_id: string;
  model: HardwareKey['model'];
  created_at: GeneratedTimestamp;
}

export interface ProductsTable {
  id: Generated<string>;
  tenant_id: string;
  product_number: number;
  name: string;
  crm_id: string;
  description: string;
  status: ProductStatus;
  created_at: GeneratedTimestamp;
}

export interface FeaturesTable {
  id: Generated<string>;
  tenant_id: string;
  feature_number: number;
  name: string;
  description: string;
}

export interface ProductFeaturesTable {
  tenant_id: string;
  product_id: string;
  feature_id: string;
  position: number;
  default_terms: Json<LicensingTerms>;
  can_modify: boolean;
  can_exclude: boolean;
}

export interface OrdersTable {
  id: Generated<string>;
  tenant_id: string;
  number: number;
  type: OrderType;
  status: OrderStatus;
  customer_id: string;
  created_at: GeneratedTimestamp;
  submitted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  crm_id: string;
  comment: string;
  serial_id: string | null;
  obtaining_period: NullableJson<ObtainingPeriod>;
  add_on_mode: boolean | null;
  applied_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  workflow_id: string | null;
}

export interface OrderLinesTable {
  order_id: string;
  position: number;
  tenant_id: string;
  line_id: string;
  product_id: string;
  origin: OrderLineOrigin;
  features: Json<OrderLineFeature[]>;
}

export interface SerialsTable {
  id: Generated<string>;
  tenant_id: string;
  serial: string;
  status: SerialStatus;
  activation_count: number;
  activation_limit: number;
  customer_id: string;
  order_id: string;
  hardware_key_id: string | null;
  created_at: GeneratedTimestamp;
}

export interface LicensesTable {
  serial_id: string;
  tenant_id: string;
  lines: Json<License['lines']>;
  updated_at: GeneratedTimestamp;
}

export interface SerialHistoryTable {
  id: Generated<string>;
  seq: Generated<number>;
  tenant_id: string;
  serial_id: string;
  at: GeneratedTimestamp;
  kind: SerialHistoryKind;
  order_id: string | null;
  note: string;
}

export interface WorkflowsTable {
  id: Generated<string>;
  tenant_id: string;
  machine_version: string;
  snapshot: Json<unknown>;
  state: Json<StateValue>;
  status: WorkflowStatus;
  version: number;
  event_count: Generated<number>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface WorkflowEventsTable {
  workflow_id: string;
  seq: number;
  tenant_id: string;
  version: number;
  at: GeneratedTimestamp;
  api_key_id: string | null;
  actor: string;
  event: Json<unknown>;
  state: Json<StateValue>;
  effects: Json<unknown[]>;
}

export interface IdempotencyKeysTable {
  tenant_id: string;
  key: string;
  fingerprint: string;
  status_code: number;
  reply: Json<unknown>;
  created_at: GeneratedTimestamp;
}

export interface Database {
  tenants: TenantsTable;
  api_keys: ApiKeysTable;
  customers: CustomersTable;
  hardware_keys: HardwareKeysTable;
  products: ProductsTable;
  features: FeaturesTable;
  product_features: ProductFeaturesTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  serials: SerialsTable;
  licenses: LicensesTable;
  serial_history: SerialHistoryTable;
  workflows: WorkflowsTable;
  workflow_events: WorkflowEventsTable;
  idempotency_keys: IdempotencyKeysTable;
}

export type TenantRow = Selectable<TenantsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type NewApiKey = Insertable<ApiKeysTable>;
export type CustomerRow = Selectable<CustomersTable>;
export type NewCustomer = Insertable<CustomersTable>;
export type HardwareKeyRow = Selectable<HardwareKeysTable>;
export type ProductRow = Selectable<ProductsTable>;
export type ProductFeatureRow = Selectable<ProductFeaturesTable>;
export type OrderRow = Selectable<OrdersTable>;
export type NewOrder = Insertable<OrdersTable>;
export type OrderUpdate = Updateable<OrdersTable>;
export type OrderLineRow = Selectable<OrderLinesTable>;
export type NewOrderLine = Insertable<OrderLinesTable>;
export type SerialRow = Selectable<SerialsTable>;
export type LicenseRow = Selectable<LicensesTable>;
export type SerialHistoryRow = Selectable<SerialHistoryTable>;
export type NewSerialHistory = Insertable<SerialHistoryTable>;
export type WorkflowRow = Selectable<WorkflowsTable>;
export type NewWorkflow = Insertable<WorkflowsTable>;
export type WorkflowEventRow = Selectable<WorkflowEventsTable>;
export type IdempotencyKeyRow = Selectable<IdempotencyKeysTable>;
