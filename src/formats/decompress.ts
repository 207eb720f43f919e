// gzip and zstd inputs (`buck2 log show` output saved compressed, `*.json-lines.gz|.zst`)
// are detected by magic bytes and inflated as a stream with fflate / fzstd, which are loaded
// (codecs.ts, loadCodecs) only for an input whose first bytes may be compressed.
import { ZstdWindowGuard } from './zstd-frames.ts';

type Codecs = typeof import('./codecs.ts');
let codecs: Codecs | null = null;

/** Loads the decompressors; createInflater needs them. parseChunks calls it when mayBeCompressed. */
export async function loadCodecs(): Promise<void> {
  codecs ??= await import('./codecs.ts');
}

function loadedCodecs(): Codecs {
  // A bug of ours, not the file's: the caller pushed compressed bytes without loadCodecs().
  if (!codecs) throw new Error('the decompressors were not loaded before compressed input (decompress.ts loadCodecs)');
  return codecs;
}

export type Compression = 'gzip' | 'zstd';

/** Bytes needed to tell compressed input apart. */
export const MAGIC_LENGTH = 4;

const MAGICS = [new Uint8Array([0x1f, 0x8b]), new Uint8Array([0x28, 0xb5, 0x2f, 0xfd])];

/**
 * Whether an input whose first bytes are `head` (however few) may turn out compressed: `head`
 * starts with a magic number, or is the start of one.
 */
export function mayBeCompressed(head: Uint8Array): boolean {
  return MAGICS.some((magic) => {
    const n = Math.min(head.length, magic.length);
    for (let i = 0; i < n; i++) if (head[i] !== magic[i]) return false;
    return true;
  });
}

export function compressionOf(head: Uint8Array): Compression | null {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) {
    return 'zstd';
  }
  return null;
}

/** A push-style decompressor: bytes in, decompressed chunks out through `onData`. */
export interface Inflater {
  push(chunk: Uint8Array, final: boolean): void;
}

export function createInflater(kind: Compression, onData: (chunk: Uint8Array) => void): Inflater {
  const { Gunzip, ZstdDecompress } = loadedCodecs();
  if (kind === 'gzip') return gzipInflater(Gunzip, onData);
  const zstd = new ZstdDecompress((data) => onData(data));
  const guard = new ZstdWindowGuard();
  return {
    push(chunk, final) {
      guard.push(chunk);
      zstd.push(chunk, final);
    },
  };
}

/** A gzip member ends with CRC32 and ISIZE (RFC 1952 §2.3.1): the last 8 bytes of the stream. */
const TRAILER = 8;

/**
 * fflate's streaming Gunzip returns without error for some cut points (issue 17: about 8 %,
 * inside the last deflate block or the trailer), so the end is checked here: the last member's
 * decompressed size mod 2^32 must be the ISIZE its last 4 bytes announce. A cut stream's last
 * 4 bytes are deflate data or part of the CRC, which match by chance once in 2^32.
 */
function gzipInflater(Gunzip: Codecs['Gunzip'], onData: (chunk: Uint8Array) => void): Inflater {
  let memberSize = 0;
  const tail = new Uint8Array(TRAILER);
  let seen = 0;
  const gunzip = new Gunzip((data) => {
    memberSize = (memberSize + data.length) >>> 0;
    onData(data);
  });
  // A concatenated stream (`cat a.gz b.gz`): the size counts from the last member's start.
  gunzip.onmember = () => void (memberSize = 0);
  const keepTail = (chunk: Uint8Array) => {
    const take = Math.min(chunk.length, TRAILER);
    tail.copyWithin(0, take);
    tail.set(chunk.subarray(chunk.length - take), TRAILER - take);
    seen += chunk.length;
  };
  return {
    push(chunk, final) {
      keepTail(chunk);
      gunzip.push(chunk, final);
      if (!final) return;
      const isize = new DataView(tail.buffer).getUint32(4, true);
      if (seen < TRAILER || isize !== memberSize) {
        throw new Error(
          `the stream ends before its trailer: ${memberSize} bytes inflated, the trailer read says ${isize}`,
        );
      }
    },
  };
}
