import { describe, expect, it } from 'vitest';
import { findColumns, headerSniff, readCount, readSeconds, TotalRow } from '../../src/formats/csv-table.ts';
import { DiagnosticSink, ParseError } from '../../src/formats/diagnostics.ts';

describe('CSV table helpers', () => {
  it('finds columns by name wherever they sit, optional ones -1 when absent', () => {
    const required = { opcode: 'Opcode', count: 'Count' };
    expect(findColumns('bytecode', ['Count / Total', 'Count', 'Opcode'], required, { ratio: 'Count / Total' })).toEqual(
      {
        columns: { opcode: 2, count: 1, ratio: 0 },
      },
    );
    expect(findColumns('bytecode', ['Opcode', 'Count'], required, { ratio: 'Count / Total' })).toEqual({
      columns: { opcode: 0, count: 1, ratio: -1 },
    });
  });

  it('names every absent required column, in the order the format lists them', () => {
    expect(findColumns('statement', ['Span', 'Extra'], { file: 'File', span: 'Span', count: 'Count' })).toEqual({
      problem: 'statement header without File, Count',
    });
  });

  it('reads integer and seconds cells strictly', () => {
    expect([readCount('244'), readCount('0')]).toEqual([244, 0]);
    for (const bad of ['', '-1', '1.0', '1e3', ' 1']) expect(readCount(bad), bad).toBeNaN();
    // Beyond 2^53 a count cannot be exact: a clear error, not a skipped row (issue 9).
    expect(() => readCount('99999999999999999999')).toThrow(/beyond 2\^53/);
    expect([readSeconds('0.378'), readSeconds('12345.678'), readSeconds('3')]).toEqual([0.378, 12345.678, 3]);
    for (const bad of ['', '-0.1', '.5', '1e-3', 'NaN', '0.1s']) expect(readSeconds(bad), bad).toBeNaN();
  });

  it('keeps the first TOTAL row, refuses a second, and calls a file without one incomplete', () => {
    const ctx = { file: 'profile.csv', diagnostics: new DiagnosticSink() };
    const total = new TotalRow<number>('TOTAL');
    expect(() => total.require(ctx)).toThrow(ParseError);
    expect(() => total.require(ctx)).toThrow(/no TOTAL row/);
    expect(total.take(745)).toBeNull();
    expect(total.take(1)).toBe('with a second TOTAL row');
    expect(total.require(ctx)).toBe(745);
  });

  it('sniffs by the first content line only', () => {
    const sniff = headerSniff('Function,Time (s)');
    expect(sniff({ lines: ['Function,Time (s)', '"TOTAL",0.140'] })).toBe(true);
    expect(sniff({ lines: ['"TOTAL",0.140', 'Function,Time (s)'] })).toBe(false);
    expect(sniff({ lines: [] })).toBe(false);
  });
});
