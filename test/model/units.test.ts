import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/model/units.ts';

describe('formatNumber', () => {
  const intl = new Intl.NumberFormat('en-US');

  it('writes what en-US toLocaleString writes, integers and the rest', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -1e6, max: 1e6 }),
          fc.maxSafeInteger(),
          fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -1 }),
          fc.double(),
          fc.constantFrom(0, -0, 999, 1000, -1000, 2 ** 53, -(2 ** 53), 1e21, NaN, Infinity, -Infinity),
        ),
        (n) => {
          expect(formatNumber(n)).toBe(intl.format(n));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('groups by thousands', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(-1000)).toBe('-1,000');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1.5)).toBe('1.5');
  });
});
