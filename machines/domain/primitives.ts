import { z } from 'zod';

/** Identifiers are opaque strings: demo data uses readable ones, the service generates UUIDs. */
export const Id = z.string().min(1).max(64);
export type Id = z.infer<typeof Id>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export const IsoDate = z
  .string()
  .regex(ISO_DATE, 'Use the date format YYYY-MM-DD')
  .refine((value) => isRealDate(value), 'This date does not exist');
export type IsoDate = z.infer<typeof IsoDate>;

export const IsoDateTime = z.iso.datetime({ offset: true });
export type IsoDateTime = z.infer<typeof IsoDateTime>;

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The UTC calendar date of an instant: obtaining periods are whole days. */
export function toIsoDate(instant: Date): IsoDate {
  return instant.toISOString().slice(0, 10);
}

export const CRM_ID_MAX = 64;
export const COMMENT_MAX = 2000;
export const ACTIVATION_LIMIT_MAX = 50;
