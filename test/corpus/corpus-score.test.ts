// The culprit finder scored on our corpus (samples/programs/corpus.json): the thresholds of
// issue 13, and the statement-profile Count semantics its two minimal programs show.
import { existsSync, readFileSync } from 'node:fs';
import { statementRowList } from '../../src/model/statement-rows.ts';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPaths } from '../../src/cli/load-paths.ts';
import { spanLabel } from '../../src/analysis/rules/context.ts';
import type { StatementProfile } from '../../src/model/profile.ts';
import { renderTable, renderTotals } from '../../tools/corpus/score.ts';
import { readGroundTruth, scoreCorpus, thresholdFailures, totalsOf } from '../../tools/corpus/scoring.ts';
import { SAMPLES_DIR } from '../golden.ts';

const PROGRAMS = join(SAMPLES_DIR, 'programs');
const SLOW = 120_000;

/** Count of each statement row, keyed `file:span` as the profile prints it. */
async function statementCounts(program: string): Promise<Map<string, number>> {
  const [loaded] = await loadPaths([join(SAMPLES_DIR, 'corpus', program, 'statement')]);
  const profile = loaded!.files.map((f) => f.profile).find((p): p is StatementProfile => p?.format === 'statement')!;
  return new Map(statementRowList(profile.rows).map((r) => [`${r.file}:${spanLabel(r.span)}`, r.count]));
}

async function coveredSpans(program: string): Promise<string[]> {
  const [loaded] = await loadPaths([join(SAMPLES_DIR, 'corpus', program, 'coverage')]);
  const profile = loaded!.files.map((f) => f.profile).find((p) => p?.format === 'coverage');
  return profile?.format === 'coverage' ? profile.spans.map((s) => `${s.file}:${spanLabel(s.span)}`) : [];
}

describe('statement Count semantics (minimal programs of the corpus)', () => {
  it('counts 1 + the calls evaluated inside a statement, not its runs or elements', async () => {
    const counts = await statementCounts('count-calls-per-statement');
    // `names = [label(j) for j in range(60)]` runs 10 times: 10 x (1 + 60 calls of label).
    expect(counts.get('defs.bzl:9:9-46')).toBe(610);
    // `return "x{}".format(i)` inside label: 600 calls, 1 each.
    expect(counts.get('defs.bzl:4:5-27')).toBe(600);
    // `total += len(names)`: 10 runs, len() adds nothing.
    expect(counts.get('defs.bzl:10:9-28')).toBe(10);
    // `zeros = [0] * 230000`: one run, 230,000 elements, no call.
    expect(counts.get('defs.bzl:11:5-25')).toBe(1);
    // The `for` statement itself: 2, for a loop of 10 passes.
    expect(counts.get('defs.bzl:8:5-11:1')).toBe(2);
  });

  it('counts a never-taken `if …: <call>` that ends a for body once per iteration', async () => {
    const counts = await statementCounts('branch-after-call-quirk');
    // fail(...) at the end of the loop body never runs, yet is counted 50 times (once per name)...
    expect(counts.get('defs.bzl:8:13-38')).toBe(50);
    expect(await coveredSpans('branch-after-call-quirk')).toContain('defs.bzl:8:13-38');
    // ...while the same fail(...) followed by another statement is, correctly, absent.
    expect(counts.has('defs.bzl:14:13-38')).toBe(false);
    expect(await coveredSpans('branch-after-call-quirk')).not.toContain('defs.bzl:14:13-38');
  });
});

describe('the corpus ground truth', () => {
  it('names places that exist: each culprit function is a def of its file (a lambda, or the BUCK top level), each line holds code', () => {
    for (const program of readGroundTruth(join(PROGRAMS, 'corpus.json')).programs) {
      expect(
        existsSync(join(SAMPLES_DIR, program.program, 'statement')),
        `${program.program} has generated profiles`,
      ).toBe(true);
      for (const place of program.culprit ?? []) {
        const lines = readFileSync(join(PROGRAMS, program.program, place.file), 'utf8').split('\n');
        const def = place.function.slice(place.file.length + 1);
        // The profiler names every lambda of a file `file.lambda`.
        if (place.function !== 'module')
          expect(
            lines.some((l) => (def === 'lambda' ? /\blambda\b/.test(l) : l.startsWith(`def ${def}(`))),
            `${program.program}: ${place.function}`,
          ).toBe(true);
        for (const line of place.lines)
          expect(lines[line - 1]?.trim(), `${program.program}: ${place.file}:${line}`).toBeTruthy();
      }
    }
  });
});

describe('the culprit finder on the corpus', () => {
  it(
    'meets the thresholds of issue 13',
    async () => {
      const truth = readGroundTruth(join(PROGRAMS, 'corpus.json'));
      const scores = await scoreCorpus(truth, PROGRAMS, SAMPLES_DIR);
      const totals = totalsOf(scores);
      console.log(`${renderTable(scores)}\n\n${renderTotals(totals)}`);
      // Broad enough to mean something: every cause in at least five programs, six clean, five others.
      for (const cause of [
        'loop-invariant-call',
        'huge-collection',
        'materialize-then-process',
        'dict-view-in-loop',
        'rare-case-allocation',
      ]) {
        expect(
          truth.programs.filter((p) => p.kind === 'cause' && p.cause === cause).length,
          cause,
        ).toBeGreaterThanOrEqual(5);
      }
      expect(totals.cleanPrograms).toBeGreaterThanOrEqual(6);
      expect(totals.otherPrograms).toBeGreaterThanOrEqual(5);
      expect(thresholdFailures(totals)).toEqual([]);
    },
    SLOW,
  );
});
