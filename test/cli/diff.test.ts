import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareSets } from '../../src/analysis/diff-sets.ts';
import { CliError } from '../../src/cli/command.ts';
import { diffJson, increaseFailures, parseDiffArgs, runDiff, type LoadSides } from '../../src/cli/diff.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import type { ProfileSet } from '../../src/model/profile-set.ts';
import { CAUSES, splitCausesLog } from '../analysis/diff-fixtures.ts';
import { REPO_ROOT, sampleHeapFlame, SAMPLES_DIR, sampleTimeFlame } from '../samples.ts';

/** A real heap flame, and a copy with platform_flag_table's dict line cut from 5955200 to 595520 bytes. */
const BASE = sampleHeapFlame();
const SHRUNK = BASE.replace('defs.bzl.platform_flag_table;dict 5955200', 'defs.bzl.platform_flag_table;dict 595520');
const CUT = 595520 - 5955200;
const PFT = 'defs.bzl.platform_flag_table';

function setOf(files: Record<string, string>): ProfileSet {
  return { name: '', files: Object.entries(files).map(([path, text]) => parseText(path, text)) };
}

describe('parseDiffArgs', () => {
  it('reads flags in any position', () => {
    expect(parseDiffArgs(['a', '--json', 'b', '--fail-on-increase', '5'])).toEqual({
      json: true,
      failOnIncrease: 5,
      base: 'a',
      target: 'b',
    });
    expect(parseDiffArgs(['--fail-on-increase=0.5%', 'a', 'b'])).toMatchObject({ failOnIncrease: 0.5 });
  });

  it('gives a one-line reason for bad arguments', () => {
    expect(parseDiffArgs(['a'])).toBe('expected BASE and TARGET, got 1 path(s)');
    expect(parseDiffArgs(['a', 'b', '--fail-on-increase', 'lots'])).toMatch(/needs a percentage/);
    expect(parseDiffArgs(['a', 'b', '--fail-on-increase'])).toMatch(/needs a percentage/);
    expect(parseDiffArgs(['a', 'b', '--fail-on-increase', '-3'])).toMatch(/needs a percentage/);
    expect(parseDiffArgs(['a', 'b', '--colour'])).toBe('unknown option "--colour"');
  });
});

describe('diffJson', () => {
  it('gives the issue 7 contract on a real flame and its shrunk copy', () => {
    const json = diffJson(compareSets(setOf({ 'flame.src': BASE }), setOf({ 'flame.src': SHRUNK })));
    expect(Object.keys(json)).toEqual(['totals', 'functions', 'types', 'peaks']);
    expect(json.totals).toEqual({ baseBytes: 33206672, targetBytes: 33206672 + CUT, deltaBytes: CUT });
    expect(json.functions.map((f) => Object.keys(f))).toEqual(
      Array(3).fill(['name', 'baseBytes', 'targetBytes', 'deltaBytes']),
    );
    expect(json.functions.find((f) => f.name === PFT)).toEqual({
      name: PFT,
      baseBytes: 33123200,
      targetBytes: 33123200 + CUT,
      deltaBytes: CUT,
    });
    expect(json.functions.find((f) => f.name === 'module')?.deltaBytes).toBe(CUT);
    expect(json.types[0]).toEqual({ name: 'dict', baseBytes: 6012800, targetBytes: 6012800 + CUT, deltaBytes: CUT });
    expect(json.peaks).toEqual([]);
  });

  it('gates on growth of the total beyond the percentage, not on a drop', () => {
    const grew = compareSets(setOf({ 'flame.src': SHRUNK }), setOf({ 'flame.src': BASE }));
    expect(increaseFailures(grew, diffJson(grew), 19)).toEqual([
      'total grew 26.6 MiB → 31.7 MiB (+19.2%), more than 19%',
    ]);
    expect(increaseFailures(grew, diffJson(grew), 20)).toEqual([]);
    const shrank = compareSets(setOf({ 'flame.src': BASE }), setOf({ 'flame.src': SHRUNK }));
    expect(increaseFailures(shrank, diffJson(shrank), 0)).toEqual([]);
  });
});

