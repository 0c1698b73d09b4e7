import { z } from 'zod';
import { badRequest } from './problem.ts';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 100;

/** A keyset position: the sort values of the last row a page returned. */
export type CursorKey = readonly (string | number)[];

/** Opaque to clients: base64url of the sort key of the last row returned. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

const CursorKeySchema = z.array(z.union([z.string().max(200), z.number()])).min(1).max(4);

/** The key a cursor carries, checked against the kinds of values this list sorts by; a forged or stale cursor is a 400. */
export function decodeCursor<const K extends readonly ('string' | 'number')[]>(cursor: string | undefined, kinds: K): { [I in keyof K]: K[I] extends 'number' ? number : string } | null {
  if (cursor === undefined || cursor === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('The cursor is not one this service gave out', [{ path: 'querystring.cursor', message: 'Invalid cursor' }]);
  }
  const result = CursorKeySchema.safeParse(parsed);
  if (!result.success || result.data.length !== kinds.length || result.data.some((v, i) => typeof v !== kinds[i])) {
    throw badRequest('The cursor is not one this service gave out', [{ path: 'querystring.cursor', message: 'Invalid cursor' }]);
  }
  return result.data as never;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Rows were fetched with `limit + 1`: the extra row says whether a next page exists. */
export function toPage<R, T>(rows: R[], limit: number, keyOf: (row: R) => CursorKey, map: (row: R) => T): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(map), nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

/** Page query parameters every list accepts. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT).describe(`Items per page (1–${MAX_LIMIT})`),
  cursor: z.string().max(500).optional().describe('The nextCursor of the previous page'),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page') });
