import { z } from 'zod';
import {
  Customer,
  CustomerCard,
  EFFECT_KINDS,
  Id,
  IsoDateTime,
  License,
  OperatorEvent,
  Order,
  OrderStatus,
  OrderSummary,
  Product,
  ProductStatus,
  SerialHistoryEntry,
  SerialSummary,
} from '../machines/index.ts';
import { PageQuery, pageOf } from './pagination.ts';

// HTTP shapes only: every entity inside them is the domain's own zod schema, imported.

export const ProblemFieldError = z.object({ path: z.string(), message: z.string() });

/** RFC 9457 problem details; extra members (like `view`) are allowed. */
export const Problem = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(ProblemFieldError).optional(),
  })
  .meta({ description: 'application/problem+json (RFC 9457)' });

export const WorkflowStatus = z.enum(['active', 'submitted', 'cancelled']);

const StateValue = z.union([z.string(), z.record(z.string(), z.unknown())]).describe('The machine state value, e.g. "review" or {"orderForm":"editing"}');

export const PendingEffect = z.object({ id: z.string(), kind: z.enum(EFFECT_KINDS), input: z.unknown() });

export const WorkflowView = z.object({
  id: Id,
  version: z.number().int().min(1).describe('Send it back as expectedVersion'),
  machineVersion: z.string(),
  state: StateValue,
  tags: z.array(z.string()),
  context: z.record(z.string(), z.unknown()).describe('The machine context (LicenseUpdateOrderContext)'),
  pending: PendingEffect.nullable(),
  nextEvents: z.array(z.string()).describe('Event types the current state has a transition for'),
  status: WorkflowStatus,
  order: Order.optional().describe('The created order, once submitted'),
});

/** 409 and 422 replies of the workflow routes carry the current view. */
export const ProblemWithView = Problem.extend({
  view: WorkflowView,
  eventIndex: z.number().int().optional(),
  reason: z.enum(['malformed', 'notAccepted', 'guard']).optional(),
});

export const WorkflowSummary = z.object({
  id: Id,
  version: z.number().int(),
  machineVersion: z.string(),
  state: StateValue,
  status: WorkflowStatus,
  step: z.string(),
  serial: z.object({ id: Id, serial: z.string(), customerName: z.string() }).nullable().describe('The serial being updated, once chosen'),
  draftRef: Id.nullable(),
  order: z.object({ id: Id, number: z.number().int() }).nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

export const WorkflowLogEntry = z.object({
  seq: z.number().int(),
  version: z.number().int().describe('The workflow version the request that sent it produced'),
  at: IsoDateTime,
  actor: z.string().describe('Who sent it (the API key label)'),
  event: z.unknown(),
  state: StateValue.describe('The state after the event and its effects'),
  effects: z.array(z.unknown()).describe('The effects it ran: kind and answer'),
});

export const StartWorkflowBody = z
  .strictObject({ events: z.array(OperatorEvent).max(100).optional() })
  .nullish()
  .describe('Optional first events, e.g. [{"type":"way.select","way":"serial"}]');

export const SendEventsBody = z.strictObject({
  expectedVersion: z.number().int().min(1).describe('The version of the view the events were decided on'),
  events: z.array(OperatorEvent).min(1).max(100),
});

/** Write routes accept an Idempotency-Key: a repeat with the same key gets the first reply. */
export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, 'Idempotency-Key is 1–255 visible ASCII characters')
    .optional()
    .describe('A repeated request with the same key returns the first reply and applies nothing twice'),
});

/** Routes that take no body accept none, or an empty object. */
export const NoBody = z.strictObject({}).nullish();

export const IdParams = <K extends string>(name: K) => z.object({ [name]: Id } as { [P in K]: typeof Id });

export const CancelQuery = z.object({
  expectedVersion: z.coerce.number().int().min(1).optional().describe('Refuse (409) unless the workflow is still at this version'),
});

export const ListWorkflowsQuery = PageQuery.extend({ status: WorkflowStatus.optional() });
export const CustomersQuery = PageQuery.extend({ query: z.string().max(200).default('') });
export const CustomerSerialsQuery = PageQuery.extend({ query: z.string().max(200).default('') });
export const OrdersQuery = PageQuery.extend({ query: z.string().max(200).default(''), status: OrderStatus.optional() });
export const SerialsQuery = PageQuery.extend({
  query: z.string().min(1).max(2000).describe('Whole serial numbers or prefixes of at least 6 characters, blank- or comma-separated'),
});
export const ProductsQuery = PageQuery.extend({ status: ProductStatus.optional() });

export const SerialDetail = SerialSummary.extend({
  customer: Customer,
  hardwareKey: z.object({ dongleId: z.string(), model: z.string() }).nullable(),
  history: z.array(SerialHistoryEntry),
});

export const SerialLicense = z.object({ serialId: Id, license: License });

export const ObtainResult = z.object({
  serialId: Id,
  license: License.describe('The license the serial carries now'),
  applied: z.array(Id).describe('The update orders applied, oldest first (empty when nothing was due)'),
  appliedOrders: z.array(z.object({ id: Id, number: z.number().int(), addOnMode: z.boolean() })),
});

export const Health = z.object({ status: z.enum(['ok', 'error']), database: z.enum(['up', 'down']), kind: z.enum(['pglite', 'postgres']) });
export const Ready = z.object({ status: z.literal('ready') });
export const DemoConfig = z.object({ apiKey: z.string().nullable() });

export const CustomerPage = pageOf(Customer);
export const SerialPage = pageOf(SerialSummary);
export const OrderPage = pageOf(OrderSummary);
export const ProductPage = pageOf(Product);
export const WorkflowPage = pageOf(WorkflowSummary);
export const WorkflowLogPage = pageOf(WorkflowLogEntry);

export { CustomerCard, Order };

/** A reply documented as application/problem+json. */
export const problemReply = <S extends z.ZodType>(description: string, schema: S) => ({ description, content: { 'application/problem+json': { schema } } });

/** The problem replies every /api route may give, for the OpenAPI document. */
export const apiProblems = {
  400: problemReply('Malformed request (errors name each field)', Problem),
  401: problemReply('Missing or unknown API key', Problem),
  404: problemReply("Not found (or another tenant's)", Problem),
} as const;
export const writeProblems = {
  ...apiProblems,
  403: problemReply('A viewer key cannot write', Problem),
  409: problemReply('Conflict with the current state', Problem),
  413: problemReply('Body over 1 MiB', Problem),
  415: problemReply('The body is not application/json', Problem),
} as const;
