// Deterministic, realistically shaped heap flames (docs/formats.md §3) for the benchmark and the
// streaming test. Shape: a merged loading profile of many packages. Every package is a
// `module` frame calling a few macros; each macro expands to a fixed call subtree (a
// "fragment") that many packages share, so the same stacks repeat across packages and the
// parser sums them. A few stacks dominate the total (a giant comprehension somewhere).

/** Seeded PRNG (mulberry32): the same seed gives the same file on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

// Weighted by repetition: most frames live in the prelude and the main cell.
const TOPS = [
  'prelude',
  'prelude',
  'prelude',
  'fbcode',
  'fbcode',
  'xplat',
  'third-party',
  'tools/build_defs',
  'buck-out/v2/external_cells/bundled/prelude',
];
const MIDS = [
  'cxx',
  'python',
  'java',
  'android',
  'apple',
  'rust',
  'go',
  'js',
  'genrule',
  'configurations',
  'toolchains',
  'utils',
  'linking',
  'platform',
  'haskell',
  'ocaml',
  'zig',
  'erlang',
  'kotlin',
  'café/ünïcode',
];
const FILES = [
  'defs.bzl',
  'rules.bzl',
  'macros.bzl',
  'utils.bzl',
  'impl.bzl',
  'providers.bzl',
  'attrs.bzl',
  'common.bzl',
];
const VERBS = [
  'get',
  'make',
  'collect',
  'resolve',
  'merge',
  'expand',
  'format',
  'build',
  'select',
  'map',
  '_process',
  '_flatten',
];
const NOUNS = [
  'deps',
  'srcs',
  'headers',
  'flags',
  'library_impl',
  'targets',
  'args',
  'attrs',
  'providers',
  'labels',
  'outputs',
  'constraints',
];
/** Value type names Starlark heap flames end in (docs/formats.md §2.1). */
export const TYPE_NAMES = [
  'dict',
  'list',
  'array',
  'tuple',
  'string',
  'function',
  'struct',
  'record',
  'range',
  'Artifact',
  'ProviderCollection',
  'Label',
  'enum',
  'typing.Any',
];

/** Hundreds of `path/defs.bzl.fn` frame names: 100 files × 6 functions. */
export function frameNames(rng: Rng): string[] {
  const names = new Set<string>();
  while (names.size < 600) {
    const mid = rng() < 0.8 ? pick(rng, MIDS) : `${pick(rng, MIDS)}/${pick(rng, MIDS)}`;
    const file = `${pick(rng, TOPS)}/${mid}/${pick(rng, FILES)}`;
    for (let i = 0; i < 6; i++)
      names.add(`${file}.${rng() < 0.05 ? 'lambda' : `${pick(rng, VERBS)}_${pick(rng, NOUNS)}`}`);
  }
  return [...names];
}

/** One macro's call subtree as stacks relative to `module`, in the writer's DFS order. */
interface Fragment {
  stacks: string[];
  weights: number[];
}

/**
 * Allocation sizes: many small, a long tail (Pareto, shape 2: finite variance, so no single
 * random line outweighs the whole file), multiples of 8 like real values.
 */
function allocationBytes(rng: Rng): number {
  return 8 * Math.ceil(4 / Math.sqrt(1 - rng()));
}

interface Frame {
  prefix: string;
  depth: number;
  name: string;
}

/**
 * A depth-first random walk from one macro frame: each function allocates 1–3 types, then
 * calls children; depth stays within 2–38 function frames (`module` and the type leaf make
 * 3–40), with an occasional deep recursive chain.
 */
function makeFragment(rng: Rng, names: readonly string[], maxLines: number): Fragment {
  const stacks: string[] = [];
  const weights: number[] = [];
  const recursive = rng() < 0.03;
  const open: Frame[] = [{ prefix: pick(rng, names), depth: 2, name: '' }];
  while (open.length > 0 && stacks.length < maxLines) {
    const f = open.pop()!;
    const types = recursive ? 1 : 1 + Math.floor(rng() * 3);
    for (let t = 0; t < types; t++) {
      stacks.push(`${f.prefix};${TYPE_NAMES[Math.floor(Math.pow(rng(), 2) * TYPE_NAMES.length)]!}`);
      weights.push(allocationBytes(rng));
    }
    const deeper = recursive ? f.depth < 38 : f.depth < 5;
    const fanout = recursive ? 1 : Math.floor(rng() * (f.depth < 4 ? 4.5 : 2.6));
    const kids: Frame[] = [];
    for (let c = 0; deeper && c < fanout; c++) {
      const name = recursive ? f.prefix.slice(f.prefix.lastIndexOf(';') + 1) : pick(rng, names);
      kids.push({ prefix: `${f.prefix};${name}`, depth: f.depth + 1, name });
    }
    // Pushed in reverse so the first child is written first, as the upstream DFS does.
    for (let k = kids.length - 1; k >= 0; k--) open.push(kids[k]!);
  }
  return { stacks, weights };
}

