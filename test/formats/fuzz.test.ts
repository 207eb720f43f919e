// The fixed-seed share of `npm run fuzz` that CI runs, plus the fuzz cases that are too
// important to leave to chance: 100k-frame stacks and every real file cut short.
import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/formats/parse-file.ts';
import type { CallTree } from '../../src/model/call-tree.ts';
import type { ParsedFile } from '../../src/model/profile.ts';
import { compressZstd } from '../../tools/fuzz/encodings.ts';
import { DEEP_STACK_FRAMES, fuzzInput } from '../../tools/fuzz/inputs.ts';
import { checkParsedFile, checkTree, runCase, treesOf } from '../../tools/fuzz/oracle.ts';
import { checkCli, checkViews } from '../../tools/fuzz/surfaces.ts';
import { loadSeeds, type Seed } from '../../tools/fuzz/seeds.ts';

/** The same seed as `npm run fuzz`'s default; CI runs the first cases of that stream. */
const CI_SEED = 20261125;
const CI_RUNS = 300;

const seeds = loadSeeds();
const encoder = new TextEncoder();

function treeOf(parsed: ParsedFile): CallTree {
  const p = parsed.profile;
  if (p?.format !== 'heap-flame' && p?.format !== 'time-flame')
    throw new Error(`no tree: ${JSON.stringify(parsed.error)}`);
  return p.tree;
}

describe('fuzzing every parser (fixed seed)', () => {
  it('shows every input through the views and the CLI without an exception or a stray character', async () => {
    const property = fc.asyncProperty(fuzzInput(seeds), async (input) => {
      const result = runCase(input);
      if (!result.parsed) return;
      const found = [...checkViews(result.parsed, treesOf(result.parsed)), ...(await checkCli(input))];
      expect(found, `${input.kind} ${input.bytes.length} bytes`).toEqual([]);
    });
    await fc.assert(property, { seed: CI_SEED + 1, numRuns: 60 });
  }, 300_000);

  it('starts from the real samples and hand-made seeds (and the upstream goldens where they are beside the clone)', () => {
    const from = (prefix: string) => seeds.filter((s) => s.name.startsWith(prefix)).length;
    expect(from('samples/')).toBeGreaterThan(20);
    expect(from('hand-made/')).toBeGreaterThan(5);
  });

  it('ends every input in a profile, a partial profile or a ParseError, soundly', () => {
    const property = fc.property(fuzzInput(seeds), (input) => {
      const result = runCase(input);
      expect(result.violations, `${input.kind} ${input.bytes.length} bytes`).toEqual([]);
      expect(['profile', 'partial', 'error']).toContain(result.outcome);
    });
    fc.assert(property, { seed: CI_SEED, numRuns: CI_RUNS });
  }, 120_000);

  it('has an oracle that notices a wrong total and a result with neither profile nor error', () => {
    const tree = treeOf(parseBytes('f.src', encoder.encode('module;dict 8\nmodule;list 16\n')));
    expect(checkTree(tree)).toEqual([]);
    const wrong = { ...tree, total: tree.total.slice() };
    wrong.total[1] = 23;
    expect(checkTree(wrong)[0]).toMatch(/total 23/);
    const parsed = parseBytes('f.src', encoder.encode('module;dict 8\n'));
    expect(checkParsedFile({ ...parsed, profile: null }, 'f.src')).toContain(
      'exactly one of profile and error must be set',
    );
  });
});

describe('100k-frame stacks', () => {
  const frames = Array.from({ length: DEEP_STACK_FRAMES }, (_, i) => `a.bzl.f${i % 7}`).join(';');

  it('builds a heap flame 100,001 levels deep with exact totals', () => {
    const parsed = parseBytes('flame.src', encoder.encode(`${frames};dict 8\n${frames};list 9007199254740983\n`));
    const tree = treeOf(parsed);
    expect(Math.max(...tree.depth)).toBe(DEEP_STACK_FRAMES + 1);
    expect(tree.total[0]).toBe(2 ** 53 - 1);
    expect(checkTree(tree)).toEqual([]);
  });

  it('builds a time flame of the same depth, recursion kept as nested frames', () => {
    const tree = treeOf(parseBytes('flame.src', encoder.encode(`root;${frames.replaceAll(/f\d/g, 'f')} 7\n`)));
    expect(tree.name.length).toBe(DEEP_STACK_FRAMES + 1);
    expect(tree.total[0]).toBe(7);
  });
});

/**
 * Seeds that parse whole into a profile with data, with at least three lines. Not targets
 * lists: `all_keys.list` legitimately ends without a line end, so a cut one reads as whole.
 */
function wholeProfiles(): { seed: Seed; text: string; format: string }[] {
  return (
    seeds
      .filter((s) => s.bytes[0] !== 0x1f && s.bytes[0] !== 0x28)
      .map((seed) => ({
        seed,
        text: new TextDecoder().decode(seed.bytes),
        format: parseBytes(seed.name, seed.bytes).profile?.format ?? 'none',
      }))
      // Binary profiles (protobuf event logs, pprof) have no lines to cut.
      .filter(
        ({ text, format }) =>
          !['none', 'empty', 'targets'].includes(format) &&
          !/[\u0000\uFFFD]/.test(text) &&
          text.trimEnd().split('\n').length >= 3,
      )
  );
}

describe('files cut short', () => {
  const whole = wholeProfiles();

  it('covers most formats', () => {
    expect(new Set(whole.map((w) => w.format)).size).toBeGreaterThanOrEqual(9);
  });

  it('keep what was read and say where a file cut mid-line stopped', () => {
    const failures: string[] = [];
    for (const { seed, text } of whole) {
      const body = text.trimEnd();
      const lastLine = body.lastIndexOf('\n') + 1;
      // Cut inside the last line, before its final character.
      const cut = encoder.encode(body.slice(0, lastLine + Math.max(1, Math.floor((body.length - lastLine) / 2))));
      const parsed = parseBytes(seed.name, cut);
      const line = body.split('\n').length;
      if (!parsed.profile || !parsed.truncated?.message.includes(`line ${line}`)) {
        failures.push(`${seed.name}: ${JSON.stringify({ error: parsed.error, truncated: parsed.truncated })}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it.each([
    ['gzip', gzipSync],
    ['zstd', compressZstd],
  ] as const)('keep what was read from a %s stream cut in the middle', (kind, compress) => {
    const { seed } = whole.find(({ seed }) => seed.bytes.length > 1500)!;
    const packed = compress(seed.bytes);
    const parsed = parseBytes(`${seed.name}.${kind}`, packed.subarray(0, Math.floor(packed.length * 0.6)));
    expect(parsed.compression).toBe(kind);
    expect(parsed.truncated?.message).toMatch(new RegExp(`the ${kind} stream is damaged or cut short`));
    expect(parsed.profile ?? parsed.error).not.toBeNull();
  });
});
