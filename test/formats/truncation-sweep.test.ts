// Issue 17's sweep: every line format (and its gzip and zstd copy), cut at every byte of a small
// real file and streamed in random chunks, ends in exactly the kept lines' profile with a
// "cut short" warning, or a clear error: never a silent partial number.
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ParseSession } from '../../src/formats/parse-file.ts';
import type { ParsedFile, Profile } from '../../src/model/profile.ts';
import { compressZstd } from '../../tools/fuzz/encodings.ts';
import { readSample } from './parse-as.ts';

/** Real files, one per line format (targets lists may end without `\n`, so they cannot tell). */
const SOURCES = [
  'monorepo/heap-flame-allocated/flame.src',
  'monorepo/time-flame/flame.src',
  'monorepo/heap-summary-allocated/profile.csv',
  'monorepo/statement/profile.csv',
  'monorepo/bytecode/profile.csv',
  'monorepo/bytecode-pairs/profile.csv',
  'monorepo/typecheck/profile.csv',
  'monorepo/coverage/profile.csv',
  'event-logs/monorepo.json-lines',
];
/** Whole lines of the file's head, at most this long: a cut at every byte stays quick. */
const SMALL = 700;

function smallFile(path: string): string[] {
  const lines: string[] = [];
  let size = 0;
  for (const line of readSample(path).split('\n').slice(0, -1)) {
    if (lines.length >= 2 && size + line.length + 1 > SMALL) break;
    lines.push(line);
    size += line.length + 1;
  }
  return lines;
}

/** A tiny seeded generator (mulberry32): the same chunks on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function parseInChunks(path: string, bytes: Uint8Array, next: () => number): ParsedFile {
  const session = new ParseSession(path, bytes.length);
  for (let at = 0; at < bytes.length;) {
    const size = 1 + Math.floor(next() * 40);
    session.pushBytes(bytes.slice(at, at + size));
    at += size;
  }
  return session.finish();
}

const encode = (s: string) => new TextEncoder().encode(s);

describe.each(SOURCES)('%s cut at every byte', { timeout: 60_000 }, (path) => {
  const lines = smallFile(path);
  const whole = encode(lines.map((l) => `${l}\n`).join(''));
  // What the first k whole lines give: the only profiles a cut file may show.
  const kept: (Profile | null)[] = lines.map(
    (_, k) =>
      parseInChunks(
        path,
        encode(
          lines
            .slice(0, k)
            .map((l) => `${l}\n`)
            .join(''),
        ),
        () => 1,
      ).profile,
  );
  kept.push(parseInChunks(path, whole, () => 1).profile);
  // A cut inside the first line: the format is known from it, but the line itself is dropped.
  const noneKept = parseInChunks(path, encode(lines[0]!), () => 1).profile;
  const allowed = [...kept, noneKept];
  const next = random(17);

  it('plain: the kept lines exactly, "cut short" unless cut at a line end, or an error', () => {
    expect(kept.at(-1)).not.toBeNull();
    const boundaries = new Set([...whole].flatMap((b, i) => (b === 10 ? [i + 1] : [])));
    let keptLines = 0;
    for (let cut = 1; cut < whole.length; cut++) {
      if (whole[cut - 1] === 10) keptLines++;
      const parsed = parseInChunks(path, whole.subarray(0, cut), next);
      const where = `${path} cut at ${cut}`;
      if (parsed.error) {
        expect(parsed.error.message, where).not.toBe('');
        continue;
      }
      expect(parsed.profile, where).toEqual(keptLines === 0 && parsed.truncated ? noneKept : kept[keptLines]);
      if (boundaries.has(cut)) expect(parsed.truncated, where).toBeNull();
      else expect(parsed.truncated?.message, where).toContain(`ends mid-line at line ${keptLines + 1}`);
    }
  });

  it.each([
    ['gzip', (b: Uint8Array) => gzipSync(b)],
    ['zstd', compressZstd],
  ] as const)('%s copy: any cut is "cut short" or an error, and shows only whole lines', (kind, compress) => {
    const packed = compress(whole);
    for (let cut = 1; cut < packed.length; cut++) {
      const parsed = parseInChunks(`${path}.${kind}`, packed.subarray(0, cut), next);
      const where = `${path}.${kind} cut at ${cut} of ${packed.length}`;
      expect(parsed.truncated ?? parsed.error, where).not.toBeNull();
      if (parsed.profile) expect(allowed, where).toContainEqual(parsed.profile);
    }
    expect(parseInChunks(`${path}.${kind}`, packed, next)).toMatchObject({
      truncated: null,
      error: null,
      profile: kept.at(-1),
    });
  });
});
