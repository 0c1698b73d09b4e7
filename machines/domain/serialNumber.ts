import { z } from 'zod';

/** Five groups of six letters or digits joined by `-`, e.g. `LvHdHH-Ux1VmY-pGKq1y-NEE4pp-8iAAgP`. */
export const SERIAL_NUMBER_PATTERN = /^[A-Za-z0-9]{6}(?:-[A-Za-z0-9]{6}){4}$/;

export const SerialNumber = z
  .string()
  .regex(SERIAL_NUMBER_PATTERN, 'A serial number is 5 groups of 6 letters or digits joined by "-"');
export type SerialNumber = z.infer<typeof SerialNumber>;

export function isSerialNumber(text: string): boolean {
  return SERIAL_NUMBER_PATTERN.test(text);
}

export interface ParsedSerialNumbers {
  /** Well-formed serial numbers, in the order typed, without repeats. */
  serials: SerialNumber[];
  /** Tokens that are not serial numbers. */
  malformed: string[];
}

/** Operators paste one or many serials (from "Download N numbers"): split on blanks, commas and semicolons. */
export function parseSerialNumbers(text: string): ParsedSerialNumbers {
  const serials: string[] = [];
  const malformed: string[] = [];
  for (const token of text.split(/[\s,;]+/)) {
    if (token === '') continue;
    if (isSerialNumber(token)) {
      if (!serials.includes(token)) serials.push(token);
    } else if (!malformed.includes(token)) {
      malformed.push(token);
    }
  }
  return { serials, malformed };
}

/** The minimum length of a prefix the serial lookup accepts, so a search never lists a whole tenant. */
export const SERIAL_PREFIX_MIN = 6;
const SERIAL_PREFIX_PATTERN = /^[A-Za-z0-9]{6}(?:-[A-Za-z0-9]{0,6}){0,4}$/;

/** A lookup token: a whole serial number or a prefix of at least six characters of one. */
export function isSerialQueryToken(token: string): boolean {
  return token.length >= SERIAL_PREFIX_MIN && token.length <= 34 && SERIAL_PREFIX_PATTERN.test(token);
}

/** The tokens of a lookup query (blank-, comma- or semicolon-separated) that the lookup accepts. */
export function serialQueryTokens(query: string): string[] {
  return [...new Set(query.split(/[\s,;]+/).filter(isSerialQueryToken))];
}

/** Does `serial` match a lookup token (whole or prefix)? Case-sensitive, as serials are. */
export function matchesSerialQuery(serial: string, token: string): boolean {
  return isSerialQueryToken(token) && serial.startsWith(token);
}
