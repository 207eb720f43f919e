// The decompressors load only for input that may be compressed (decompress.ts, codecs.ts). Every
// test file starts with them loaded (test/setup.ts), so this one reads the parser from modules
// loaded afresh, where nothing has loaded them: parseChunks must, from the first bytes alone,
// however few the first chunk holds; and parseBytes without them refuses compressed bytes as a
// bug of ours.
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { compressionOf, mayBeCompressed } from '../../src/formats/decompress.ts';

const FLAME = 'module;a.bzl.f;list 10\nmodule;a.bzl.f;dict 5\n';

async function* split(bytes: Uint8Array, first: number): AsyncIterable<Uint8Array> {
  yield bytes.subarray(0, first);
  yield bytes.subarray(first);
}

/** parse-file.ts and everything it imports, decompress.ts included, as if never loaded. */
async function freshParser() {
  vi.resetModules();
  return import('../../src/formats/parse-file.ts');
}

describe('decompressors loaded on demand', () => {
  it('refuses compressed bytes before they are loaded, naming the bug', async () => {
    const { parseBytes } = await freshParser();
    expect(() => parseBytes('flame.src.gz', gzipSync(FLAME))).toThrow(/decompressors were not loaded/);
  });

  it('are loaded by parseChunks from a first chunk of one byte', async () => {
    const { parseChunks } = await freshParser();
    const gz = gzipSync(FLAME);
    const parsed = await parseChunks('flame.src.gz', gz.length, split(gz, 1));
    expect(parsed.error).toBeNull();
    expect(parsed.compression).toBe('gzip');
    expect(parsed.profile?.format).toBe('heap-flame');
  });

  it('may-be-compressed holds for every start of a compressed input, whatever follows', () => {
    const magics = [
      [0x1f, 0x8b],
      [0x28, 0xb5, 0x2f, 0xfd],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...magics), fc.uint8Array({ maxLength: 8 }), fc.nat(12), (magic, rest, cut) => {
        const bytes = new Uint8Array([...magic, ...rest]);
        expect(compressionOf(bytes)).not.toBeNull();
        expect(mayBeCompressed(bytes.subarray(0, Math.max(1, cut)))).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 4 }), fc.uint8Array({ maxLength: 8 }), (head, rest) => {
        // A first chunk that may not be compressed never starts a compressed input.
        if (!mayBeCompressed(head)) expect(compressionOf(new Uint8Array([...head, ...rest]))).toBeNull();
      }),
    );
  });
});
