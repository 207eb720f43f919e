import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/formats/parse-file.ts';
import { readGolden, readGoldenBody } from '../golden.ts';
import { parseAs, readEdgeCase, readSample, samplesOfMode } from './parse-as.ts';

function bytecode(text: string) {
  const { parsed, profile } = parseAs('bytecode', text);
  return { parsed, bc: profile };
}

describe('bytecode CSV', () => {
  it('reads the upstream golden: TOTAL 745, every opcode with its quoted ratio', () => {
    const { parsed, bc } = bytecode(readGoldenBody('bytecode.csv.golden'));
    expect(parsed.diagnostics).toEqual([]);
    expect(bc.total).toBe(745);
    expect(bc.rows[0]).toEqual({ opcode: 'CallFrozenNativePos', count: 244, ratio: 0.328 });
    expect(bc.rows.reduce((s, r) => s + r.count, 0)).toBe(745);
    expect(bc.rows.some((r) => r.opcode === 'TOTAL')).toBe(false);
    expect(bc.rows.at(-1)).toEqual({ opcode: 'End', count: 0, ratio: 0 });
  });

  it('reads the golden with its # @generated header, and with CRLF + BOM', () => {
    expect(bytecode(readGolden('bytecode.csv.golden')).bc.total).toBe(745);
    const crlf = bytecode(`\uFEFF${readGoldenBody('bytecode.csv.golden').replaceAll('\n', '\r\n')}`).bc;
    expect(crlf).toEqual(bytecode(readGoldenBody('bytecode.csv.golden')).bc);
  });

  it('pitfall 3: "NaN" ratios (a zero total) become null', () => {
    const { bc } = bytecode(readEdgeCase('bytecode-empty-nan.csv'));
    expect(bc.total).toBe(0);
    expect(bc.rows.map((r) => r.ratio)).toEqual([null, null]);
  });

  it('pitfall 3: the 2022-05 shape with bare cells and extra time columns', () => {
    const { bc } = bytecode(readEdgeCase('bytecode-2022-time-columns.csv'));
    expect(bc.total).toBe(745);
    expect(bc.rows[0]).toEqual({ opcode: 'CallFrozenNativePos', count: 244, ratio: 0.328 });
    expect(bc.rows).toHaveLength(5);
  });

  it('reads a file from before the ratio column (2022-05-22) with null ratios', () => {
    const { bc } = bytecode('Opcode,Count\nTOTAL,3\nConst,3\n');
    expect(bc).toEqual({ format: 'bytecode', total: 3, rows: [{ opcode: 'Const', count: 3, ratio: null }] });
  });

  it('skips a row with a ratio that is not a number; no TOTAL row is a ParseError', () => {
    const { parsed, bc } = bytecode('Opcode,Count,Count / Total\n"TOTAL",3,"1.000"\n"Const",3,"x"\n');
    expect(bc.rows).toEqual([]);
    expect(parsed.diagnostics[0]).toMatchObject({ line: 3, count: 1 });
    expect(parseText('profile.csv', 'Opcode,Count,Count / Total\n"Const",3,"1.000"\n').error?.message).toMatch(
      /no TOTAL row/,
    );
  });

  it('reports a file cut inside the quoted ratio as truncated', () => {
    const body = readGoldenBody('bytecode.csv.golden');
    const { parsed, bc } = bytecode(body.slice(0, body.lastIndexOf('"0.000"') + 3));
    expect(bc.rows).toHaveLength(bc.rows.length);
    expect(parsed.truncated?.line).toBe(body.trimEnd().split('\n').length);
    expect(parsed.diagnostics).toEqual([]);
  });

  it.each(samplesOfMode('bytecode'))('real sample %s: clean parse, TOTAL is the sum of the counts', (path) => {
    const { parsed, bc } = bytecode(readSample(path));
    expect(parsed.diagnostics).toEqual([]);
    expect(bc.rows.reduce((s, r) => s + r.count, 0)).toBe(bc.total);
    for (const r of bc.rows) expect(Math.abs(r.ratio! - r.count / bc.total)).toBeLessThanOrEqual(0.0005 + 1e-9);
  });
});
