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
import { readGoldenBody, REPO_ROOT, SAMPLES_DIR } from '../golden.ts';

const GOLDEN = readGoldenBody('heap_flame_allocated.flame.golden');
const SHRUNK = GOLDEN.replace('test.star.inner;dict 1760', 'test.star.inner;dict 176');

function setOf(files: Record<string, string>): ProfileSet {
  return { name: '', files: Object.entries(files).map(([path, text]) => parseText(path, text)) };
}

describe('parseDiffArgs', () => {
  it('reads flags in any position', () => {
    expect(parseDiffArgs(['a', '--json', 'b', '--fail-on-increase', '5'])).toEqual({ json: true, failOnIncrease: 5, base: 'a', target: 'b' });
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
  it('gives the issue 7 contract on the golden pair', () => {
    const json = diffJson(compareSets(setOf({ 'flame.src': GOLDEN }), setOf({ 'flame.src': SHRUNK })));
    expect(Object.keys(json)).toEqual(['totals', 'functions', 'types', 'peaks']);
    expect(json.totals).toEqual({ baseBytes: 3032, targetBytes: 1448, deltaBytes: -1584 });
    expect(json.functions.map((f) => Object.keys(f))).toEqual(Array(3).fill(['name', 'baseBytes', 'targetBytes', 'deltaBytes']));
    expect(json.functions.find((f) => f.name === 'test.star.inner')).toEqual({ name: 'test.star.inner', baseBytes: 1760, targetBytes: 176, deltaBytes: -1584 });
    expect(json.functions.find((f) => f.name === 'module')?.deltaBytes).toBe(-1584);
    expect(json.types[0]).toEqual({ name: 'dict', baseBytes: 1952, targetBytes: 368, deltaBytes: -1584 });
    expect(json.peaks).toEqual([]);
  });

  it('gates on growth of the total beyond the percentage, not on a drop', () => {
    const grew = compareSets(setOf({ 'flame.src': SHRUNK }), setOf({ 'flame.src': GOLDEN }));
    expect(increaseFailures(grew, diffJson(grew), 100)).toEqual(['total grew 1.41 KiB → 2.96 KiB (+109.4%), more than 100%']);
    expect(increaseFailures(grew, diffJson(grew), 110)).toEqual([]);
    const shrank = compareSets(setOf({ 'flame.src': GOLDEN }), setOf({ 'flame.src': SHRUNK }));
    expect(increaseFailures(shrank, diffJson(shrank), 0)).toEqual([]);
  });
});

describe('runDiff with a stand-in loader', () => {
  const sides: Record<string, ProfileSet> = {
    golden: setOf({ 'flame.src': GOLDEN }),
    shrunk: setOf({ 'flame.src': SHRUNK }),
    time: setOf({ 'flame.src': readGoldenBody('time_flame.flame.golden') }),
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
    const { code, stdout, stderr } = await run('golden', 'shrunk', '--fail-on-increase', '0');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toContain('heap flame: total 2.96 KiB → 1.41 KiB (-1.55 KiB, -52.2%)');
    expect(stdout).toMatch(/test\.star\.inner\s+1\.72 KiB\s+176 B\s+-1\.55 KiB/);
  });

  it('exits 1 with the reason when the total grew too much', async () => {
    const { code, stderr } = await run('shrunk', 'golden', '--fail-on-increase', '5', '--json');
    expect(code).toBe(1);
    expect(stderr).toBe('peakscope diff: total grew 1.41 KiB → 2.96 KiB (+109.4%), more than 5%\n');
  });

  it('throws a one-line CliError (exit 2 in the dispatcher) on bad input', async () => {
    await expect(run('golden')).rejects.toThrow(new CliError("diff: expected BASE and TARGET, got 1 path(s); see 'peakscope diff --help'"));
    await expect(run('golden', 'missing')).rejects.toThrow('cannot read "missing": no such file or directory');
    await expect(run('golden', 'time')).rejects.toThrow(
      'diff: "golden" and "time" hold no profile of the same kind (allocated heap flame only in the base: not compared; time flame only in the target: not compared)',
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
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, 'diff', ...args], { env: { ...process.env, PEAKSCOPE_DEBUG: '' } });
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
    writeFileSync(tmp('golden.src'), GOLDEN);
    writeFileSync(tmp('shrunk.src'), SHRUNK);
    const { before, after } = splitCausesLog();
    for (const [name, text] of Object.entries({ before, after })) {
      mkdirSync(tmp(name));
      writeFileSync(tmp(name, 'uquery.json-lines'), text);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports -1584 bytes in total, at test.star.inner and at module for the shrunk golden copy', async () => {
    const { code, stdout } = await cli('--json', tmp('golden.src'), tmp('shrunk.src'));
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.totals).toEqual({ baseBytes: 3032, targetBytes: 1448, deltaBytes: -1584 });
    const delta = (name: string) => json.functions.find((f: { name: string }) => f.name === name)?.deltaBytes;
    expect([delta('test.star.inner'), delta('module')]).toEqual([-1584, -1584]);
  });

  it.each(CAUSES)('shows the drop of $name at the fixed function and type', async (cause) => {
    const { code, stdout, stderr } = await cli('--json', '--fail-on-increase', '0', join(SAMPLES_DIR, cause.name, 'before'), join(SAMPLES_DIR, cause.name, 'after'));
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
    const { code, stderr } = await cli('--fail-on-increase', '50', join(SAMPLES_DIR, c.name, 'after'), join(SAMPLES_DIR, c.name, 'before'));
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
    const missing = await cli(tmp('golden.src'), tmp('nope'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`peakscope: cannot read "${tmp('nope')}": no such file or directory\n`);
    const wrong = await cli('--fail-on-increase', 'x', tmp('golden.src'), tmp('shrunk.src'));
    expect([wrong.code, wrong.stderr.split('\n').length]).toEqual([2, 2]);
  });
});
