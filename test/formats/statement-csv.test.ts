import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/formats/parse-file.ts';
import { statementRowList } from '../../src/model/statement-rows.ts';
import { readGolden, readGoldenBody } from '../golden.ts';
import { parseAs, readEdgeCase, readSample, samplesOfMode } from './parse-as.ts';

/** The profile with its rows as objects (the parser keeps them as columns). */
function statements(text: string) {
  const { parsed, profile } = parseAs('statement', text);
  return { parsed, stmt: { ...profile, rows: statementRowList(profile.rows) } };
}

describe('statement CSV', () => {
  it('reads the upstream golden: TOTAL 3.864 s / 552, 14 statements, three span shapes', () => {
    const { parsed, stmt } = statements(readGoldenBody('statement.csv.golden'));
    expect(parsed.diagnostics).toEqual([]);
    expect(stmt.totalSeconds).toBe(3.864);
    expect(stmt.totalCount).toBe(552);
    expect(stmt.rows).toHaveLength(14);
    expect(stmt.rows[0]).toEqual({
      file: 'test.star',
      span: { line: 7, column: 13, endLine: 7, endColumn: 19 },
      seconds: 2.8,
      count: 400,
    });
    expect(stmt.rows[1]!.span).toEqual({ line: 3, column: 5, endLine: 9, endColumn: 1 });
    expect(stmt.rows.some((r) => r.file === 'TOTAL')).toBe(false);
  });

  it('reads the golden with its # @generated header', () => {
    expect(statements(readGolden('statement.csv.golden')).stmt).toEqual(
      statements(readGoldenBody('statement.csv.golden')).stmt,
    );
  });

  it('pitfall 10: Count is timing segments, kept as written (7:13-19 shows 400 for 200 noop() calls)', () => {
    const { stmt } = statements(readGoldenBody('statement.csv.golden'));
    expect(stmt.rows.find((r) => r.span.line === 7)!.count).toBe(400);
    expect(stmt.rows.reduce((s, r) => s + r.count, 0)).toBe(stmt.totalCount);
  });

  it('pitfall 3: pre-2022-07 bare spans read the same as quoted ones', () => {
    const bare = statements(readEdgeCase('statement-2022-unquoted-spans.csv')).stmt;
    expect(bare).toEqual(statements(readGoldenBody('statement.csv.golden')).stmt);
  });

  it('pitfall 5: the pre-2021-10 bare TOTAL row with an empty span cell, and an empty L:C span', () => {
    const { parsed, stmt } = statements(readEdgeCase('statement-2021-bare-total.csv'));
    expect(parsed.diagnostics).toEqual([]);
    expect(stmt).toMatchObject({ totalSeconds: 0.434, totalCount: 45 });
    expect(stmt.rows.at(-1)!.span).toEqual({ line: 20, column: 1, endLine: 20, endColumn: 1 });
  });

  it('pitfall 3/10: a quoted file name with `:` and `,` stays whole', () => {
    const { stmt } = statements('File,Span,Duration(s),Count\n"TOTAL","",0.500,3\n"cell//a:b,c.bzl","4:1-8",0.500,3\n');
    expect(stmt.rows[0]).toMatchObject({
      file: 'cell//a:b,c.bzl',
      span: { line: 4, column: 1, endLine: 4, endColumn: 8 },
    });
  });

  it('pitfall 3: a quoted file name with a newline inside is one record; line numbers stay right', () => {
    const text =
      'File,Span,Duration(s),Count\n"TOTAL","",0.500,3\n"odd\nname.bzl","4:1-8",0.200,1\n"b.bzl","x",0.300,2\n';
    const { parsed, stmt } = statements(text);
    expect(stmt.rows.map((r) => r.file)).toEqual(['odd\nname.bzl']);
    expect(parsed.diagnostics[0]).toMatchObject({ line: 5, count: 1 });
    expect(parsed.diagnostics[0]!.message).toMatch(/span that is not/);
  });

  it('pitfall 9: CRLF and a BOM', () => {
    const { stmt } = statements(`\uFEFF${readGoldenBody('statement.csv.golden').replaceAll('\n', '\r\n')}`);
    expect(stmt.rows).toHaveLength(14);
    expect(stmt.totalSeconds).toBe(3.864);
  });

  it('skips and counts broken rows; a file without its TOTAL row is a ParseError', () => {
    const { parsed, stmt } = statements(
      'File,Span,Duration(s),Count\n"TOTAL","",0.500,3\n"a.bzl","1:1-4",0.200\n"a.bzl","1:1-4",abc,1\n"a.bzl","2:1-4",0.300,2\n',
    );
    expect(stmt.rows).toHaveLength(1);
    // The two skipped rows, then: the rows left no longer add up to TOTAL.
    expect(parsed.diagnostics.map((d) => d.line)).toEqual([3, 4, 0]);
    const noTotal = parseText('profile.csv', 'File,Span,Duration(s),Count\n"a.bzl","1:1-4",0.200,1\n');
    expect(noTotal.profile).toBeNull();
    expect(noTotal.error?.message).toMatch(/no TOTAL row/);
  });

  it('reports a file cut short mid-row as truncated', () => {
    const body = readGoldenBody('statement.csv.golden');
    const { parsed, stmt } = statements(body.slice(0, body.indexOf('"test.star","9:1-16:1"') + 25));
    expect(stmt.rows).toHaveLength(13);
    expect(parsed.truncated?.line).toBe(16);
    expect(parsed.diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining("counts add up to 550, not the TOTAL row's 552"),
    ]);
  });

  const statementSamples = samplesOfMode('statement');

  it('finds the real statement samples', () => {
    expect(statementSamples.length).toBeGreaterThanOrEqual(11);
  });

  it.each(statementSamples)('real sample %s: clean parse, TOTAL count is the sum, seconds within rounding', (path) => {
    const { parsed, stmt } = statements(readSample(path));
    expect(parsed.diagnostics).toEqual([]);
    expect(stmt.rows.reduce((s, r) => s + r.count, 0)).toBe(stmt.totalCount);
    const seconds = stmt.rows.reduce((s, r) => s + r.seconds, 0);
    // Each cell is rounded to 1 ms on its own (%.3f), so the sum may drift by 0.5 ms a row.
    expect(Math.abs(seconds - stmt.totalSeconds)).toBeLessThanOrEqual(0.0005 * (stmt.rows.length + 1) + 1e-9);
  });

  it('pitfall 8: the empty statement profile (header and a zero TOTAL row) has no rows', () => {
    const { stmt } = statements('File,Span,Duration(s),Count\n"TOTAL","",0.000,0\n');
    expect(stmt).toEqual({ format: 'statement', totalSeconds: 0, totalCount: 0, rows: [] });
  });

  it('pitfall 9: non-ASCII file names', () => {
    const { parsed, stmt } = statements(
      'File,Span,Duration(s),Count\n"TOTAL","",0.500,3\n"données/ä.bzl","4:1-8",0.500,3\n',
    );
    expect(stmt.rows[0]!.file).toBe('données/ä.bzl');
    expect(parsed.truncated).toBeNull();
  });

  it('a last row without a newline was cut short: ignored, said, and the TOTAL row no longer adds up', () => {
    const { parsed, stmt } = statements(
      'File,Span,Duration(s),Count\n"TOTAL","",0.500,5\n"a.bzl","4:1-8",0.400,3\n"b.bzl","5:1-8",0.100,2',
    );
    expect(stmt.rows.map((r) => r.count)).toEqual([3]);
    expect(parsed.truncated?.message).toContain('ends mid-line at line 4');
    expect(parsed.diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining('counts add up to 3, not the TOTAL row'),
    ]);
  });

  it('rows that do not add up to the TOTAL row are said (rows missing)', () => {
    const { parsed } = statements('File,Span,Duration(s),Count\n"TOTAL","",0.500,9\n"a.bzl","4:1-8",0.400,3\n');
    expect(parsed.truncated).toBeNull();
    expect(parsed.diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining('counts add up to 3, not the TOTAL row'),
    ]);
  });

  it('reads the GC pseudo statement whose file is a Rust source path', () => {
    const { stmt } = statements(
      'File,Span,Duration(s),Count\n"TOTAL","",0.500,3\n"starlark/src/eval/runtime/evaluator.rs","512:17-60",0.500,3\n',
    );
    expect(stmt.rows[0]!.file).toBe('starlark/src/eval/runtime/evaluator.rs');
  });
});
