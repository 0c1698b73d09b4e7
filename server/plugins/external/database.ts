import { shared } from '../shared.ts';
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../../db/database.ts';
import type { Database } from '../../db/tables.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    databaseKind: DatabaseKind;
  }
}

export type DatabasePluginOptions = {
  db: Kysely<Database>;
  kind: DatabaseKind;
};

/** Makes the database the app was given available to every plugin; the caller opens and closes it. */
export default shared<DatabasePluginOptions>('database', async (app, { db, kind }) => {
  app.decorate('db', db);
  app.decorate('databaseKind', kind);
});
