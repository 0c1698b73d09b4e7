import * as repositories from '../../repositories/index.ts';
import { shared } from '../shared.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Plain functions taking a database handle (or a transaction) first. */
    repositories: typeof repositories;
  }
}

export default shared('repositories', async (app) => {
  app.decorate('repositories', repositories);
});
