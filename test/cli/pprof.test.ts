// The CLI on pprof profiles, as users run it: `report --json` on Bazel's and starlark-go's
// samples (format, exact totals, top function by Starlark name, loading-phase findings with the
// .bzl sources) and `export --pprof` read back by `report`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePprof } from '../../src/formats/pprof-decode.ts';
import { REPO_ROOT, SAMPLES_DIR } from '../golden.ts';

const BIN = join(REPO_ROOT, 'bin', 'peakscope.js');
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

/** The sum of a sample file's values, read by the decoder alone. */
function sampleSum(path: string): number {
  return decodePprof(gunzipSync(readFileSync(join(SAMPLES_DIR, path)))).samples.reduce(
    (sum, s) => sum + s.values[0]!,
    0,
  );
}

interface Input {
  path: string;
  format: string;
  totals: Record<string, number | string>;
  topFunctions: { name: string }[];
}
interface Finding {
  cause: string;
  function: string;
}

const dir = mkdtempSync(join(tmpdir(), 'peakscope-pprof-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('peakscope report --json on pprof', () => {
  const r = peakscope('report', '--json', join(SAMPLES_DIR, 'bazel'), join(SAMPLES_DIR, 'starlark-go'));
  const json = JSON.parse(r.stdout || '{}') as { inputs: Input[]; findings: Finding[] };
  const input = (suffix: string) => json.inputs.find((i) => i.path.endsWith(suffix))!;

  it(
    "reads Bazel's memory profile: format pprof, bytes = the sum of its samples, retained, top function by Starlark name",
    { timeout: SLOW },
    () => {
      expect(r.code).toBe(0);
      const memory = input('bazel/memory.pprof.gz');
      expect(memory.format).toBe('pprof');
      expect(memory.totals['bytes']).toBe(sampleSum('bazel/memory.pprof.gz'));
      expect(memory.totals['sampleType']).toBe('memory/bytes');
      expect(memory.totals['semantics']).toMatch(/^retained at dump, sampled/);
      expect(memory.topFunctions[0]!.name).toMatch(/\._generated_config_impl$/);
    },
  );

  it('gives Bazel CPU and starlark-go wall time in exact milliseconds', () => {
    expect(input('bazel/cpu.pprof.gz').totals['milliseconds']).toBe(sampleSum('bazel/cpu.pprof.gz') / 1000);
    expect(input('bazel/cpu.pprof.gz').totals['sampleType']).toBe('CPU/microseconds');
    expect(input('starlark-go/wall.pprof.gz').totals['milliseconds']).toBe(
      sampleSum('starlark-go/wall.pprof.gz') / 1e6,
    );
    expect(input('starlark-go/wall.pprof.gz').totals['sampleType']).toBe('wall/nanoseconds');
  });

  it('names the causes in the loading-phase macros when the .bzl sources are there', () => {
    const named = json.findings.map((f) => `${f.cause} ${f.function}`);
    expect(named).toContain('loop-invariant-call macros/defs.bzl.cxx_libraries');
    expect(named).toContain('dict-view-in-loop macros/defs.bzl.platform_variants');
  });
});

describe('peakscope export --pprof', () => {
  it('writes a Buck2 heap flame as pprof that reads back with the same total', { timeout: SLOW }, () => {
    const flame = join(SAMPLES_DIR, 'loop-invariant-call', 'before', 'heap-allocated', 'flame.src');
    const out = join(dir, 'flame.pb.gz');
    const written = peakscope('export', '--pprof', out, flame);
    expect(written.code).toBe(0);
    expect(written.stderr).toMatch(/^wrote .*flame\.pb\.gz/);
    const [before, after] = [flame, out].map(
      (p) => (JSON.parse(peakscope('report', '--json', p).stdout) as { inputs: Input[] }).inputs[0]!,
    );
    expect(after!.format).toBe('pprof');
    expect(after!.totals['bytes']).toBe(before!.totals['bytes']);
    expect(after!.totals['sampleType']).toBe('alloc_space/bytes');
    expect(after!.topFunctions).toEqual(before!.topFunctions);
  });

  it('refuses a folder of several profiles and names them', { timeout: SLOW }, () => {
    const r = peakscope('export', '--pprof', join(dir, 'x.pb.gz'), join(SAMPLES_DIR, 'bazel'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holds 2 call trees .*name one file/);
  });
});
