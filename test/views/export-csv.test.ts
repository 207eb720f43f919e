import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/views/export-csv.ts';

/** Parses CSV; the line end after the last row leaves one empty record, which is dropped. */
const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/\r\n$/, ''), { newline: '\r\n' }).data;

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain.bzl.f')).toBe('plain.bzl.f');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const hostile of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx'])
      expect(csvCell(hostile).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('also behind leading blanks and as fullwidth signs, which spreadsheets trim and fold (issue 17)', () => {
    for (const hostile of [
      ' =1+1',
      '\u00a0=cmd|x',
      '\u3000+1',
      '\u200b@x',
      '＝1+1',
      '＋A1',
      '－2',
      '＠SUM(A1)',
      ' \u00a0 -3',
      '\n=1',
    ]) {
      expect(csvCell(hostile).replace(/^"/, ''), JSON.stringify(hostile)).toMatch(/^'/);
    }
    expect(csvCell(' a=b')).toBe(' a=b');
    expect(csvCell('x－y')).toBe('x－y');
  });

  it('writes numbers plainly (negative ones too) and null as empty', () => {
    expect(
      toCsv(
        ['n', 'x'],
        [
          [-5, null],
          [1.5, 'ok'],
        ],
      ),
    ).toBe('n,x\r\n-5,\r\n1.5,ok\r\n');
  });

  it('round-trips any text through an RFC 4180 parser (papaparse), formula cells with their leading quote', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 12 }), { minLength: 2, maxLength: 2 }), { maxLength: 8 }),
        (rows) => {
          const csv = toCsv(['a', 'b'], rows);
          const expected = rows.map((r) => r.map((c) => (/^[\t\r]|^\s*[=+\-@＝＋－＠]/.test(c) ? `'${c}` : c)));
          const data = parse(csv);
          expect(data[0]).toEqual(['a', 'b']);
          expect(data.slice(1)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
