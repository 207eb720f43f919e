import fc from 'fast-check';
import { statementRowList } from '../../src/model/statement-rows.ts';
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { splitPlainRecord } from '../../src/formats/csv-line-scan.ts';
import { csvLineParser, type CsvTable } from '../../src/formats/csv-records.ts';
import { DiagnosticSink, ParseError } from '../../src/formats/diagnostics.ts';
import { splitLines } from '../../src/formats/lines.ts';
import { parseChunks, parseText } from '../../src/formats/parse-file.ts';
import { formatSpan } from '../../src/formats/spans.ts';
import type { EmptyProfile } from '../../src/model/profile.ts';

/** A table that keeps what it is given; it refuses a `Broken` header and rows starting `bad`. */
function recordingTable() {
  const seen = { header: [] as string[], records: [] as (string | number)[][] };
  const table: CsvTable<EmptyProfile> = {
    header(cells) {
      seen.header = cells;
      return cells[0] === 'Broken' ? 'not this table' : null;
    },
    record(cells, line) {
      if (cells[0] === 'bad') return 'refused by the table';
      seen.records.push([line, ...cells]);
      return null;
    },
    finish: () => ({ format: 'empty', reason: 'no-content' }),
  };
  return { seen, table };
}

/** Feeds text line by line the way the driver does, and returns what the table saw. */
function read(text: string) {
  const { seen, table } = recordingTable();
  const diagnostics = new DiagnosticSink();
  const parser = csvLineParser({ file: 'x.csv', diagnostics }, table);
  splitLines(text).forEach((line, i) => parser.line(line, i + 1));
  parser.finish();
  return { header: seen.header, records: seen.records, diagnostics: diagnostics.list() };
}

