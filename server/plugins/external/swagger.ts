import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { shared } from '../shared.ts';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI generated from the routes' zod schemas, at /docs/json; Swagger UI at /docs. */
export default shared('swagger', async (app) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'License Update Kit API',
        description:
          'Update the license of a customer\'s serial number through an update order. ' +
          'Every /api route needs `Authorization: Bearer <api key>`; errors are application/problem+json (RFC 9457).',
        version: '0.1.0',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key (operator or viewer)' } } },
      security: [{ apiKey: [] }],
      tags: [
        { name: 'lookups', description: 'Customers, orders, serials and products (read)' },
        { name: 'update-orders', description: 'Workflows: runs of the licenseUpdateOrder machine' },
        { name: 'orders', description: 'Order status and obtaining' },
        { name: 'service', description: 'Health, readiness, demo configuration' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
});
