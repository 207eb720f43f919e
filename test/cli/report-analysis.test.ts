// `peakscope report --json samples`: findings for every cause at the right function and span,
// per-file peaks from the event logs, and peak figures that say what kind of bound they are.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAUSES } from '../../src/analysis/advisor.ts';
import type { AnalysisJson } from '../../src/cli/report-analysis.ts';
import { REPO_ROOT } from '../samples.ts';

const BIN = join(REPO_ROOT, 'bin', 'peakscope.js');
const SLOW = 60_000;

function report(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'report', ...args], { encoding: 'utf8', cwd: REPO_ROOT, env: { ...process.env, PEAKSCOPE_DEBUG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('peakscope report with sources', () => {
  it('lists each of the five causes at the right function and span, and per-file peaks', () => {
    // samples/edge-cases holds a deliberately unreadable log, so the exit code is 2; the document is still complete.
    const { stdout } = report('--json', 'samples');
    const json = JSON.parse(stdout) as AnalysisJson & { inputs: unknown[] };
    const found = json.findings.map((f) => `${f.cause} ${f.function} ${f.file}:${f.span} ${f.run}`);
    expect(found).toEqual(expect.arrayContaining([
      'loop-invariant-call defs.bzl.cxx_libraries defs.bzl:20:9-58 samples/loop-invariant-call/before',
      'huge-collection defs.bzl.sharded_test defs.bzl:5:5-84 samples/huge-collection/before',
      'materialize-then-process macros/defs.bzl.generated_libraries macros/defs.bzl:16:5-61 samples/materialize-then-process/before',
      'dict-view-in-loop defs.bzl.platform_variants defs.bzl:9:13-14:1 samples/dict-view-in-loop/before',
      'rare-case-allocation defs.bzl.checked_libraries defs.bzl:6:9-9:10 samples/rare-case-allocation/before',
    ]));
    expect(new Set(json.findings.map((f) => f.cause))).toEqual(new Set(CAUSES));
    expect(json.findings.every((f) => f.run.endsWith('/before'))).toBe(true);
    for (const f of json.findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(['cause', 'function', 'file', 'span', 'bytes', 'confidence', 'message']));

    const peaks = json.filePeaks.map((p) => p.moduleId);
    expect(peaks).toEqual(expect.arrayContaining(['root//libs/core:BUCK', 'root//loop-invariant-call/before:BUCK']));
    const search = json.filePeaks.find((p) => p.moduleId === 'root//services/search:BUCK')!;
    expect(search).toMatchObject({ packageId: 'root//services/search', cell: 'root', peakBytes: null, overLimit: true, limitBytes: 2 * 2 ** 30 });
    expect(Object.keys(search)).toEqual([
      'moduleId', 'packageId', 'cell', 'peakBytes', 'reportedBytes', 'percentOfLimit', 'targetCount', 'durationMicros', 'error', 'overLimit', 'loads', 'limitBytes',
    ]);

    const run = json.runs.find((r) => r.name === 'samples/loop-invariant-call/before')!;
    expect(run.figures.map((f) => f.kind)).toEqual(['best-estimate', 'upper-bound', 'measured']);
    expect(run.hotLoops[0]).toMatchObject({ span: '18:5-26:1', function: 'defs.bzl.cxx_libraries' });
    expect(json.notes.join(' ')).toContain('garbage collection off');
  }, SLOW);

  it('reads .bzl and BUCK files as sources, not as unknown profiles, and prints findings for people', () => {
    const { code, stdout } = report('samples/rare-case-allocation/before', 'samples/programs/rare-case-allocation/before');
    expect(code).toBe(0);
    expect(stdout).not.toContain('not a profile peakscope knows');
    expect(stdout).toContain('[high] rare-case-allocation — 28.9 MiB in defs.bzl.checked_libraries');
    expect(stdout).toContain('at samples/programs/rare-case-allocation/before/defs.bzl:6\n');
    expect(stdout).toContain('guide: https://buck2.build/docs/users/faq/starlark_peak_mem/#allocating-for-rare-cases');
    expect(stdout).toContain('note: Heap profiles are recorded with garbage collection off');
  }, SLOW);

  it('gates per-file peaks with --max-peak', () => {
    const over = report('--max-peak', '20MiB', 'samples/event-logs/causes.json-lines');
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('root//loop-invariant-call/before:BUCK');
    expect(report('--max-peak', '64MiB', 'samples/event-logs/causes.json-lines').code).toBe(0);
  }, SLOW);
});
