import { describe, expect, it } from 'vitest';
import { statementRowList } from '../../src/model/statement-rows.ts';
import { readGolden, readGoldenBody } from '../golden.ts';
import { parseAs, readSample, samplesOfMode } from './parse-as.ts';

function coverage(text: string) {
  const { parsed, profile } = parseAs('coverage', text);
  return { parsed, cov: profile };
}

describe('coverage', () => {
  it('reads the 14 spans of the upstream golden', () => {
    const { parsed, cov } = coverage(readGoldenBody('coverage.csv.golden'));
    expect(parsed.diagnostics).toEqual([]);
    expect(cov.spans).toHaveLength(14);
    expect(cov.spans[0]).toEqual({ file: 'test.star', span: { line: 2, column: 1, endLine: 9, endColumn: 1 } });
    expect(cov.spans[3]).toEqual({ file: 'test.star', span: { line: 7, column: 13, endLine: 7, endColumn: 19 } });
  });

  it('reads the golden with its # @generated header', () => {
    expect(coverage(readGolden('coverage.csv.golden')).cov.spans).toHaveLength(14);
  });

  it('pitfall 10: file names with colons and commas (not quoted: coverage is not CSV)', () => {
    const { cov } = coverage('cell//a:b,c.bzl:3:5-9:1\nC:\\x.bzl:4:1\n');
    expect(cov.spans.map((s) => s.file)).toEqual(['cell//a:b,c.bzl', 'C:\\x.bzl']);
  });

  it('pitfall 9: CRLF and a BOM', () => {
    const { cov } = coverage(`\uFEFF${readGoldenBody('coverage.csv.golden').replaceAll('\n', '\r\n')}`);
    expect(cov.spans).toHaveLength(14);
  });

  it('skips and counts a damaged line after the sniffing window', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `a.bzl:${i + 1}:1-5`);
    lines[35] = 'a.bzl:36:';
    const { parsed, cov } = coverage(`${lines.join('\n')}\n`);
    expect(cov.spans).toHaveLength(39);
    expect(parsed.diagnostics[0]).toMatchObject({ line: 36, count: 1 });
  });

  it('reports a file cut mid-line as truncated', () => {
    const body = readGoldenBody('coverage.csv.golden');
    const { parsed, cov } = coverage(body.slice(0, body.lastIndexOf('test.star:20:1-11') + 11));
    expect(cov.spans).toHaveLength(13);
    expect(parsed.truncated?.line).toBe(14);
  });

  const coverageSamples = samplesOfMode('coverage');

  it.each(coverageSamples)('real sample %s: clean parse, the same statements as the statement profile', (path) => {
    const { parsed, cov } = coverage(readSample(path));
    expect(parsed.diagnostics).toEqual([]);
    const statement = parseAs('statement', readSample(path.replace('/coverage/', '/statement/'))).profile;
    const key = (r: { file: string; span: { line: number; column: number; endLine: number; endColumn: number } }) =>
      `${r.file}:${r.span.line}:${r.span.column}-${r.span.endLine}:${r.span.endColumn}`;
    expect(new Set(cov.spans.map(key))).toEqual(new Set(statementRowList(statement.rows).map(key)));
  });
});
