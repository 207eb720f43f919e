import { describe, expect, it } from 'vitest';
import { computeFunctionTable } from '../../src/analysis/function-table.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import { compareCells, sortRows, tableSnapshot, type Column } from '../../src/views/data-table.ts';
import { functionTableSnapshot } from '../../src/views/export-tables.ts';
import { sampleHeapFlame } from '../samples.ts';

interface Row {
  name: string;
  bytes: number | null;
}
const columns: Column<Row>[] = [
  { key: 'name', label: 'Name', title: '', value: (r) => r.name },
  { key: 'bytes', label: 'Bytes', title: '', value: (r) => r.bytes, format: (v) => `${v} B` },
];
const rows: Row[] = [
  { name: 'b', bytes: 2 },
  { name: 'a', bytes: null },
  { name: 'c', bytes: 2 },
  { name: 'd', bytes: 10 },
];

describe('data table', () => {
  it('sorts numbers by value with nulls last either way, keeping ties in their order', () => {
    expect(sortRows(rows, columns, { key: 'bytes', descending: true }).map((r) => r.name)).toEqual([
      'd',
      'b',
      'c',
      'a',
    ]);
    expect(sortRows(rows, columns, { key: 'bytes', descending: false }).map((r) => r.name)).toEqual([
      'b',
      'c',
      'd',
      'a',
    ]);
    expect(sortRows(rows, columns, { key: 'name', descending: false }).map((r) => r.name)).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
    expect([compareCells(null, 1, true), compareCells(1, null, false), compareCells('x', 'x', true)]).toEqual([
      1, -1, 0,
    ]);
  });

  it('snapshots raw values for CSV and shown text for the HTML snapshot', () => {
    const snap = tableSnapshot('cap', rows.slice(0, 2), columns);
    expect(snap).toEqual({
      caption: 'cap',
      header: ['Name', 'Bytes'],
      values: [
        ['b', 2],
        ['a', null],
      ],
      text: [
        ['b', '2 B'],
        ['a', '—'],
      ],
      numeric: [false, true],
    });
  });

  it('exports the top functions of a real heap flame in the table’s order, with units in the header', () => {
    const p = parseText('flame.src', sampleHeapFlame()).profile;
    if (p?.format !== 'heap-flame') throw new Error('not a heap flame');
    const snap = functionTableSnapshot(computeFunctionTable(p.tree), 'bytes');
    expect(snap.header).toEqual([
      'Function',
      'Self (bytes)',
      'Total (bytes)',
      'Allocations',
      'Calls it made',
      'Top caller',
    ]);
    expect(snap.values).toEqual([
      ['module', 9848, 33206648, null, null, '(top level)'],
      ['defs.bzl.cxx_libraries', 73600, 33196800, null, null, 'module'],
      ['defs.bzl.platform_flag_table', 33123200, 33123200, null, null, 'defs.bzl.cxx_libraries'],
    ]);
    expect(functionTableSnapshot(computeFunctionTable(p.tree), 'bytes', 2).caption).toBe('Top 2 of 3 functions');
  });
});