export interface HeapFlameStats {
  bytes: number;
  lines: number;
  /** Distinct stacks (lines after summing repeats across packages). */
  distinctStacks: number;
  packages: number;
}

/** Enough fragments for the distinct-stack target of a file of this size. */
function makeFragments(
  rng: Rng,
  names: readonly string[],
  targetBytes: number,
): { fragments: Fragment[]; distinct: number } {
  const distinctTarget = Math.min(Math.round(targetBytes / 190 / 2.6), 420_000);
  const fragments: Fragment[] = [];
  // Two macros with the same name, or a function calling the same callee twice, merge.
  const distinct = new Set<string>();
  while (distinct.size < distinctTarget) {
    const f = makeFragment(rng, names, 8 + Math.floor(Math.pow(rng(), 4) * 1500));
    fragments.push(f);
    for (const s of f.stacks) distinct.add(s);
  }
  // Three hot stacks in popular macros hold about a third of the bytes (0.29 at 100 MB, 0.5 at
  // 10 MB), as a giant list comprehension would; the rest stays wide enough to draw.
  for (let h = 0; h < 3; h++) {
    const f = fragments[(h * 7) % fragments.length]!;
    f.weights[Math.floor(f.stacks.length / 2)] = 8 * 3000 * (h + 1);
  }
  return { fragments, distinct: distinct.size };
}

/**
 * Writes a heap flame of about `targetBytes` through `write` (string chunks of ~1 MB).
 * The first pass uses every fragment once (so the distinct count is known), later packages
 * pick macros Zipf-like, so popular macros repeat across many packages.
 *
 * @example
 *   module;fbcode/cxx/utils/defs.bzl.get_deps;dict 96
 *   module;fbcode/cxx/utils/defs.bzl.get_deps;prelude/go/rust/rules.bzl.merge_flags;list 48
 */
export function generateHeapFlame(targetBytes: number, seed: number, write: (chunk: string) => void): HeapFlameStats {
  const rng = seededRandom(seed);
  const names = frameNames(rng);
  const { fragments, distinct } = makeFragments(rng, names, targetBytes);
  const stats: HeapFlameStats = { bytes: 0, lines: 0, distinctStacks: distinct, packages: 0 };
  let buf = '';
  let next = 0;
  while (stats.bytes + buf.length < targetBytes) {
    stats.packages++;
    buf += `module;${TYPE_NAMES[stats.packages % 4]} ${8 * (1 + (stats.packages % 97))}\n`;
    stats.lines++;
    const macros = 3 + Math.floor(rng() * 12);
    for (let m = 0; m < macros; m++) {
      const id = next < fragments.length ? next++ : Math.floor(Math.pow(rng(), 2.5) * fragments.length);
      const { stacks, weights } = fragments[id]!;
      const scale = 1 + Math.floor(rng() * 4);
      for (let i = 0; i < stacks.length; i++) buf += `module;${stacks[i]} ${weights[i]! * scale}\n`;
      stats.lines += stacks.length;
      if (buf.length > 1 << 20) {
        stats.bytes += byteLength(buf);
        write(buf);
        buf = '';
      }
    }
  }
  stats.bytes += byteLength(buf);
  write(buf);
  // Each package's `module;<type>` line is one of four distinct stacks.
  stats.distinctStacks += Math.min(stats.packages, 4);
  if (next < fragments.length) throw new Error(`target ${targetBytes} B too small for ${fragments.length} macros`);
  return stats;
}

const encoder = new TextEncoder();
/** UTF-8 length without keeping the encoded copy for long (names hold a few non-ASCII). */
function byteLength(s: string): number {
  return encoder.encode(s).length;
}
