import { describe, expect, it } from 'vitest';
import { readGolden, readGoldenBody } from '../golden.ts';
import { parseAs, readEdgeCase, readSample, samplesOfMode } from './parse-as.ts';

function pairs(text: string) {
  const { parsed, profile } = parseAs('bytecode-pairs', text);
  return { parsed, bp: profile };
}

describe('bytecode-pairs CSV', () => {
  it('reads the upstream golden: every pair row, no TOTAL row', () => {
    const body = readGoldenBody('bytecode_pairs.csv.golden');
    const { parsed, bp } = pairs(body);
    expect(parsed.diagnostics).toEqual([]);
    expect(bp.rows).toHaveLength(body.trimEnd().split('\n').length - 1);
    expect(bp.rows[0]).toEqual({ first: 'CallFrozenNativePos', second: 'Continue', count: 200, ratio: 0.269 });
    expect(bp.rows.at(-1)).toEqual({ first: 'Return', second: 'StoreModuleAndExport', count: 1, ratio: 0.001 });
  });

  it('reads the golden with its # @generated header, and with CRLF + BOM', () => {
    const plain = pairs(readGoldenBody('bytecode_pairs.csv.golden')).bp;
    expect(pairs(readGolden('bytecode_pairs.csv.golden')).bp).toEqual(plain);
    expect(pairs(`\uFEFF${readGoldenBody('bytecode_pairs.csv.golden').replaceAll('\n', '\r\n')}`).bp).toEqual(plain);
  });

  it('pitfall 3: pre-2022-07 bare opcodes and ratios', () => {
    const { bp } = pairs(readEdgeCase('bytecode-pairs-2022-unquoted.csv'));
    expect(bp.rows[1]).toEqual({ first: 'Continue', second: 'CallFrozenNativePos', count: 180, ratio: 0.242 });
  });

  it('skips a row with a wrong number of cells and reports a cut-short last row as truncated', () => {
    const { parsed, bp } = pairs(
      'Opcode[0],Opcode[1],Count,Count / Total\n"A","B",1\n"A","C",2,"0.500"\n"B","C",2,"0.5',
    );
    expect(bp.rows).toEqual([{ first: 'A', second: 'C', count: 2, ratio: 0.5 }]);
    expect(parsed.diagnostics[0]).toMatchObject({ line: 2, count: 1 });
    expect(parsed.truncated?.line).toBe(4);
  });

  it.each(samplesOfMode('bytecode-pairs'))('real sample %s: clean parse, ratios are count / sum', (path) => {
    const { parsed, bp } = pairs(readSample(path));
    expect(parsed.diagnostics).toEqual([]);
    const total = bp.rows.reduce((s, r) => s + r.count, 0);
    for (const r of bp.rows) expect(Math.abs(r.ratio! - r.count / total)).toBeLessThanOrEqual(0.0005 + 1e-9);
  });
});
