// fast-check arbitraries for hostile and broken profile files. Each input is data (a seed
// name plus a list of mutations), so fast-check can shrink a failure to a small case.
import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { concat, mutate, type Mutation } from './mutations.ts';
import type { Seed } from './seeds.ts';
import { compressZstd, encodeAs, zstdStored, type Encoding } from './encodings.ts';

/** One fuzz case: the file name and bytes a user could drop, and how the bytes arrive. */
export interface FuzzInput {
  /** Which generator made it, for the report (`mutated`, `deep-stack`, …). */
  kind: string;
  path: string;
  bytes: Uint8Array;
  /** Chunk sizes, used in turn: where the stream is cut between reads. */
  chunks: number[];
}

/** Frames in the deep-stack case (the issue asks for 100k). */
export const DEEP_STACK_FRAMES = 100_000;

/** File names users drop, markup and all: the path ends up in every message. */
const PATHS = [
  'profile.csv',
  'flame.src',
  'targets.txt',
  'log.json-lines',
  '<img src=x onerror=alert(9)>.txt',
  'a\u202eb.csv',
  '',
];

/** Numbers around the edges of exactness (docs/formats.md pitfall 11). */
const HUGE_NUMBERS = [
  '9007199254740991', // 2^53 - 1
  '9007199254740992',
  '9007199254740993',
  '18446744073709551615', // u64::MAX
  '9'.repeat(400),
  '1e400',
  '-1',
  '0',
  '00000000000000000000000000000001',
];

const chunkSizes = fc.array(fc.oneof(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 17, max: 70_000 })), {
  minLength: 1,
  maxLength: 6,
});

const path = fc.constantFrom(...PATHS);

function input(kind: string, bytes: fc.Arbitrary<Uint8Array>): fc.Arbitrary<FuzzInput> {
  return fc.record({ bytes, path, chunks: chunkSizes }).map((r) => ({ kind, ...r }));
}

const encoder = new TextEncoder();

/** Lines a parser might half-recognise, with hostile frame names and edge numbers. */
function nearMissText(): fc.Arbitrary<string> {
  const frame = fc.oneof(
    fc.constantFrom(
      'module',
      '"module"',
      'root',
      'a.bzl.f',
      'dict',
      '(unknown)',
      'unused_capacity',
      'TOTALS',
      '<script>alert(1)</script>',
      '${x}',
      '{{x}}',
      '',
    ),
    fc.string({ unit: 'binary', maxLength: 12 }),
  );
  const stack = fc.array(frame, { minLength: 1, maxLength: 8 }).map((f) => f.join(';'));
  const number = fc.oneof(fc.constantFrom(...HUGE_NUMBERS), fc.nat().map(String));
  const folded = fc.tuple(stack, number).map(([s, n]) => `${s} ${n}`);
  const csvRow = fc
    .array(
      fc.oneof(
        number,
        frame.map((f) => `"${f}"`),
      ),
      { maxLength: 12 },
    )
    .map((c) => c.join(','));
  const header = fc.constantFrom(
    'Function,Time(s),TimeRec(s),Calls,Callers,TopCaller,TopCallerCount,Allocs,AllocBytes,dict,list',
    'File,Span,Duration(s),Count',
    'Opcode,Count,Count / Total',
    'Function,Time (s)',
  );
  // Load records with odd peaks (a float, a string, 2^53 + 1) and keys written with escapes.
  const loadKey = fc.constantFrom('Load', '\\u004coad', 'L\\u006fad', 'load');
  const peak = fc.oneof(number, fc.constantFrom('1.5', '"12"', '-1', 'null', '1e3'));
  const load = fc
    .tuple(loadKey, frame, peak)
    .map(
      ([key, id, p]) =>
        `{"Event":{"data":{"SpanEnd":{"data":{"${key}":{"module_id":${JSON.stringify(id)},"starlark_peak_allocated_bytes":${p}}}}}}}`,
    );
  const line = fc.oneof(
    folded,
    csvRow,
    header,
    load,
    fc.constantFrom('{"Event":{"data":{"SpanEnd":{"data":{"Load":{}}}}}}', 'load/root//x', '#"f",1,1'),
  );
  return fc.array(line, { minLength: 1, maxLength: 40 }).map((l) => l.join('\n'));
}

/** The 100k-frame stack, heap or time flavoured (built once per variant: it is 1–2.6 MB). */
function deepStack(): fc.Arbitrary<Uint8Array> {
  const built = new Map<string, Uint8Array>();
  return fc
    .record({ time: fc.boolean(), distinct: fc.boolean(), value: fc.constantFrom('8', '9007199254740993') })
    .map((o) => {
      const key = JSON.stringify(o);
      let bytes = built.get(key);
      if (!bytes) {
        const frames = Array.from({ length: DEEP_STACK_FRAMES }, (_, i) => (o.distinct ? `a.bzl.f${i}` : 'a.bzl.f'));
        const stack = o.time ? `root;${frames.join(';')}` : `${frames.join(';')};dict`;
        bytes = encoder.encode(`${stack} ${o.value}\n${stack} 8\n`);
        built.set(key, bytes);
      }
      return bytes;
    });
}

