import { describe, expect, it } from 'vitest';
import { compareSets } from '../../src/analysis/diff-sets.ts';
import { diffJson, increaseFailures, parseDiffArgs, runDiff, type LoadSide } from '../../src/cli/diff.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import type { ProfileSet } from '../../src/model/profile-set.ts';
import { readGoldenBody } from '../golden.ts';

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
  const load: LoadSide = async (path) => {
    const set = sides[path];
    if (!set) throw new Error(`${path}: no such file or directory`);
    return set;
  };
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

  it('exits 2 with one line on bad input', async () => {
    expect(await run('golden')).toMatchObject({ code: 2, stdout: '' });
    expect((await run('golden', 'missing')).stderr).toBe('peakscope diff: missing: no such file or directory\n');
    const mixed = await run('golden', 'time');
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/^peakscope diff: golden and time hold no profile of the same kind \(heap flame only in the base: not compared; time flame only in the target: not compared\)\n$/);
  });

  it('compares time flames in text but refuses --json without memory data', async () => {
    expect((await run('time', 'time')).code).toBe(0);
    expect((await run('time', 'time', '--json')).stderr).toMatch(/no memory profile of the same kind/);
  });
});
