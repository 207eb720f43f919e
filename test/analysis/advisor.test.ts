import { describe, expect, it } from 'vitest';
import {
  CAUSES,
  GUIDE_LINKS,
  advise,
  groupRuns,
  isStarlarkSourcePath,
  type Cause,
  type Finding,
} from '../../src/analysis/advisor.ts';
import { loadSampleFolders, sampleRun, spanText } from './fixtures.ts';

function summary(findings: Finding[]): string[] {
  return findings.map((f) => `${f.cause} ${f.function} ${f.file}:${spanText(f.span)} ${f.confidence}`);
}

/** Where each "before" sample's culprit is (samples/programs/<cause>/before; the guide's five causes have one each). */
const EXPECTED: Partial<Record<Cause, string[]>> = {
  'loop-invariant-call': ['loop-invariant-call defs.bzl.cxx_libraries defs.bzl:20:9-58 high'],
  'huge-collection': [
    'huge-collection defs.bzl.sharded_test defs.bzl:5:5-84 high',
    'huge-collection defs.bzl.sharded_test defs.bzl:7:5-47 high',
  ],
  'materialize-then-process': [
    'materialize-then-process macros/defs.bzl.generated_libraries macros/defs.bzl:16:5-61 high',
  ],
  'dict-view-in-loop': ['dict-view-in-loop defs.bzl.platform_variants defs.bzl:9:13-14:1 high'],
  'rare-case-allocation': ['rare-case-allocation defs.bzl.checked_libraries defs.bzl:6:9-9:10 high'],
};

const SAMPLED = CAUSES.filter((c) => EXPECTED[c] !== undefined);

describe('advisor on the real samples', () => {
  it.each(SAMPLED)('%s: the "before" run gets exactly its finding, at the right function and span', (cause) => {
    const findings = advise(sampleRun(cause, 'before').input);
    expect(summary(findings)).toEqual(EXPECTED[cause]);
    for (const f of findings) {
      expect(f.guide).toBe(GUIDE_LINKS[cause]);
      expect(f.bytes).toBeGreaterThan(1024 * 1024);
      expect(f.evidence.length).toBeGreaterThanOrEqual(2);
      expect(f.sourcePath).toContain(`programs/${cause}/before/`);
    }
  });

  it.each(SAMPLED)('%s: the "after" run is free of every rule', (cause) => {
    expect(summary(advise(sampleRun(cause, 'after').input))).toEqual([]);
  });

  it('gives no finding on the monorepo (plain macros, nothing that dominates)', () => {
    const { sets } = loadSampleFolders('monorepo');
    const { sources } = loadSampleFolders('programs');
    const runs = groupRuns(sets, sources);
    expect(runs.find((r) => r.name === 'samples/monorepo')!.input.sources.map((s) => s.path)).toContain(
      'samples/programs/monorepo/build_defs/cxx.bzl',
    );
    for (const run of runs) expect(summary(advise(run.input))).toEqual([]);
  });

  it('says why: evidence names the call, the loop, the counts and the bytes', () => {
    const [finding] = advise(sampleRun('loop-invariant-call', 'before').input);
    const text = finding!.evidence.join('\n');
    expect(text).toContain('platform_flag_table(PLATFORMS, opt_level)');
    expect(text).toContain('for name in names');
    expect(text).toMatch(/Count \d+/);
    expect(finding!.functionSpan && spanText(finding!.functionSpan)).toBe('17:1-26:1');
    expect(finding!.loopSpan && spanText(finding!.loopSpan)).toBe('18:5-26:1');
  });

  it('is less sure with less data, and silent without sources', () => {
    const run = sampleRun('dict-view-in-loop', 'before');
    expect(advise({ ...run.input, statement: null })[0]).toMatchObject({
      cause: 'dict-view-in-loop',
      confidence: 'medium',
    });
    expect(advise({ ...run.input, statement: null, heapFlame: null, summary: null })[0]!.confidence).toBe('low');
    expect(advise({ ...run.input, sources: [] })).toEqual([]);
  });

  it('falls back to the heap summary when there is no heap flame', () => {
    const run = sampleRun('rare-case-allocation', 'before');
    expect(run.input.summary).not.toBeNull();
    expect(summary(advise({ ...run.input, heapFlame: null }))).toEqual(EXPECTED['rare-case-allocation']);
  });

  it('treats build files and .bzl files as sources', () => {
    expect(['a/BUCK', 'BUCK.v2', 'x/TARGETS', 'defs.bzl', 'test.star'].every(isStarlarkSourcePath)).toBe(true);
    expect(['profile.csv', 'flame.src', 'BUCK.txt', 'targets.txt'].some(isStarlarkSourcePath)).toBe(false);
  });
});