/** One very long line (1–1.25 MiB; a line of `;` is a million-frame stack), alone or after a valid first line. */
function longLine(seeds: readonly Seed[]): fc.Arbitrary<Uint8Array> {
  return fc
    .record({
      seed: fc.constantFrom(...seeds),
      size: fc.integer({ min: 1 << 20, max: 5 << 18 }),
      char: fc.constantFrom('a', ';', ' ', '"', ',', '\u00e9'),
    })
    .map(({ seed, size, char }) => {
      const head = seed.bytes.subarray(0, seed.bytes.indexOf(0x0a) + 1);
      const long = encoder.encode(char.repeat(Math.ceil(size / encoder.encode(char).length)));
      return concat(head, long, encoder.encode(' 8\n'));
    });
}

function encoded(seeds: readonly Seed[]): fc.Arbitrary<Uint8Array> {
  const encoding = fc.constantFrom<Encoding>(
    'utf-16le-bom',
    'utf-16be-bom',
    'utf-16le',
    'latin-1',
    'utf-8-bom',
    'crlf',
    'cr',
    'mixed-line-ends',
    'no-final-lf',
    'invalid-utf-8',
  );
  return fc
    .record({ seed: fc.constantFrom(...seeds), encoding, at: fc.nat() })
    .map(({ seed, encoding, at }) => encodeAs(seed.bytes, encoding, at));
}

function compressed(seeds: readonly Seed[], mutations: fc.Arbitrary<Mutation[]>): fc.Arbitrary<Uint8Array> {
  return fc
    .record({ seed: fc.constantFrom(...seeds), zstd: fc.boolean(), before: fc.boolean(), mutations })
    .map(({ seed, zstd, before, mutations: ms }) => {
      // Mutated content goes in stored zstd blocks (no process per case); real seeds are
      // compressed by the zstd command once, then damaged.
      const plain = before ? mutate(seed.bytes, ms) : seed.bytes;
      const packed = zstd ? (before ? zstdStored(plain) : compressZstd(plain)) : gzipSync(plain);
      return before ? packed : mutate(packed, ms);
    });
}

/**
 * Every kind of hostile input, weighted towards mutated real files (where parsers have the
 * most states to get wrong).
 */
export function fuzzInput(seeds: readonly Seed[]): fc.Arbitrary<FuzzInput> {
  const seed = fc.constantFrom(...seeds);
  const mutations = fc.array(mutationArb(), { minLength: 1, maxLength: 6 });
  const mutated = fc.tuple(seed, mutations).map(([s, ms]) => mutate(s.bytes, ms));
  const truncated = fc
    .tuple(seed, fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([s, f]) => s.bytes.subarray(0, Math.floor(s.bytes.length * f)));
  return fc.oneof(
    { weight: 400, arbitrary: input('mutated', mutated) },
    { weight: 150, arbitrary: input('truncated', truncated) },
    {
      weight: 100,
      arbitrary: input(
        'near-miss',
        nearMissText().map((t) => encoder.encode(t)),
      ),
    },
    { weight: 80, arbitrary: input('random-bytes', fc.uint8Array({ maxLength: 4096 })) },
    {
      weight: 80,
      arbitrary: input(
        'random-text',
        fc.string({ unit: 'binary', maxLength: 2048 }).map((t) => encoder.encode(t)),
      ),
    },
    { weight: 80, arbitrary: input('encoding', encoded(seeds)) },
    { weight: 80, arbitrary: input('compressed', compressed(seeds, mutations)) },
    // Megabyte inputs are rare: each costs a hundred ordinary cases (about 100 per 100k run).
    { weight: 5, arbitrary: input('long-line', longLine(seeds)) },
    { weight: 1, arbitrary: input('deep-stack', deepStack()) },
  );
}

function mutationArb(): fc.Arbitrary<Mutation> {
  const at = fc.double({ min: 0, max: 1, noNaN: true });
  return fc.oneof(
    fc.record({ op: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ op: fc.constant('insert' as const), at, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
    fc.record({
      op: fc.constant('insert-text' as const),
      at,
      text: fc.constantFrom('\0', '\r', '\n', ';', '"', ',', ' ', '\u202e', '<b>', '{"', ...HUGE_NUMBERS),
    }),
    fc.record({ op: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ op: fc.constant('duplicate-line' as const), at, times: fc.integer({ min: 1, max: 50 }) }),
    fc.record({ op: fc.constant('swap-number' as const), at, number: fc.constantFrom(...HUGE_NUMBERS) }),
    fc.record({ op: fc.constant('truncate' as const), at }),
  );
}
