import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeTypeTable } from '../../src/analysis/type-table.ts';
import { CallTreeBuilder } from '../../src/model/call-tree.ts';
import type { HeapFlame, HeapSummary } from '../../src/model/profile.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import { sampleHeapFlame, sampleHeapSummary, SAMPLES_DIR } from '../samples.ts';

function parseAs<P extends HeapFlame | HeapSummary>(format: P['format'], name: string, text: string): P {
  const p = parseText(name, text).profile;
  if (p?.format !== format) throw new Error(`${name} is not a ${format}`);
  return p as P;
}

const sample = (...parts: string[]) => readFileSync(join(SAMPLES_DIR, ...parts), 'utf8');

describe('computeTypeTable', () => {
  const flame = parseAs<HeapFlame>('heap-flame', 'flame.src', sampleHeapFlame());
  const summary = parseAs<HeapSummary>('heap-summary', 'profile.csv', sampleHeapSummary());

  it('joins flame bytes with summary counts on a real allocated run', () => {
    const table = computeTypeTable(flame.tree, summary);
    expect(table.totalBytes).toBe(33206672);
    expect(table.totalCount).toBe(841208);
    const pft = 'defs.bzl.platform_flag_table';
    expect(
      table.rows.map((r) => [r.type, r.bytes, r.count, r.bytesPerValue, r.topFunction, r.topFunctionBytes, r.stacks]),
    ).toEqual([
      ['string', 20460000, 600400, 20460000 / 600400, pft, 20448000, 3],
      ['dict', 6012800, 400, 6012800 / 400, pft, 5955200, 2],
      ['array', 4810632, 120207, 4810632 / 120207, pft, 4800000, 3],
      ['list', 1923216, 120201, 1923216 / 120201, pft, 1920000, 3],
      // Root-level allocations are in the flame but not in the CSV (docs/formats.md §2.2).
      ['range', 24, 0, null, '', 24, 1],
    ]);
    expect(table.rows[0]!.share).toBeCloseTo(20460000 / 33206672, 12);
    expect(table.rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
  });

  it('has no counts without a summary', () => {
    const table = computeTypeTable(flame.tree);
    expect(table.totalCount).toBeNull();
    expect(table.rows.every((r) => r.count === null && r.bytesPerValue === null)).toBe(true);
  });

  it('lists a type the summary counts but the flame has no bytes for', () => {
    const b = new CallTreeBuilder('bytes');
    b.addStack(['module'], 'list', 16);
    const only = { ...summary, typeNames: ['list', 'string'], totals: { ...summary.totals, typeCounts: [2, 5] } };
    expect(computeTypeTable(b.build(), only).rows.map((r) => [r.type, r.bytes, r.count])).toEqual([
      ['list', 16, 2],
      ['string', 0, 5],
    ]);
  });

  it('matches the summary counts and the flame bytes of a real monorepo heap-allocated run', () => {
    const realFlame = parseAs<HeapFlame>('heap-flame', 'flame.src', sample('monorepo', 'heap-allocated', 'flame.src'));
    const realSummary = parseAs<HeapSummary>(
      'heap-summary',
      'profile.csv',
      sample('monorepo', 'heap-allocated', 'profile.csv'),
    );
    const table = computeTypeTable(realFlame.tree, realSummary);
    expect(table.totalBytes).toBe(realFlame.tree.total[0]);
    const counted = table.rows.reduce((s, r) => s + (r.count ?? 0), 0);
    expect(counted).toBe(realSummary.totals.allocs);
    for (const [i, type] of realSummary.typeNames.entries()) {
      expect(table.rows.find((r) => r.type === type)?.count).toBe(realSummary.totals.typeCounts[i]);
    }
    expect(table.rows[0]!.bytes).toBeGreaterThanOrEqual(table.rows[1]!.bytes);
  });
});
