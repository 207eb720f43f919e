// gzip and zstd inputs (`buck2 log show` output saved compressed, `*.json-lines.gz|.zst`)
// are detected by magic bytes and inflated as a stream with fflate / fzstd.
import { Gunzip } from 'fflate';
import { Decompress as ZstdDecompress } from 'fzstd';
import { ZstdWindowGuard } from './zstd-frames.ts';

export type Compression = 'gzip' | 'zstd';

/** Bytes needed to tell compressed input apart. */
export const MAGIC_LENGTH = 4;

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
  if (kind === 'gzip') return gzipInflater(onData);
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
function gzipInflater(onData: (chunk: Uint8Array) => void): Inflater {
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
