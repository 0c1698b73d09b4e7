import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/tables.ts';

/** Any handle a repository can run on: the database or an open transaction. */
export type Db = Kysely<Database>;

export const iso = (date: Date): string => date.toISOString();
export const isoOrNull = (date: Date | null): string | null => (date === null ? null : date.toISOString());

/** `%text%` for ILIKE, with the user's `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

export function prefixPattern(text: string): string {
  return `${escapeLike(text)}%`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** JSON text for a jsonb parameter (both drivers accept text for jsonb). */
export const json = (value: unknown): string => JSON.stringify(value);

/** `now()` as the database sees it, so every row of one transaction carries the same instant. */
export const dbNow = (): RawBuilder<Date> => sql<Date>`now()`;
