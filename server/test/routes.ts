/** One call of an /api route, with concrete ids. */
export interface RouteCall {
  /** The route as OpenAPI names it, e.g. `POST /api/orders/{orderId}/cancel`. */
  route: string;
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  body?: unknown;
  write: boolean;
}

export interface DemoIds {
  customerId: string;
  orderId: string;
  serialId: string;
  workflowId: string;
  workflowVersion: number;
}

/** Every /api route of API.md, called on the demo tenant's objects. */
export function apiRoutes(ids: DemoIds): RouteCall[] {
  const w = ids.workflowId;
  return [
    { route: 'GET /api/customers', method: 'GET', url: '/api/customers?query=', write: false },
    { route: 'GET /api/customers/{customerId}', method: 'GET', url: `/api/customers/${ids.customerId}`, write: false },
    { route: 'GET /api/customers/{customerId}/serials', method: 'GET', url: `/api/customers/${ids.customerId}/serials?query=`, write: false },
    { route: 'GET /api/customers/{customerId}/orders', method: 'GET', url: `/api/customers/${ids.customerId}/orders`, write: false },
    { route: 'GET /api/orders', method: 'GET', url: '/api/orders?query=', write: false },
    { route: 'GET /api/orders/{orderId}', method: 'GET', url: `/api/orders/${ids.orderId}`, write: false },
    { route: 'GET /api/serials', method: 'GET', url: '/api/serials?query=LvHdHH', write: false },
    { route: 'GET /api/serials/{serialId}', method: 'GET', url: `/api/serials/${ids.serialId}`, write: false },
    { route: 'GET /api/serials/{serialId}/license', method: 'GET', url: `/api/serials/${ids.serialId}/license`, write: false },
    { route: 'GET /api/products', method: 'GET', url: '/api/products?status=onSale', write: false },
    { route: 'POST /api/update-orders', method: 'POST', url: '/api/update-orders', body: { events: [{ type: 'way.select', way: 'serial' }] }, write: true },
    { route: 'GET /api/update-orders', method: 'GET', url: '/api/update-orders', write: false },
    { route: 'GET /api/update-orders/{id}', method: 'GET', url: `/api/update-orders/${w}`, write: false },
    {
      route: 'POST /api/update-orders/{id}/events',
      method: 'POST',
      url: `/api/update-orders/${w}/events`,
      body: { expectedVersion: ids.workflowVersion, events: [{ type: 'serial.input', text: 'x' }] },
      write: true,
    },
    { route: 'GET /api/update-orders/{id}/events', method: 'GET', url: `/api/update-orders/${w}/events`, write: false },
    { route: 'DELETE /api/update-orders/{id}', method: 'DELETE', url: `/api/update-orders/${w}`, write: true },
    { route: 'POST /api/orders/{orderId}/cancel', method: 'POST', url: `/api/orders/${ids.orderId}/cancel`, write: true },
    { route: 'POST /api/serials/{serialId}/obtain', method: 'POST', url: `/api/serials/${ids.serialId}/obtain`, write: true },
  ];
}

/** The routes that name one object of the tenant: another tenant gets 404 for each. */
export const objectRoutes = (ids: DemoIds) => apiRoutes(ids).filter((r) => r.route.includes('{'));
