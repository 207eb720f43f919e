// pprof on the real samples (tools/bazelgen/run.sh: Bazel 4.2.3 and starlark-go): structure,
// not run-to-run values. Totals are checked against sums taken by pprof-decode.ts directly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import fc from 'fast-check';
import { gunzipSync, gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { computeTotals, computeTopFunctions } from '../../src/analysis/totals.ts';
import { parseBytes, parseChunks } from '../../src/formats/parse-file.ts';
import { decodePprof, type PprofData } from '../../src/formats/pprof-decode.ts';
import { displayPath, workspaceRootOf } from '../../src/formats/pprof-frames.ts';
import { looksLikePprof } from '../../src/formats/pprof-sniff.ts';
import { childrenOf, describeTree, NodeKind, nodeName } from '../../src/model/call-tree.ts';
import type { PprofProfile } from '../../src/model/profile.ts';
import { SAMPLES_DIR } from '../golden.ts';
import { cutAt } from './chunks.ts';

const read = (path: string) => new Uint8Array(readFileSync(join(SAMPLES_DIR, path)));
const decoded = (path: string): PprofData => decodePprof(gunzipSync(read(path)));

function parsePprof(path: string): PprofProfile {
  const parsed = parseBytes(path, read(path));
  expect(parsed.error).toBeNull();
  expect(parsed.diagnostics).toEqual([]);
  expect(parsed.profile?.format).toBe('pprof');
  return parsed.profile as PprofProfile;
}

/** The sum of every sample's value of the first (only) sample type, as the file holds it. */
function sampleSum(data: PprofData): number {
  return data.samples.reduce((sum, s) => sum + s.values[0]!, 0);
}

/** Names of the children of a node. */
const childNames = (p: PprofProfile, node: number) => childrenOf(p.tree, node).map((c) => nodeName(p.tree, c));

describe('Bazel memory profile (dump --skylark_memory)', () => {
  const profile = parsePprof('bazel/memory.pprof.gz');

  it('is memory/bytes, retained at dump and sampled, never "allocated"', () => {
    expect(profile.sampleType).toEqual({ type: 'memory', unit: 'bytes' });
    expect(profile.producer).toBe('bazel-memory');
    expect(profile.quantity).toBe('retained-bytes');
    expect(profile.semantics).toMatch(/^retained at dump, sampled/);
    expect(profile.semantics).not.toMatch(/allocated bytes/);
    expect(profile.tree.unit).toBe('bytes');
  });

  it('totals.bytes is the sum of the sample values; the top function is a Starlark def', () => {
    const data = decoded('bazel/memory.pprof.gz');
    const totals = computeTotals(profile) as { bytes: number; samples: number };
    expect(totals.bytes).toBe(sampleSum(data));
    expect(totals.samples).toBe(data.samples.length);
    const [top] = computeTopFunctions(profile, 1);
    expect(top!.name).toMatch(/\.bzl\._generated_config_impl$/);
    expect(top!.totalBytes).toBe(totals.bytes);
  });

  it('analysis stacks start at the rule implementation, under the (analysis) root; builtins are bare names', () => {
    expect(childNames(profile, 0)).toContain('(analysis)');
    const analysis = childrenOf(profile.tree, 0).find((c) => nodeName(profile.tree, c) === '(analysis)')!;
    expect(profile.tree.kind[analysis]).toBe(NodeKind.Group);
    expect(childNames(profile, analysis).every((n) => n.endsWith('._generated_config_impl'))).toBe(true);
    const format = profile.frames.find((f) => f?.name === 'format')!;
    expect(format).toMatchObject({ kind: 'builtin', file: '<builtin>' });
    const impl = profile.frames.find((f) => f?.function === '_generated_config_impl')!;
    expect(impl.path).toMatch(/^\/.*\/rules\/config\.bzl$/);
    expect(impl.lines.length).toBeGreaterThan(0);
  });
});

describe('Bazel CPU profile (--starlark_cpu_profile)', () => {
  const profile = parsePprof('bazel/cpu.pprof.gz');
  const data = decoded('bazel/cpu.pprof.gz');

  it('is CPU/microseconds; totals.milliseconds is the microsecond sum divided exactly', () => {
    expect(profile.sampleType).toEqual({ type: 'CPU', unit: 'microseconds' });
    expect(profile.producer).toBe('bazel-cpu');
    expect(profile.tree.unit).toBe('microseconds');
    const totals = computeTotals(profile) as { milliseconds: number; loading: number; analysis: number };
    expect(totals.milliseconds).toBe(sampleSum(data) / 1000);
    expect(totals.loading + totals.analysis).toBe(totals.milliseconds);
  });

  it('merges the per-location function entries by (name, file)', () => {
    const pairs = new Set([...data.functions.values()].map((f) => `${f.name}\u0000${f.filename}`));
    expect(data.functions.size).toBeGreaterThan(pairs.size);
    expect(profile.frames.filter((f) => f !== null)).toHaveLength(pairs.size);
  });

  it('tells loading (a BUILD file top level) from analysis (a rule implementation)', () => {
    expect(childNames(profile, 0).sort()).toEqual(['(analysis)', '(loading)']);
    const [loading, analysis] = ['(loading)', '(analysis)'].map((n) =>
      childrenOf(profile.tree, 0).find((c) => nodeName(profile.tree, c) === n)!,
    );
    expect(childNames(profile, loading!)).toContain('BUILD.<toplevel>');
    expect(childNames(profile, analysis!)).toEqual(['rules/config.bzl._generated_config_impl']);
    expect(profile.tree.total[loading!]).toBe(profile.phases!.loading);
  });

  it('keeps the call sites: where a caller called a callee, by frame name', () => {
    const site = profile.callSites.find(
      (c) => c.caller === 'macros/defs.bzl.cxx_libraries' && c.callee === 'macros/defs.bzl.platform_flag_table',
    );
    // samples/bazel/workspace/macros/defs.bzl:22 is `flags = platform_flag_table(PLATFORMS, opt_level)`.
    expect(site?.lines).toEqual([22]);
    expect(
      profile.callSites.some((c) => c.caller === 'BUILD.<toplevel>' && c.callee === 'macros/defs.bzl.cxx_libraries'),
    ).toBe(true);
  });

  it('shows paths relative to the workspace or as external/<repo>/…, keeping the full path', () => {
    expect(profile.frames.some((f) => f?.name === 'macros/defs.bzl.cxx_libraries')).toBe(true);
    const external = profile.frames.find((f) => f?.file.startsWith('external/bazel_tools/'))!;
    expect(external.path).toMatch(/\/[0-9a-f]{32}\/external\/bazel_tools\//);
    expect(profile.workspaceRoot).toMatch(/\/workspace$/);
  });
});

describe('starlark-go profile (starlark -profile)', () => {
  const profile = parsePprof('starlark-go/wall.pprof.gz');
  const data = decoded('starlark-go/wall.pprof.gz');

  it('is wall/nanoseconds with ids above 2^53 read exactly; totals.milliseconds is the nanosecond sum / 10^6', () => {
    expect(profile.sampleType).toEqual({ type: 'wall', unit: 'nanoseconds' });
    expect(profile.producer).toBe('starlark-go');
    expect([...data.locations.keys()].some((id) => BigInt(id) > BigInt(Number.MAX_SAFE_INTEGER))).toBe(true);
    expect((computeTotals(profile) as { milliseconds: number }).milliseconds).toBe(sampleSum(data) / 1e6);
    expect(profile.phases).toBeNull();
  });

  it('starts at the program top level; builtins have file <invalid>', () => {
    expect(childNames(profile, 0)).toEqual(['program.star.<toplevel>']);
    expect(profile.frames.find((f) => f?.name === 'format')).toMatchObject({ kind: 'builtin', file: '<invalid>' });
  });
});

describe('pprof detection and damage', () => {
  it('claims only Profile messages: not text, not a heap flame, not empty', () => {
    expect(looksLikePprof(gunzipSync(read('bazel/memory.pprof.gz')))).toBe(true);
    for (const text of ['\n\nmodule;f 8\n', 'module;test.star.test;dict 192\n', '', '\n\x08\x01\x10\x02']) {
      expect(looksLikePprof(new TextEncoder().encode(text))).toBe(false);
    }
  });

  it('a file cut short is an error that says so, not a smaller profile', () => {
    const raw = gunzipSync(read('bazel/cpu.pprof.gz'));
    const parsed = parseBytes('cut.pb', gzipSync(raw.subarray(0, raw.length - 7)));
    expect(parsed.profile).toBeNull();
    expect(parsed.error?.message).toMatch(/cut short/);
  });

  it('reads `<native>` builtins with line -1 (older Bazel)', () => {
    const w = new BinaryWriter();
    const strings = ['', 'memory', 'bytes', 'sh_test', '<native>'];
    w.tag(1, WireType.LengthDelimited).fork().tag(1, WireType.Varint).int64(1).tag(2, WireType.Varint).int64(2).join();
    w.tag(2, WireType.LengthDelimited)
      .fork()
      .tag(1, WireType.Varint)
      .uint64(1)
      .tag(2, WireType.Varint)
      .int64(262144)
      .join();
    w.tag(4, WireType.LengthDelimited)
      .fork()
      .tag(1, WireType.Varint)
      .uint64(1)
      .tag(4, WireType.LengthDelimited)
      .fork()
      .tag(1, WireType.Varint)
      .uint64(7)
      .tag(2, WireType.Varint)
      .int64(-1)
      .join()
      .join();
    w.tag(5, WireType.LengthDelimited)
      .fork()
      .tag(1, WireType.Varint)
      .uint64(7)
      .tag(2, WireType.Varint)
      .int64(3)
      .tag(4, WireType.Varint)
      .int64(4)
      .join();
    for (const s of strings) w.tag(6, WireType.LengthDelimited).string(s);
    const parsed = parseBytes('old.pb.gz', gzipSync(w.finish()));
    const profile = parsed.profile as PprofProfile;
    expect(describeTree(profile.tree)).toEqual(['- sh_test (total: 262144, self: 262144)']);
    expect(profile.frames.find((f) => f?.name === 'sh_test')).toMatchObject({
      kind: 'builtin',
      file: '<native>',
      lines: [],
    });
  });

  it('damaged messages give a profile or a ParseError, never a crash', () => {
    const raw = gunzipSync(read('bazel/cpu.pprof.gz'));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(raw.length - 1), fc.nat(255)), { minLength: 1, maxLength: 8 }), (edits) => {
        const bytes = raw.slice();
        for (const [at, value] of edits) bytes[at] = value;
        const parsed = parseBytes('damaged.pb', gzipSync(bytes));
        expect(parsed.profile !== null || parsed.error !== null).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('any chunking of the gzipped bytes gives the same tree', async () => {
    const bytes = read('bazel/cpu.pprof.gz');
    const whole = describeTree(parsePprof('bazel/cpu.pprof.gz').tree);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 6 }), async (cuts) => {
        const chunks = cutAt(bytes, cuts);
        const parsed = await parseChunks(
          'cpu.pprof.gz',
          bytes.length,
          (async function* () {
            yield* chunks;
          })(),
        );
        expect(describeTree((parsed.profile as PprofProfile).tree)).toEqual(whole);
      }),
      { numRuns: 20 },
    );
  });
});

describe('paths', () => {
  it('external repositories under any output base become external/<repo>/…', () => {
    const path =
      '/home/u/.cache/bazel/_bazel_u/0123456789abcdef0123456789abcdef/external/io_tweag_rules_haskell/haskell/private/path_utils.bzl';
    expect(displayPath(path, '/home/u/ws')).toBe('external/io_tweag_rules_haskell/haskell/private/path_utils.bzl');
    expect(displayPath('/home/u/ws/pkg/BUILD', '/home/u/ws')).toBe('pkg/BUILD');
  });

  it('the workspace root is the WORKSPACE file’s folder, else the common folder, ignoring root-level pseudo files', () => {
    expect(workspaceRootOf(['/ws/a/BUILD', '/ws/WORKSPACE', '/ws/a/b/x.bzl'])).toBe('/ws');
    expect(workspaceRootOf(['/DEFAULT.WORKSPACE.SUFFIX', '/w/s/BUILD', '/w/s/m/defs.bzl', '<builtin>'])).toBe('/w/s');
  });
});
