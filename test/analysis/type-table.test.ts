import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeTypeTable } from '../../src/analysis/type-table.ts';
import { CallTreeBuilder } from '../../src/model/call-tree.ts';
import type { HeapFlame, HeapSummary } from '../../src/model/profile.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import { readGoldenBody, SAMPLES_DIR } from '../golden.ts';

function parseAs<P extends HeapFlame | HeapSummary>(format: P['format'], name: string, text: string): P {
  const p = parseText(name, text).profile;
  if (p?.format !== format) throw new Error(`${name} is not a ${format}`);
  return p as P;
}

const sample = (...parts: string[]) => readFileSync(join(SAMPLES_DIR, ...parts), 'utf8');

describe('computeTypeTable', () => {
  const flame = parseAs<HeapFlame>('heap-flame', 'flame.src', readGoldenBody('heap_flame_allocated.flame.golden'));
  const summary = parseAs<HeapSummary>('heap-summary', 'profile.csv', readGoldenBody('heap_summary_allocated.csv.golden'));

  it('joins flame bytes with summary counts on the upstream allocated goldens', () => {
    const table = computeTypeTable(flame.tree, summary);
    expect(table.totalBytes).toBe(3032);
    expect(table.totalCount).toBe(378);
    expect(table.rows.map((r) => [r.type, r.bytes, r.count, r.bytesPerValue, r.topFunction, r.topFunctionBytes, r.stacks])).toEqual([
      ['dict', 1952, 244, 8, 'test.star.inner', 1760, 2],
      ['array', 480, 60, 8, 'test.star.test', 480, 1],
      ['list', 384, 48, 8, 'test.star.test', 384, 1],
      ['tuple', 192, 24, 8, 'test.star.test', 192, 1],
      ['function', 16, 2, 8, 'module', 16, 1],
      // Root-level allocations are in the flame but not in the CSV (docs/formats.md §2.2).
      ['range', 8, 0, null, '', 8, 1],
    ]);
    expect(table.rows[0]!.share).toBeCloseTo(1952 / 3032, 12);
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
    const realSummary = parseAs<HeapSummary>('heap-summary', 'profile.csv', sample('monorepo', 'heap-allocated', 'profile.csv'));
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
