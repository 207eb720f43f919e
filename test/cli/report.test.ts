// Runs the real CLI as a child process, the way users and scripts do.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSample, REPO_ROOT, SAMPLE_RUN, SAMPLES_DIR } from '../samples.ts';

const BIN = join(REPO_ROOT, 'bin', 'peakscope.js');
const EDGE = join(SAMPLES_DIR, 'edge-cases');
// Starting node + tsx takes a moment on a busy 2-core machine: a guard, not an assertion.
const SLOW = 60_000;

function peakscope(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PEAKSCOPE_DEBUG: '' },
    maxBuffer: 64 << 20,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One real run's files, under names that say nothing about their format. */
const RENAMED: Record<string, string> = {
  'heap-flame-allocated/flame.src': 'q1',
  'heap-summary-allocated/profile.csv': 'zz',
  'statement/profile.csv': 'data',
  'time-flame/flame.src': 'x.csv',
  'coverage/profile.csv': 'out.txt',
  'typecheck/profile.csv': 'a',
  'bytecode/profile.csv': 'b.src',
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'peakscope-report-'));
  mkdirSync(join(dir, 'renamed'));
  for (const [sample, name] of Object.entries(RENAMED))
    writeFileSync(join(dir, 'renamed', name), readSample(`${SAMPLE_RUN}/${sample}`));
  mkdirSync(join(dir, 'junk'));
  writeFileSync(join(dir, 'junk', 'notes.txt'), 'just some notes\nnothing to see\n');
  writeFileSync(join(dir, 'junk', 'blob.bin'), Buffer.from([0, 1, 2, 3, 0, 255]));
  mkdirSync(join(dir, 'logs'));
  copyFileSync(join(EDGE, 'event-log-snake-over-limit.json-lines'), join(dir, 'logs', 'l1'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Input = {
  path: string;
  format: string;
  totals: Record<string, unknown>;
  topFunctions: { name: string; selfBytes: number; totalBytes: number | null }[];
};

function reportJson(...paths: string[]): Input[] {
  const r = peakscope('report', '--json', ...paths);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { inputs: Input[] }).inputs;
}

function byName(inputs: Input[], name: string): Input {
  return inputs.find((i) => i.path.endsWith(`/${name}`))!;
}

describe('peakscope report --json on renamed real profiles', () => {
  it('detects every format by content and shows the must-show figures', { timeout: SLOW }, () => {
    const inputs = reportJson(join(dir, 'renamed'));
    expect(inputs.map((i) => i.path.slice(i.path.lastIndexOf('/') + 1))).toEqual([
      'a',
      'b.src',
      'data',
      'out.txt',
      'q1',
      'x.csv',
      'zz',
    ]);
    const flame = byName(inputs, 'q1');
    expect(flame.format).toBe('heap-flame');
    expect(flame.totals).toEqual({ bytes: 33206672, stacks: 12 });
    expect(flame.topFunctions).toContainEqual({
      name: 'defs.bzl.cxx_libraries',
      selfBytes: 73600,
      totalBytes: 33196800,
    });
    const summary = byName(inputs, 'zz');
    expect(summary.format).toBe('heap-summary');
    expect(summary.totals).toEqual({ allocBytes: 33206648, allocs: 841208, functions: 3 });
    // Its flame sits in the same folder, so the summary's functions get totals too.
    expect(summary.topFunctions[1]).toEqual({ name: 'defs.bzl.cxx_libraries', selfBytes: 73600, totalBytes: 33196800 });
    expect(byName(inputs, 'data')).toMatchObject({
      format: 'statement',
      totals: { seconds: 0.125, count: 602006, statements: 11 },
    });
    expect(byName(inputs, 'x.csv')).toMatchObject({ format: 'time-flame', totals: { milliseconds: 81 } });
    expect(byName(inputs, 'out.txt')).toMatchObject({ format: 'coverage', totals: { spans: 11 } });
    expect(byName(inputs, 'a')).toMatchObject({ format: 'typecheck', totals: { seconds: 0 } });
    expect(byName(inputs, 'b.src')).toMatchObject({ format: 'bytecode', totals: { count: 1325814 } });
  });

  it('reports event-log loads, failures and peaks', { timeout: SLOW }, () => {
    const [log] = reportJson(join(dir, 'logs')) as (Input & { peaks: unknown[] })[];
    expect(log!.format).toBe('event-log');
    expect(log!.totals).toEqual({ files: 3, failed: 1, maxPeakBytes: 1610608640, maxPeakFile: 'root//foo:BUCK' });
    expect(log!.peaks).toHaveLength(3);
  });
});

describe('peakscope report exit codes', () => {
  it('exits 2 with one line and no stack trace for a missing path', { timeout: SLOW }, () => {
    const r = peakscope('report', join(dir, 'no-such-dir'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^peakscope: cannot read ".*no-such-dir": no such file or directory\n$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 when an event-log peak exceeds --max-peak, naming the files', { timeout: SLOW }, () => {
    const r = peakscope('report', '--max-peak', '1KiB', join(dir, 'logs'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('root//foo:BUCK 1.5 GiB');
    expect(r.stderr).toContain('root//lib:TARGETS 50 MiB');
    // The failed load's own message says 2.3 GiB: over budget too.
    expect(r.stderr).toContain('root//big:BUCK failed at about 2.3 GiB');
  });

  it('exits 0 when every peak is within --max-peak', { timeout: SLOW }, () => {
    expect(peakscope('report', '--max-peak', '4GiB', join(dir, 'logs')).code).toBe(0);
  });

  it('exits 2 for a directory with only junk', { timeout: SLOW }, () => {
    const r = peakscope('report', join(dir, 'junk'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^peakscope: ".*junk" holds no profile: none of its 2 files is one/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('exits 2 for an event log that is broken, naming the line', { timeout: SLOW }, () => {
    const r = peakscope('report', join(EDGE, 'event-log-peak-beyond-2pow53.json-lines'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\(event-log\) could not be read: line 3: starlark_peak_allocated_bytes is beyond 2\^53/);
  });

  it('exits 2 for a bad option or size', { timeout: SLOW }, () => {
    expect(peakscope('report', '--max-peak', 'lots', join(dir, 'logs'))).toMatchObject({ code: 2, stdout: '' });
    expect(peakscope('report', '--frobnicate', join(dir, 'logs')).code).toBe(2);
    expect(peakscope('nonsense').stderr).toMatch(/^peakscope: unknown command "nonsense"/);
  });

  it(
    'reports the rest of a folder and names an entry it cannot read (a dangling link; issue 17)',
    { timeout: SLOW },
    () => {
      const linked = join(dir, 'linked');
      mkdirSync(linked);
      writeFileSync(join(linked, 'a'), 'module;list 8\n');
      symlinkSync(join(dir, 'gone'), join(linked, 'b'));
      const r = peakscope('report', linked);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(
        /Could not read 1 entry of the folders given \(left out\): .*linked\/b \(no such file or directory\)\n$/,
      );
    },
  );
});

describe('peakscope report on the real samples', () => {
  const CASE = join(SAMPLES_DIR, 'loop-invariant-call', 'before');
  const MODE_FORMATS: Record<string, string> = {
    'heap-summary-allocated/profile.csv': 'heap-summary',
    'heap-allocated/profile.csv': 'heap-summary',
    'heap-allocated/flame.src': 'heap-flame',
    'heap-flame-retained/flame.src': 'heap-flame',
    'time-flame/profile.csv': 'time-flame',
    'time-flame/flame.src': 'time-flame',
    'statement/profile.csv': 'statement',
    'coverage/profile.csv': 'coverage',
    'typecheck/profile.csv': 'typecheck',
    'bytecode/profile.csv': 'bytecode',
    'bytecode-pairs/profile.csv': 'bytecode-pairs',
    'statement/targets.txt': 'targets',
  };

  it(
    "names each file of a buck2 profile -o tree by its content, and gives summaries their run's totals",
    { timeout: SLOW },
    () => {
      const inputs = reportJson(CASE);
      const at = (rel: string) => inputs.find((i) => i.path === `${CASE}/${rel}`)!;
      for (const [rel, format] of Object.entries(MODE_FORMATS)) expect([rel, at(rel).format]).toEqual([rel, format]);
      const flame = at('heap-allocated/flame.src');
      const summary = at('heap-allocated/profile.csv');
      expect(summary.totals['allocBytes']).toBeGreaterThan(0);
      // A summary's self bytes are its flame's self bytes, and its totals come from that flame.
      const flameByName = new Map(flame.topFunctions.map((f) => [f.name, f]));
      for (const f of summary.topFunctions) expect(f).toEqual(flameByName.get(f.name));
    },
  );

  it('reads the gzip and zstd event logs exactly like the plain one', { timeout: SLOW }, () => {
    const inputs = reportJson(join(SAMPLES_DIR, 'event-logs')) as (Input & { peaks: unknown[] })[];
    const plain = inputs.find((i) => i.path.endsWith('/monorepo.json-lines'))!;
    expect(plain.peaks.length).toBeGreaterThan(0);
    for (const ext of ['.gz', '.zst']) {
      const packed = inputs.find((i) => i.path.endsWith(`/monorepo.json-lines${ext}`))!;
      expect(packed).toMatchObject({ format: 'event-log', totals: plain.totals, peaks: plain.peaks });
    }
  });

  it('exits 1 just below the highest real peak and 0 at it', { timeout: SLOW }, () => {
    const log = join(SAMPLES_DIR, 'event-logs', 'causes.json-lines');
    const [input] = reportJson(log);
    const max = input!.totals['maxPeakBytes'] as number;
    const below = peakscope('report', '--max-peak', String(max - 1), log);
    expect(below.code).toBe(1);
    expect(below.stderr).toMatch(
      new RegExp(
        `^peakscope: 1 BUCK file over --max-peak .*: ${String(input!.totals['maxPeakFile']).replace(/[/]/g, '\\/')} `,
      ),
    );
    expect(peakscope('report', '--max-peak', String(max), log).code).toBe(0);
  });
});

describe('peakscope report (human output)', () => {
  it('prints figures in binary units, top functions and peaks against the 2 GiB limit', { timeout: SLOW }, () => {
    const r = peakscope('report', join(dir, 'renamed'), join(dir, 'logs'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('heap flame: 31.7 MiB in 12 stacks — q1');
    expect(r.stdout).toMatch(/71\.9 KiB\s+31\.7 MiB\s+defs\.bzl\.cxx_libraries/);
    expect(r.stdout).toContain('time flame: 81 ms — x.csv');
    expect(r.stdout).toMatch(/1\.5 GiB\s+75% of 2 GiB\s+root\/\/foo:BUCK/);
    expect(r.stdout).toMatch(/failed, ~2\.3 GiB\s+115% of 2 GiB\s+root\/\/big:BUCK: Starlark peak memory usage/);
  });

  it('prints usage for --help', { timeout: SLOW }, () => {
    expect(peakscope('--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('report') });
    expect(peakscope('report', '--help')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('--max-peak SIZE'),
    });
  });
});
