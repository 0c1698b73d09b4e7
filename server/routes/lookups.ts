import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SERIAL_PREFIX_MIN, serialQueryTokens } from '../../machines/index.ts';
import { badRequest, notFound } from '../problem.ts';
import {
  CustomerCard,
  CustomerPage,
  CustomerSerialsQuery,
  CustomersQuery,
  IdParams,
  Order,
  OrderPage,
  OrdersQuery,
  ProductPage,
  ProductsQuery,
  SerialDetail,
  SerialLicense,
  SerialPage,
  SerialsQuery,
  apiProblems,
} from '../schemas.ts';
import { PageQuery } from '../pagination.ts';

/** How many rows of each tab the customer card carries; the tab routes page further. */
const CARD_TAB_LIMIT = 100;
const tags = ['lookups'];

export default async function lookupRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { customers, orders, serials, products } = app.repositories;

  async function customerOrThrow(tenantId: string, customerId: string) {
    const customer = await customers.getCustomer(app.db, tenantId, customerId);
    if (!customer) throw notFound('The customer');
    return customer;
  }

  r.get('/customers', {
    schema: {
      tags,
      summary: 'Search customers',
      description: 'Customers whose name, company, email or CRM ID contain the query (case-insensitive); all of them when it is blank.',
      querystring: CustomersQuery,
      response: { 200: CustomerPage, ...apiProblems },
    },
    handler: (request) => customers.searchCustomers(app.db, request.apiKey.tenantId, request.query),
  });

  r.get('/customers/:customerId', {
    schema: {
      tags,
      summary: 'The customer card',
      description: `The customer with its two tabs (up to ${CARD_TAB_LIMIT} rows each; the tab routes page further).`,
      params: IdParams('customerId'),
      response: { 200: CustomerCard, ...apiProblems },
    },
    handler: async (request) => {
      const { tenantId } = request.apiKey;
      const customer = await customerOrThrow(tenantId, request.params.customerId);
      const tab = await serials.customerSerials(app.db, tenantId, customer.id, { query: '', limit: CARD_TAB_LIMIT });
      const list = await orders.searchOrders(app.db, tenantId, { query: '', customerId: customer.id, limit: CARD_TAB_LIMIT });
      return { customer, serials: tab.items, orders: list.items };
    },
  });

  r.get('/customers/:customerId/serials', {
    schema: {
      tags,
      summary: 'The customer\'s serial numbers and hardware keys',
      description: 'Filtered by `query`: serial prefixes or dongle numbers.',
      params: IdParams('customerId'),
      querystring: CustomerSerialsQuery,
      response: { 200: SerialPage, ...apiProblems },
    },
    handler: async (request) => {
      const { tenantId } = request.apiKey;
      const customer = await customerOrThrow(tenantId, request.params.customerId);
      return serials.customerSerials(app.db, tenantId, customer.id, request.query);
    },
  });

  r.get('/customers/:customerId/orders', {
    schema: { tags, summary: 'The customer\'s orders', params: IdParams('customerId'), querystring: PageQuery, response: { 200: OrderPage, ...apiProblems } },
    handler: async (request) => {
      const { tenantId } = request.apiKey;
      const customer = await customerOrThrow(tenantId, request.params.customerId);
      return orders.searchOrders(app.db, tenantId, { query: '', customerId: customer.id, ...request.query });
    },
  });

  r.get('/orders', {
    schema: {
      tags,
      summary: 'Search orders',
      description: 'Orders whose number, CRM ID or customer match the query, newest first.',
      querystring: OrdersQuery,
      response: { 200: OrderPage, ...apiProblems },
    },
    handler: (request) => orders.searchOrders(app.db, request.apiKey.tenantId, request.query),
  });

  r.get('/orders/:orderId', {
    schema: { tags, summary: 'The order with its serial numbers and lines', params: IdParams('orderId'), response: { 200: Order, ...apiProblems } },
    handler: async (request) => {
      const order = await orders.getOrder(app.db, request.apiKey.tenantId, request.params.orderId);
      if (!order) throw notFound('The order');
      return order;
    },
  });

  r.get('/serials', {
    schema: {
      tags,
      summary: 'Find serial numbers',
      description: `Serials matching a whole serial number or a prefix of at least ${SERIAL_PREFIX_MIN} characters (several, blank- or comma-separated).`,
      querystring: SerialsQuery,
      response: { 200: SerialPage, ...apiProblems },
    },
    handler: async (request) => {
      const tokens = serialQueryTokens(request.query.query);
      if (tokens.length === 0) {
        throw badRequest(`Type a whole serial number or at least ${SERIAL_PREFIX_MIN} characters of one`, [
          { path: 'querystring.query', message: `A whole serial number or a prefix of at least ${SERIAL_PREFIX_MIN} characters` },
        ]);
      }
      return serials.findSerials(app.db, request.apiKey.tenantId, { tokens, limit: request.query.limit, cursor: request.query.cursor });
    },
  });

  r.get('/serials/:serialId', {
    schema: { tags, summary: 'The serial, its status, its customer, its history', params: IdParams('serialId'), response: { 200: SerialDetail, ...apiProblems } },
    handler: async (request) => {
      const { tenantId } = request.apiKey;
      const serial = await serials.getSerialSummary(app.db, tenantId, request.params.serialId);
      if (!serial) throw notFound('The serial number');
      const customer = (await customers.getCustomer(app.db, tenantId, serial.customerId))!;
      return { ...serial, customer, history: await serials.serialHistory(app.db, tenantId, serial.id) };
    },
  });

  r.get('/serials/:serialId/license', {
    schema: { tags, summary: 'The license the serial carries now', params: IdParams('serialId'), response: { 200: SerialLicense, ...apiProblems } },
    handler: async (request) => {
      const { tenantId } = request.apiKey;
      const serial = await serials.getSerialSummary(app.db, tenantId, request.params.serialId);
      if (!serial) throw notFound('The serial number');
      return { serialId: serial.id, license: await serials.getLicense(app.db, tenantId, serial.id) };
    },
  });

  r.get('/products', {
    schema: { tags, summary: 'Products with features, default terms and flags', querystring: ProductsQuery, response: { 200: ProductPage, ...apiProblems } },
    handler: (request) =>
      products.findProducts(app.db, request.apiKey.tenantId, { status: request.query.status }, { limit: request.query.limit, cursor: request.query.cursor }),
  });
}