describe('CSV records', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads the header and quoted cells with commas and doubled quotes', () => {
    const { header, records, diagnostics } = read('A,B / C,D[0]\n"x,y",1,"say ""hi"""\n');
    expect(header).toEqual(['A', 'B / C', 'D[0]']);
    expect(records).toEqual([[2, 'x,y', '1', 'say "hi"']]);
    expect(diagnostics).toEqual([]);
  });

  it('pitfall 3: joins a quoted cell over lines with \\n and keeps the first line number', () => {
    const { records } = read('A,B\n"one\r\ntwo\n\nthree",1\n"z",2\n');
    expect(records).toEqual([
      [2, 'one\ntwo\n\nthree', '1'],
      [6, 'z', '2'],
    ]);
  });

  it('pitfall 2: drops blank and # lines between records, never inside quotes', () => {
    const { records } = read('A,B\n\n# note\n"a\n# kept",1\n\n"b",2\n');
    expect(records).toEqual([
      [4, 'a\n# kept', '1'],
      [7, 'b', '2'],
    ]);
  });

  it('pitfall 3: reads pre-2022-07 unescaped quotes leniently and says so once', () => {
    const { records, diagnostics } = read('A,B,C\n"say "hi" now",1,2\n"a "b, c" d",3,4\n"ok",5,6\n');
    expect(records).toEqual([
      [2, 'say "hi" now', '1', '2'],
      [3, 'a "b, c" d', '3', '4'],
      [4, 'ok', '5', '6'],
    ]);
    expect(diagnostics).toEqual([{ line: 2, message: expect.stringMatching(/2 row\(s\) with unescaped quotes/) }]);
  });

  it('pitfall 3: an unescaped quote that leaves a cell open costs its own line only', () => {
    const { records, diagnostics } = read('A,B\n"say "hi"",1\n"b",2\n"c",3\n');
    expect(records).toEqual([
      [3, 'b', '2'],
      [4, 'c', '3'],
    ]);
    expect(diagnostics).toEqual([{ line: 2, count: 1, message: expect.stringMatching(/unterminated quoted cell/) }]);
  });

  it('a stray quote does not swallow the rest of the file', () => {
    const rows = Array.from({ length: 100 }, (_, i) => `x${i},${i}`);
    const { records, diagnostics } = read(`A,B\n"abc\n${rows.join('\n')}\n`);
    expect(records).toHaveLength(100);
    expect(records[99]).toEqual([102, 'x99', '99']);
    expect(diagnostics[0]).toMatchObject({ line: 2, count: 1 });
  });

  it('skips and counts records of the wrong width or with an empty last cell, once per reason', () => {
    const { records, diagnostics } = read('A,B\n"a",1\n"b"\n"c",2,3\n"d",\n"bad",4\n"e",5\n');
    expect(records.map((r) => r[1])).toEqual(['a', 'e']);
    expect(diagnostics.map((d) => [d.line, d.count])).toEqual([
      [3, 2],
      [5, 1],
      [6, 1],
    ]);
    expect(diagnostics[0]!.message).toMatch(/^ignored 2 lines with a wrong number of cells \(first at line 3: ""b""\)/);
  });

  it('keeps line numbers right across 256 KiB blocks (a 1 MiB file)', () => {
    const rows = Array.from({ length: 20000 }, (_, i) => `"${'f'.repeat(40)}/file${i}.bzl","${i + 1}:1-9",0.001,1`);
    rows[15000] = '"broken",1';
    const { records, diagnostics } = read(`File,Span,Duration(s),Count\n${rows.join('\n')}\n`);
    expect(records).toHaveLength(19999);
    expect(records[19998]![0]).toBe(20001);
    expect(records[19998]![2]).toBe('20000:1-9');
    expect(diagnostics).toEqual([expect.objectContaining({ line: 15002, count: 1 })]);
  });

  it('falls back to one record at a time when papaparse reads a block differently', () => {
    const real = Papa.parse.bind(Papa);
    let calls = 0;
    vi.spyOn(Papa, 'parse').mockImplementation(((input: string, config: Papa.ParseConfig) => {
      const result = real(input, config) as Papa.ParseResult<string[]>;
      // The block (the second call, after the header) comes back one row short.
      return ++calls === 2 ? { ...result, data: result.data.slice(1) } : result;
    }) as typeof Papa.parse);
    // Escaped quotes keep these records off the plain fast path, so papaparse reads them.
    const { records } = read('A,B\n"a""",1\n"b""",2\n');
    expect(records).toEqual([
      [2, 'a"', '1'],
      [3, 'b"', '2'],
    ]);
    expect(calls).toBe(4);
  });

  it('throws ParseError when the table refuses the header', () => {
    expect(() => read('Broken,B\n"a",1\n')).toThrow(ParseError);
  });

  /** starlark's quote_str_for_csv (csv.rs): wrap in quotes, double the quotes inside. */
  const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
  // Names with the characters that matter to CSV; `\r` is left out because line splitting
  // drops a `\r` before `\n` everywhere, inside quotes too.
  const nameChars = fc.constantFrom('a', 'Z', '/', '.', ':', ',', '"', '\n', ' ', '#', 'é', '1');
  const statementRow = fc.record({
    file: fc.string({ unit: nameChars, maxLength: 12 }),
    span: fc.record({ line: fc.integer({ min: 1, max: 999 }), column: fc.integer({ min: 1, max: 99 }) }),
    millis: fc.integer({ min: 0, max: 99_999 }),
    count: fc.integer({ min: 0, max: 1_000_000 }),
  });

  it('pitfall 3: any file name written the upstream way reads back unchanged (property)', () => {
    fc.assert(
      fc.property(fc.array(statementRow, { maxLength: 8 }), (rows) => {
        const lines = rows.map((r) => {
          const span = formatSpan({
            line: r.span.line,
            column: r.span.column,
            endLine: r.span.line,
            endColumn: r.span.column + 1,
          });
          return `${quote(r.file)},${quote(span)},${(r.millis / 1000).toFixed(3)},${r.count}`;
        });
        const total = rows.reduce((sum, r) => sum + r.count, 0);
        const text = ['File,Span,Duration(s),Count', `"TOTAL","",0.000,${total}`, ...lines].join('\n') + '\n';
        const parsed = parseText('profile.csv', text);
        expect(parsed.diagnostics).toEqual([]);
        expect(parsed.truncated).toBeNull();
        if (parsed.profile?.format !== 'statement') throw new Error(`got ${parsed.profile?.format}`);
        expect(
          statementRowList(parsed.profile.rows).map((r) => [r.file, r.span.line, r.seconds * 1000, r.count]),
        ).toEqual(rows.map((r) => [r.file, r.span.line, expect.closeTo(r.millis, 6), r.count]));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws anything but a reported ParseError on damaged input (property)', () => {
    const junk = fc.string({
      unit: fc.constantFrom('"', ',', '\n', '\r', 'x', '1', '.', ':', '-', '#', ' '),
      maxLength: 80,
    });
    const header = fc.constantFrom(
      'Function,Time(s),TimeRec(s),Calls,Callers,TopCaller,TopCallerCount,Allocs,AllocBytes,dict\n"TOTALS",0.1,0.1,0,0,"",0,1,8,1\n',
      'File,Span,Duration(s),Count\n"TOTAL","",0.1,1\n',
      'Opcode,Count,Count / Total\n"TOTAL",1,"1.000"\n',
      'Opcode[0],Opcode[1],Count,Count / Total\n',
      'Function,Time (s)\n"TOTAL",0.1\n',
    );
    fc.assert(
      fc.property(header, junk, (head, tail) => {
        const parsed = parseText('profile.csv', head + tail);
        expect(parsed.profile !== null || parsed.error !== null).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('pitfall 11: a byte stream cut anywhere (inside quotes, CRLF, UTF-8) parses like the whole text', async () => {
    const text =
      '\uFEFFFile,Span,Duration(s),Count\r\n"TOTAL","",0.300,3\r\n"dé\r\n""x"",y.bzl","1:1-9",0.100,1\r\n"ä:b.bzl","2:1-3:1",0.200,2\r\n';
    const bytes = new TextEncoder().encode(text);
    const whole = parseText('profile.csv', text);
    expect(whole.profile?.format === 'statement' && statementRowList(whole.profile.rows).map((r) => r.file)).toEqual([
      'dé\n"x",y.bzl',
      'ä:b.bzl',
    ]);
    for (let size = 1; size <= 9; size++) {
      async function* chunks() {
        for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
      }
      const streamed = await parseChunks('profile.csv', bytes.length, chunks());
      expect({ ...streamed, size: whole.size }, `chunks of ${size}`).toEqual(whole);
    }
  });
});

describe('splitPlainRecord', () => {
  it('splits records whose cells are bare or wholly quoted, as papaparse would', () => {
    const lines = ['"a,b.bzl","7:13-19",2.800,400', 'x,,"",y', '"TOTAL","",3.864,552', '"a\nb",1'];
    for (const line of lines) {
      const cells = Papa.parse<string[]>(line, { delimiter: ',', newline: '\n', quoteChar: '"', escapeChar: '"' })
        .data[0]!;
      expect(splitPlainRecord(line, cells.length)).toEqual(cells);
    }
  });

  it('leaves escaped quotes, text after a closing quote, bare quotes and wrong widths to papaparse', () => {
    expect(splitPlainRecord('"a""b",1', 2)).toBeNull();
    expect(splitPlainRecord('"a" ,1', 2)).toBeNull();
    expect(splitPlainRecord('"a"b,1', 2)).toBeNull();
    expect(splitPlainRecord('a"b,1', 2)).toBeNull();
    expect(splitPlainRecord('"a,1', 2)).toBeNull();
    expect(splitPlainRecord('a,1', 3)).toBeNull();
  });
});
