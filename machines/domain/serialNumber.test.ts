import { describe, expect, it } from 'vitest';
import { isSerialNumber, isSerialQueryToken, matchesSerialQuery, parseSerialNumbers, serialQueryTokens } from './serialNumber.ts';

const A = 'LvHdHH-Ux1VmY-pGKq1y-NEE4pp-8iAAgP';
const B = 'Mn3bVc-Xz2aSd-Fg1hJk-Lp0oIu-Yt9rEw';

describe('serial numbers', () => {
  it('are five groups of six letters or digits joined by "-"', () => {
    expect(isSerialNumber(A)).toBe(true);
    expect(isSerialNumber('LvHdHH-Ux1VmY-pGKq1y-NEE4pp')).toBe(false);
    expect(isSerialNumber('LvHdHH-Ux1VmY-pGKq1y-NEE4pp-8iAAg')).toBe(false);
    expect(isSerialNumber('LvHdHH_Ux1VmY_pGKq1y_NEE4pp_8iAAgP')).toBe(false);
    expect(isSerialNumber(` ${A}`)).toBe(false);
  });
});

describe('parseSerialNumbers', () => {
  it('reads one pasted serial', () => {
    expect(parseSerialNumbers(A)).toEqual({ serials: [A], malformed: [] });
  });

  it('reads a downloaded list split by lines, blanks, commas or semicolons, in order and without repeats', () => {
    expect(parseSerialNumbers(`${A}\n${B}\r\n${A}; ${B},\t${A}`)).toEqual({ serials: [A, B], malformed: [] });
  });

  it('keeps what is not a serial apart, once each', () => {
    expect(parseSerialNumbers(`abc ${A} abc 12-34`)).toEqual({ serials: [A], malformed: ['abc', '12-34'] });
  });

  it('reads nothing from blank text', () => {
    expect(parseSerialNumbers('  \n ,; ')).toEqual({ serials: [], malformed: [] });
  });
});

describe('serial lookup queries', () => {
  it('accept whole serials and prefixes of at least six characters', () => {
    expect(serialQueryTokens(`${A} LvHdHH Ux1Vm LvHdHH-Ux LvHdHH-Ux1VmY-`)).toEqual([A, 'LvHdHH', 'LvHdHH-Ux', 'LvHdHH-Ux1VmY-']);
    expect(isSerialQueryToken('LvHdH')).toBe(false);
    expect(isSerialQueryToken(`${A}-x`)).toBe(false);
  });

  it('match serials by prefix, case-sensitively', () => {
    expect(matchesSerialQuery(A, 'LvHdHH-Ux1')).toBe(true);
    expect(matchesSerialQuery(A, 'lvhdhh-ux1')).toBe(false);
    expect(matchesSerialQuery(A, 'LvHd')).toBe(false);
  });
});
