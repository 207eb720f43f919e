import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeTotals } from '../../src/analysis/totals.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import type { HeapSummary, ParsedFile } from '../../src/model/profile.ts';
import { allocationWeights, assembleSets } from '../../src/worker/assemble.ts';
import { sampleHeapFlame, sampleHeapSummary, SAMPLES_DIR } from '../samples.ts';

function sample(path: string): ParsedFile {
  return parseText(path, readFileSync(join(SAMPLES_DIR, path), 'utf8'));
}

const BEFORE = 'loop-invariant-call/before';
const beforeFiles = () =>
  [
    'heap-allocated/flame.src',
    'heap-allocated/profile.csv',
    'heap-allocated/targets.txt',
    'heap-flame-retained/flame.src',
    'statement/profile.csv',
    'time-flame/flame.src',
  ].map((p) => sample(`${BEFORE}/${p}`));

describe('assembling sets in the worker', () => {
  it('puts the mode folders of one run into one set and picks each role', () => {
    const sets = assembleSets(beforeFiles());
    expect(sets.map((s) => s.name)).toEqual([BEFORE]);
    expect(sets[0]!.roles.roleOf).toEqual([
      'allocated-flame',
      'allocated-summary',
      'targets',
      'retained-flame',
      'statement',
      'time-flame',
    ]);
    expect(sets[0]!.metrics.map((m) => [m.key, m.fileIndex])).toEqual([
      ['bytes', 0],
      ['retained', 3],
      ['allocs', 0],
      ['time', 5],
    ]);
  });

  it('weights bytes by the allocated flame, with the same total the report gives', () => {
    const [set] = assembleSets(beforeFiles());
    const bytes = set!.metrics.find((m) => m.metric === 'bytes')!;
    const flame = set!.files[bytes.fileIndex]!;
    expect(bytes.total[0]).toBe((computeTotals(flame.profile!) as { bytes: number }).bytes);
    expect(set!.functions!.rows.map((r) => r.name)).toEqual([
      'module',
      'defs.bzl.cxx_libraries',
      'defs.bzl.platform_flag_table',
    ]);
    expect(set!.functions!.rows[2]!.summary!.allocs).toBe(840200);
  });

  it('spreads summary allocation counts over stacks: the functions’ counts add up to the CSV’s', () => {
    const [set] = assembleSets(beforeFiles());
    const allocs = set!.metrics.find((m) => m.metric === 'allocs')!;
    const summary = set!.files[1]!.profile as HeapSummary;
    // Every type column of every function lands on a flame leaf of the same function.
    const typed = summary.functions.reduce((sum, r) => sum + r.typeCounts.reduce((a, b) => a + b, 0), 0);
    expect(allocs.total[0]).toBeCloseTo(typed, 6);
    expect(allocs.estimated).toBe(false);
  });

  it('joins a real summary and flame of one run exactly', () => {
    const flame = parseText('g/flame.src', sampleHeapFlame());
    const summary = parseText('g/profile.csv', sampleHeapSummary());
    if (flame.profile?.format !== 'heap-flame' || summary.profile?.format !== 'heap-summary')
      throw new Error('formats');
    const { total } = allocationWeights(flame.profile.tree, summary.profile);
    // 841,208 allocations in TOTALS; `range` (root level, 24 bytes in the flame) has none in the CSV.
    expect(total[0]).toBe(841208);
  });

  it('keeps a failed file beside the ones that loaded', () => {
    const broken = parseText('x/broken.csv', 'Function,Time(s),TimeRec(s),Calls\n"a",zz\n');
    const sets = assembleSets([broken, sample(`${BEFORE}/heap-allocated/flame.src`)]);
    const files = sets.flatMap((s) => s.files);
    expect(files).toHaveLength(2);
    expect(sets.find((s) => s.name === BEFORE)!.metrics.map((m) => m.metric)).toEqual(['bytes']);
  });
});
