import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/formats/parse-file.ts';
import { readGolden, readGoldenBody } from '../golden.ts';
import { parseAs, readEdgeCase, readSample, samplesOfMode } from './parse-as.ts';

function typecheck(text: string) {
  const { parsed, profile } = parseAs('typecheck', text);
  return { parsed, tc: profile };
}

describe('typecheck CSV', () => {
  it('reads the upstream golden: TOTAL 0.14 s, one function', () => {
    const { parsed, tc } = typecheck(readGoldenBody('typecheck.csv.golden'));
    expect(parsed.diagnostics).toEqual([]);
    expect(tc).toEqual({ format: 'typecheck', totalSeconds: 0.14, rows: [{ name: 'inner', seconds: 0.14 }] });
  });

  it('reads the golden with its # @generated header, and with CRLF + BOM', () => {
    expect(typecheck(readGolden('typecheck.csv.golden')).tc.totalSeconds).toBe(0.14);
    expect(typecheck(`\uFEFF${readGoldenBody('typecheck.csv.golden').replaceAll('\n', '\r\n')}`).tc.rows).toHaveLength(
      1,
    );
  });

  it('pitfall 3/5: pre-2022-07 bare TOTAL and names', () => {
    const { tc } = typecheck(readEdgeCase('typecheck-2022-unquoted.csv'));
    expect(tc.totalSeconds).toBe(0.21);
    expect(tc.rows.map((r) => r.name)).toEqual(['inner', 'assignment']);
  });

  it('skips a row whose time is not a number; no TOTAL row is a ParseError', () => {
    const { parsed, tc } = typecheck('Function,Time (s)\n"TOTAL",0.140\n"f",fast\n"g",0.140\n');
    expect(tc.rows.map((r) => r.name)).toEqual(['g']);
    expect(parsed.diagnostics[0]).toMatchObject({ line: 3, count: 1 });
    expect(parseText('profile.csv', 'Function,Time (s)\n"g",0.140\n').error?.message).toMatch(/no TOTAL row/);
  });

  it('reports a file cut short mid-row as truncated', () => {
    const { parsed, tc } = typecheck('Function,Time (s)\n"TOTAL",0.140\n"inner",0.140\n"oth');
    expect(tc.rows).toHaveLength(1);
    expect(parsed.truncated?.line).toBe(4);
  });

  it.each(samplesOfMode('typecheck'))('real sample %s: clean parse', (path) => {
    const { parsed, tc } = typecheck(readSample(path));
    expect(parsed.diagnostics).toEqual([]);
    expect(tc.totalSeconds).toBeGreaterThanOrEqual(0);
  });
});
