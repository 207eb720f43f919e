// The advisor on pprof profiles: Bazel's frames name the .bzl files to read but their retained
// bytes never weigh as allocated ones; allocated pprof (a Buck2 flame exported by peakscope)
// weighs like the heap flame it came from.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { advise, groupRuns, isStarlarkSourcePath } from '../../src/analysis/advisor.ts';
import { parseBytes } from '../../src/formats/parse-file.ts';
import { profileAsPprof, type TreeProfile } from '../../src/formats/pprof-encode.ts';
import { groupIntoSets } from '../../src/model/profile-set.ts';
import { SAMPLES_DIR } from '../golden.ts';

/** Every file under a samples/ folder, as `{ path, text }` with paths relative to samples/. */
function sourcesUnder(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (isStarlarkSourcePath(p)) out.push({ path: relative(SAMPLES_DIR, p), text: readFileSync(p, 'utf8') });
    }
  };
  walk(join(SAMPLES_DIR, dir));
  return out;
}

const parse = (path: string, bytes: Uint8Array = new Uint8Array(readFileSync(join(SAMPLES_DIR, path)))) =>
  parseBytes(path, bytes);

describe('advisor on pprof', () => {
  it('reads the Bazel workspace sources the CPU profile names and judges the loading macros by syntax alone', () => {
    const files = ['bazel/cpu.pprof.gz', 'bazel/memory.pprof.gz'].map((p) => parse(p));
    const [run] = groupRuns(groupIntoSets(files), sourcesUnder('bazel/workspace'));
    expect(run!.input.heapFlame).toBeNull();
    expect(run!.input.sources.map((s) => s.path).sort()).toEqual([
      'bazel/workspace/BUILD',
      'bazel/workspace/macros/defs.bzl',
      'bazel/workspace/rules/config.bzl',
    ]);
    const findings = advise(run!.input);
    const named = findings.map((f) => `${f.cause} ${f.function} ${f.bytes}`);
    expect(named).toContain('loop-invariant-call macros/defs.bzl.cxx_libraries 0');
    expect(named).toContain('dict-view-in-loop macros/defs.bzl.platform_variants 0');
  });

  it('weighs an exported Buck2 heap flame like the flame itself', () => {
    const flame = parse('loop-invariant-call/before/heap-allocated/flame.src');
    const exported = parse('run/before/flame.pb.gz', profileAsPprof(flame.profile as TreeProfile, 'allocated'));
    const sources = sourcesUnder('programs/loop-invariant-call/before');
    const fromFlame = advise(groupRuns(groupIntoSets([{ ...flame, path: 'run/before/flame.src' }]), sources)[0]!.input);
    const fromPprof = advise(groupRuns(groupIntoSets([exported]), sources)[0]!.input);
    expect(fromPprof.map((f) => [f.cause, f.function, f.bytes, f.confidence])).toEqual(
      fromFlame.map((f) => [f.cause, f.function, f.bytes, f.confidence]),
    );
    expect(fromPprof[0]!.bytes).toBeGreaterThan(0);
  });
});
