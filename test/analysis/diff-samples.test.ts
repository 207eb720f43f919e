import { describe, expect, it } from 'vitest';
import { compareSets } from '../../src/analysis/diff-sets.ts';
import { peakDeltas } from '../../src/analysis/diff-profiles.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import type { EventLog } from '../../src/model/profile.ts';
import { CAUSES, sampleSet, splitCausesLog } from './diff-fixtures.ts';

function eventLog(text: string): EventLog {
  const parsed = parseText('log.json-lines', text);
  if (parsed.profile?.format !== 'event-log') throw new Error(`not an event log: ${parsed.error?.message}`);
  return parsed.profile;
}

describe.each(CAUSES)('the $name sample pair (real profiler output)', (cause) => {
  const comparison = compareSets(sampleSet(`${cause.name}/before`), sampleSet(`${cause.name}/after`));

  it('compares the allocated heap flames (never the retained ones) and the allocated summaries', () => {
    expect(comparison.heapFlame?.basePath).toBe(`${cause.name}/before/heap-allocated/flame.src`);
    expect(comparison.heapFlame?.targetPath).toBe(`${cause.name}/after/heap-allocated/flame.src`);
    expect(comparison.summary).not.toBeNull();
    expect(comparison.statements).not.toBeNull();
  });

  it('puts the whole drop inside the macro the fix changed', () => {
    const flame = comparison.heapFlame!;
    const total = flame.diff.target.total[0]! - flame.diff.base.total[0]!;
    expect(total).toBeLessThan(0);
    const byName = new Map(flame.functions.map((f) => [f.name, f]));
    expect(byName.get(cause.fixed)?.delta).toBe(total);
    expect(byName.get(cause.dropped)?.delta).toBe(total);
    // The biggest change after `module` (which holds everything) is the fixed code.
    expect(flame.functions.find((f) => f.name !== 'module')?.name).toBe(cause.fixed);
  });

  it(`shows the biggest drop in ${cause.type} bytes`, () => {
    const [top] = comparison.heapFlame!.types;
    expect(top?.name).toBe(cause.type);
    expect(top!.delta).toBeLessThan(0);
  });

  it('agrees with the heap summary CSVs on the self bytes of the function that dropped', () => {
    const summary = comparison.summary!;
    expect(summary.measures).toBe('bytes');
    expect(summary.totals.delta).toBeLessThan(0);
    const row = summary.functions.find((f) => f.name === cause.dropped)!;
    const flameRow = comparison.heapFlame!.functions.find((f) => f.name === cause.dropped)!;
    expect(row.delta).toBe(flameRow.targetSelf - flameRow.baseSelf);
  });
});

describe('per-file peaks of the causes event log, split into a before and an after log', () => {
  const { before, after } = splitCausesLog();
  const rows = peakDeltas(eventLog(before), eventLog(after));

  it('joins all five BUCK files and every peak went down', () => {
    expect(rows.map((r) => r.file).sort()).toEqual(CAUSES.map((c) => `root//${c.name}:BUCK`).sort());
    for (const r of rows) {
      expect(r.onlyIn).toBeNull();
      expect(r.delta, r.file).toBeLessThan(0);
      expect(r.overLimit).toBe(false);
    }
  });

  it('turned around, says which files grew and which would now exceed a 1 MiB limit', () => {
    const grown = peakDeltas(eventLog(after), eventLog(before), 2 ** 20);
    expect(grown.every((r) => r.delta! > 0)).toBe(true);
    const over = grown.filter((r) => r.nowOverLimit).map((r) => r.file);
    expect(over.length).toBeGreaterThan(0);
    expect(grown.slice(0, over.length).map((r) => r.file)).toEqual(over);
  });
});
