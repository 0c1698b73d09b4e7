import type { ControlledTransaction, Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { Db } from '../repositories/index.ts';

/**
 * One request's database work, in at most one transaction, opened only when something writes.
 * Reads before that go straight to the database; the final write of a read-only request is a
 * single statement (its own implicit transaction). Once open, everything goes through the transaction:
 * PGlite has one connection, and a write's reads must see its own writes.
 */
export class UnitOfWork {
  private trx: ControlledTransaction<Database> | null = null;
  private opening: Promise<ControlledTransaction<Database>> | null = null;
  /** The first failure that must abort the request (a lost race, a database error inside an effect). */
  failure: unknown = null;

  constructor(
    private readonly db: Kysely<Database>,
    /** Runs first in the transaction (e.g. lock the workflow at its expected version); may throw to abort. */
    private readonly onBegin: (trx: Db) => Promise<void> = async () => {},
  ) {}

  get inTransaction(): boolean {
    return this.trx !== null || this.opening !== null;
  }

  /** Where to read now: the transaction once open, else the database. */
  reader(): Db {
    return this.trx ?? this.db;
  }

  /** The transaction, opened on first use. */
  writer(): Promise<Db> {
    if (this.trx) return Promise.resolve(this.trx);
    this.opening ??= this.open();
    return this.opening;
  }

  private async open(): Promise<ControlledTransaction<Database>> {
    const trx = await this.db.startTransaction().execute();
    try {
      await this.onBegin(trx);
    } catch (error) {
      await trx.rollback().execute().catch(() => {});
      this.opening = null;
      throw error;
    }
    this.trx = trx;
    return trx;
  }

  fail(error: unknown): void {
    this.failure ??= error;
  }

  async commit(): Promise<void> {
    if (this.opening) await this.opening;
    const trx = this.trx;
    this.trx = null;
    this.opening = null;
    if (trx) await trx.commit().execute();
  }

  async rollback(): Promise<void> {
    const opening = this.opening;
    this.opening = null;
    const trx = this.trx ?? (opening ? await opening.catch(() => null) : null);
    this.trx = null;
    if (trx && !trx.isCommitted && !trx.isRolledBack) await trx.rollback().execute().catch(() => {});
  }
}