describe('runDiff with a stand-in loader', () => {
  const sides: Record<string, ProfileSet> = {
    base: setOf({ 'flame.src': BASE }),
    shrunk: setOf({ 'flame.src': SHRUNK }),
    time: setOf({ 'flame.src': sampleTimeFlame() }),
  };
  const side = (path: string) => {
    const set = sides[path];
    if (!set) throw new CliError(`cannot read "${path}": no such file or directory`);
    return set;
  };
  const load: LoadSides = async (base, target) => [side(base), side(target)];
  async function run(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runDiff(argv, load, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  }

  it('prints binary units and exits 0 when memory went down', async () => {
    const { code, stdout, stderr } = await run('base', 'shrunk', '--fail-on-increase', '0');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toContain('heap flame: total 31.7 MiB → 26.6 MiB (-5.11 MiB, -16.1%)');
    expect(stdout).toMatch(/defs\.bzl\.platform_flag_table\s+31\.6 MiB\s+26\.5 MiB\s+-5\.11 MiB/);
  });

  it('exits 1 with the reason when the total grew too much', async () => {
    const { code, stderr } = await run('shrunk', 'base', '--fail-on-increase', '5', '--json');
    expect(code).toBe(1);
    expect(stderr).toBe('peakscope diff: total grew 26.6 MiB → 31.7 MiB (+19.2%), more than 5%\n');
  });

  it('throws a one-line CliError (exit 2 in the dispatcher) on bad input', async () => {
    await expect(run('base')).rejects.toThrow(
      new CliError("diff: expected BASE and TARGET, got 1 path(s); see 'peakscope diff --help'"),
    );
    await expect(run('base', 'missing')).rejects.toThrow('cannot read "missing": no such file or directory');
    await expect(run('base', 'time')).rejects.toThrow(
      'diff: "base" and "time" hold no profile of the same kind (allocated heap flame only in the base: not compared; time flame only in the target: not compared)',
    );
  });

  it('prints its usage for --help', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: peakscope diff \[--json\] \[--fail-on-increase PCT\] BASE TARGET\n/);
  });

  it('compares time flames in text but refuses --json without memory data', async () => {
    expect((await run('time', 'time')).code).toBe(0);
    await expect(run('time', 'time', '--json')).rejects.toThrow(/no memory profile of the same kind/);
  });
});

const BIN = join(REPO_ROOT, 'bin', 'peakscope.js');

/** The real command as a child process: `node bin/peakscope.js diff …`. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, 'diff', ...args], {
      env: { ...process.env, PEAKSCOPE_DEBUG: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// Each run starts node and tsx (about a second here); the limit only keeps a busy machine from failing them.
describe('node bin/peakscope.js diff (child process)', { timeout: 30_000 }, () => {
  let dir = '';
  const tmp = (...parts: string[]) => join(dir, ...parts);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'peakscope-diff-'));
    writeFileSync(tmp('base.src'), BASE);
    writeFileSync(tmp('shrunk.src'), SHRUNK);
    const { before, after } = splitCausesLog();
    for (const [name, text] of Object.entries({ before, after })) {
      mkdirSync(tmp(name));
      writeFileSync(tmp(name, 'uquery.json-lines'), text);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports the cut in total, at defs.bzl.platform_flag_table and at module for the shrunk copy', async () => {
    const { code, stdout } = await cli('--json', tmp('base.src'), tmp('shrunk.src'));
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.totals).toEqual({ baseBytes: 33206672, targetBytes: 33206672 + CUT, deltaBytes: CUT });
    const delta = (name: string) => json.functions.find((f: { name: string }) => f.name === name)?.deltaBytes;
    expect([delta(PFT), delta('module')]).toEqual([CUT, CUT]);
  });

  it.each(CAUSES)('shows the drop of $name at the fixed function and type', async (cause) => {
    const { code, stdout, stderr } = await cli(
      '--json',
      '--fail-on-increase',
      '0',
      join(SAMPLES_DIR, cause.name, 'before'),
      join(SAMPLES_DIR, cause.name, 'after'),
    );
    expect([code, stderr]).toEqual([0, '']);
    const json = JSON.parse(stdout);
    expect(json.totals.deltaBytes).toBeLessThan(0);
    const firstFunction = json.functions.find((f: { name: string }) => f.name !== 'module');
    expect(firstFunction).toMatchObject({ name: cause.fixed, deltaBytes: json.totals.deltaBytes });
    expect(json.types[0].name).toBe(cause.type);
    expect(json.types[0].deltaBytes).toBeLessThan(0);
  });

  it('exits 1 when the reverse of a fix grows the total past the budget', async () => {
    const c = CAUSES[0];
    const { code, stderr } = await cli(
      '--fail-on-increase',
      '50',
      join(SAMPLES_DIR, c.name, 'after'),
      join(SAMPLES_DIR, c.name, 'before'),
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/^peakscope diff: total grew .* MiB \(\+\d+\.\d%\), more than 50%\n$/);
  });

  it('compares per-file peaks of two event logs and gates on each file', async () => {
    const down = await cli('--json', tmp('before'), tmp('after'));
    expect(down.code).toBe(0);
    const peaks = JSON.parse(down.stdout).peaks;
    expect(peaks.map((p: { file: string }) => p.file).sort()).toEqual(CAUSES.map((c) => `root//${c.name}:BUCK`).sort());
    expect(peaks.every((p: { deltaBytes: number }) => p.deltaBytes < 0)).toBe(true);
    const up = await cli('--fail-on-increase', '10', tmp('after'), tmp('before'));
    expect(up.code).toBe(1);
    expect(up.stderr.split('\n').filter((l) => l.startsWith('peakscope diff: peak of root//')).length).toBe(5);
    expect(up.stdout).toContain('per-file peaks:');
  });

  it('exits 2 with one line on bad input', async () => {
    const missing = await cli(tmp('base.src'), tmp('nope'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`peakscope: cannot read "${tmp('nope')}": no such file or directory\n`);
    const wrong = await cli('--fail-on-increase', 'x', tmp('base.src'), tmp('shrunk.src'));
    expect([wrong.code, wrong.stderr.split('\n').length]).toEqual([2, 2]);
  });
});
