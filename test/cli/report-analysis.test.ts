// `peakscope report --json samples`: findings for every cause at the right function and span,
// per-file peaks from the event logs, and peak figures that say what kind of bound they are.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAUSES } from '../../src/analysis/advisor.ts';
import type { AnalysisJson } from '../../src/cli/report-analysis.ts';
import { REPO_ROOT } from '../samples.ts';

const BIN = join(REPO_ROOT, 'bin', 'peakscope.js');
const SLOW = 60_000;

type JsonReport = AnalysisJson & { inputs: { format: string; totals: unknown; peaks: unknown }[] };

function report(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'report', ...args], {
    encoding: 'utf8',
    cwd: REPO_ROOT,
    env: { ...process.env, PEAKSCOPE_DEBUG: '' },
    maxBuffer: 64 << 20,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('peakscope report with sources', () => {
  it(
    'lists each of the five causes at the right function and span, and per-file peaks',
    () => {
      // samples/edge-cases holds a deliberately unreadable log, so the exit code is 2; the document is still complete.
      const { stdout } = report('--json', 'samples');
      const json = JSON.parse(stdout) as AnalysisJson & { inputs: unknown[] };
      const found = json.findings.map((f) => `${f.cause} ${f.function} ${f.file}:${f.span} ${f.run}`);
      expect(found).toEqual(
        expect.arrayContaining([
          'loop-invariant-call defs.bzl.cxx_libraries defs.bzl:20:9-58 samples/loop-invariant-call/before',
          'huge-collection defs.bzl.sharded_test defs.bzl:5:5-84 samples/huge-collection/before',
          'materialize-then-process macros/defs.bzl.generated_libraries macros/defs.bzl:16:5-61 samples/materialize-then-process/before',
          'dict-view-in-loop defs.bzl.platform_variants defs.bzl:9:13-14:1 samples/dict-view-in-loop/before',
          'rare-case-allocation defs.bzl.checked_libraries defs.bzl:6:9-9:10 samples/rare-case-allocation/before',
        ]),
      );
      // samples/corpus/ has programs of its own (scored by test/corpus); samples/bazel and
      // samples/starlark-go have their causes too; of the guide's Buck2 programs, only the befores do.
      const guide = json.findings.filter(
        (f) => !f.run.startsWith('samples/corpus/') && !/^samples\/(bazel|starlark-go)$/.test(f.run),
      );
      // growth-by-copying is not one of the guide's five: its programs are in samples/corpus.
      expect(new Set(guide.map((f) => f.cause))).toEqual(new Set(CAUSES.filter((c) => c !== 'growth-by-copying')));
      expect(guide.every((f) => f.run.endsWith('/before'))).toBe(true);
      expect(
        json.findings
          .filter((f) => f.run.startsWith('samples/bazel'))
          .map((f) => f.function)
          .sort(),
      ).toEqual([
        'macros/defs.bzl.cxx_libraries',
        'macros/defs.bzl.cxx_libraries',
        'macros/defs.bzl.platform_variants',
      ]);
      for (const f of json.findings)
        expect(Object.keys(f)).toEqual(
          expect.arrayContaining(['cause', 'function', 'file', 'span', 'bytes', 'confidence', 'message']),
        );

      const peaks = json.filePeaks.map((p) => p.moduleId);
      expect(peaks).toEqual(expect.arrayContaining(['root//libs/core:BUCK', 'root//loop-invariant-call/before:BUCK']));
      const search = json.filePeaks.find((p) => p.moduleId === 'root//services/search:BUCK')!;
      expect(search).toMatchObject({
        packageId: 'root//services/search',
        cell: 'root',
        peakBytes: null,
        overLimit: true,
        limitBytes: 2 ** 20,
        percentOfLimit: 200,
      });
      expect(Object.keys(search)).toEqual([
        'moduleId',
        'packageId',
        'cell',
        'peakBytes',
        'reportedBytes',
        'percentOfLimit',
        'targetCount',
        'durationMicros',
        'error',
        'overLimit',
        'loads',
        'limitBytes',
      ]);

      const run = json.runs.find((r) => r.name === 'samples/loop-invariant-call/before')!;
      expect(run.figures.map((f) => f.kind)).toEqual(['best-estimate', 'upper-bound', 'measured']);
      // Hot loops come from the stack-led attribution, ranked by the bytes whose innermost loop they
      // are: the helper's inner loop makes the table, the macro's loop repeats the call.
      expect(run.hotLoops.slice(0, 2)).toMatchObject([
        {
          span: '9:9-15:1',
          function: 'defs.bzl.platform_flag_table',
          frames: ['defs.bzl.platform_flag_table'],
          kind: 'for',
        },
        { span: '18:5-26:1', function: 'defs.bzl.cxx_libraries' },
      ]);
      expect(run.hotLoops[0]!.bytes).toBeGreaterThan(0.9 * run.hotLoops[1]!.throughBytes);
      expect(run.hotCallSites.find((c) => c.callee === 'platform_flag_table')).toMatchObject({
        function: 'defs.bzl.cxx_libraries',
        span: '20:17-58',
        loop: 'defs.bzl:18:5-26:1',
      });
      expect(json.notes.join(' ')).toContain('garbage collection off');
    },
    SLOW,
  );

  it(
    'reads .bzl and BUCK files as sources, not as unknown profiles, and prints findings for people',
    () => {
      const { code, stdout } = report(
        'samples/rare-case-allocation/before',
        'samples/programs/rare-case-allocation/before',
      );
      expect(code).toBe(0);
      expect(stdout).not.toContain('not a profile peakscope knows');
      expect(stdout).toMatch(/\[high\] rare-case-allocation — [\d.]+ [KMG]iB in defs\.bzl\.checked_libraries/);
      expect(stdout).toContain('at samples/programs/rare-case-allocation/before/defs.bzl:6\n');
      expect(stdout).toContain(
        'guide: https://buck2.build/docs/users/faq/starlark_peak_mem/#allocating-for-rare-cases',
      );
      expect(stdout).toContain('note: Heap profiles are recorded with garbage collection off');
    },
    SLOW,
  );

  it(
    'names the top hot loops with bytes and file:line when no rule fires, and says sources are missing only when they are',
    () => {
      const withSources = report(
        'samples/corpus/clean-big-target-list',
        'samples/programs/corpus/clean-big-target-list',
      );
      expect(withSources.stdout).toContain(
        'findings: none (no rule of the guide fired); hot loops by attributed bytes:',
      );
      expect(withSources.stdout).toMatch(
        /MiB {2}samples\/programs\/corpus\/clean-big-target-list\/tests\.bzl:4 in tests\.bzl\.unit_tests:\s+`for module in modules`/,
      );
      const json = JSON.parse(
        report('--json', 'samples/corpus/clean-big-target-list', 'samples/programs/corpus/clean-big-target-list')
          .stdout,
      ) as AnalysisJson;
      expect(json.findings).toEqual([]);
      expect(json.runs[0]!.hotLoops[0]).toMatchObject({
        function: 'tests.bzl.unit_tests',
        file: 'tests.bzl',
        span: '4:5-12:1',
        frames: ['tests.bzl.unit_tests'],
      });
      expect(report('samples/corpus/clean-big-target-list').stdout).toContain(
        'findings: none (the rules need the .bzl/BUCK sources: give their folder too)',
      );
    },
    SLOW,
  );

  it(
    'gates per-file peaks with --max-peak',
    () => {
      const over = report('--max-peak', '20MiB', 'samples/event-logs/causes.json-lines');
      expect(over.code).toBe(1);
      expect(over.stderr).toContain('root//loop-invariant-call/before:BUCK');
      expect(report('--max-peak', '64MiB', 'samples/event-logs/causes.json-lines').code).toBe(0);
    },
    SLOW,
  );

  it(
    'reads a .pb.zst log to the same loads and totals as its JSON lines',
    () => {
      const pb = JSON.parse(
        report(
          '--json',
          'samples/buck-out/v2/log/20261125-100000_uquery_8e1b7c42-96d0-4f3a-b5e2-3c9a0f61d7b4_events.pb.zst',
        ).stdout,
      ) as JsonReport;
      const text = JSON.parse(report('--json', 'samples/event-logs/monorepo.json-lines').stdout) as JsonReport;
      expect(pb.inputs[0]!.format).toBe('event-log');
      expect(pb.inputs[0]!.totals).toEqual(text.inputs[0]!.totals);
      expect(pb.inputs[0]!.peaks).toEqual(text.inputs[0]!.peaks);
      expect(pb.filePeaks).toEqual(text.filePeaks);
      expect(pb.filePeaks).toHaveLength(6);
      for (const row of pb.filePeaks) {
        expect(row.moduleId).toMatch(/^root\/\/.+:BUCK$/);
        expect(row.cell).toBe('root');
        expect(row.durationMicros).toBeGreaterThan(0);
        if (row.error === null) expect(row.peakBytes! > 0 && row.targetCount! > 0).toBe(true);
      }
    },
    SLOW,
  );

  it(
    'flags a file over its own 1 KiB limit against that limit, in JSON and text',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'peakscope-limit-'));
      const error =
        'Error evaluating build file: `root//tiny:BUCK`: Starlark peak memory usage for root//tiny:BUCK is  81MiB which exceeds the limit 1.0KiB! Please reduce memory usage to prevent OOMs.';
      const log = [
        '{"command_line_args":["buck2","uquery","//tiny:"],"trace_id":"t"}',
        `{"Event":{"trace_id":"t","span_id":2,"parent_id":1,"data":{"SpanEnd":{"duration_us":900,"data":{"Load":{"module_id":"root//tiny:BUCK","cell":"root","error":${JSON.stringify(error)},"starlark_peak_allocated_bytes":null,"target_count":null}}}}}}`,
      ].join('\n');
      writeFileSync(join(dir, 'events.json-lines'), `${log}\n`);
      try {
        const json = JSON.parse(report('--json', dir).stdout) as JsonReport;
        expect(json.filePeaks[0]).toMatchObject({
          moduleId: 'root//tiny:BUCK',
          limitBytes: 1024,
          overLimit: true,
          reportedBytes: 81 * 2 ** 20,
        });
        expect(report(dir).stdout).toMatch(/failed, ~81 MiB +8294400% of 1 KiB +root\/\/tiny:BUCK/);
      } finally {
        rmSync(dir, { recursive: true });
      }
    },
    SLOW,
  );

  it(
    'reads a build file named by the log (TARGETS.fixture) as a source, not an unknown profile',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'peakscope-buildfile-'));
      const log = [
        '{"command_line_args":["buck2","uquery","//pkg:"],"trace_id":"t"}',
        '{"Event":{"trace_id":"t","span_id":2,"parent_id":1,"data":{"SpanEnd":{"duration_us":9,"data":{"Load":{"module_id":"root//pkg:TARGETS.fixture","cell":"root","error":null,"starlark_peak_allocated_bytes":64,"target_count":1}}}}}}',
      ].join('\n');
      writeFileSync(join(dir, 'events.json-lines'), `${log}\n`);
      mkdirSync(join(dir, 'pkg'));
      writeFileSync(join(dir, 'pkg', 'TARGETS.fixture'), 'x = [i for i in range(9)]\n');
      try {
        const r = report(dir);
        expect(r.code).toBe(0);
        expect(r.stdout).not.toContain('not a profile peakscope knows');
      } finally {
        rmSync(dir, { recursive: true });
      }
    },
    SLOW,
  );
});
