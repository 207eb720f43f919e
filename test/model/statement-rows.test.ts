// The statement rows builder fills blocks of columns and joins them once in finish(): rows must
// come out in push order, whole, in columns of exactly their length, across every block edge.
import { describe, expect, it } from 'vitest';
import { StatementRowsBuilder } from '../../src/model/statement-rows.ts';

describe('StatementRowsBuilder', () => {
  it.each([0, 1, 1023, 1024, 1025, 3072, 65_536 + 1024 * 63, 200_001])('%i rows come out in order', (n) => {
    const builder = new StatementRowsBuilder();
    const a = builder.fileId('a.bzl');
    const b = builder.fileId('b.bzl');
    for (let i = 0; i < n; i++) builder.push(i % 3 === 0 ? a : b, i + 1, i + 2, i + 3, i + 4, i / 8, i * 7);
    expect(builder.length).toBe(n);
    const rows = builder.finish();
    expect(rows.length).toBe(n);
    expect(rows.files).toEqual(['a.bzl', 'b.bzl']);
    for (const column of [rows.file, rows.line, rows.column, rows.endLine, rows.endColumn, rows.seconds, rows.count])
      expect(column.length).toBe(n);
    const wrong = [];
    for (let i = 0; i < n; i++) {
      const row = [
        rows.file[i],
        rows.line[i],
        rows.column[i],
        rows.endLine[i],
        rows.endColumn[i],
        rows.seconds[i],
        rows.count[i],
      ];
      const expected = [i % 3 === 0 ? a : b, i + 1, i + 2, i + 3, i + 4, i / 8, i * 7];
      if (row.some((v, k) => v !== expected[k])) wrong.push(i);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
