// gzip and zstd inputs (`buck2 log show` output saved compressed, `*.json-lines.gz|.zst`)
// are detected by magic bytes and inflated as a stream with fflate / fzstd.
import { Gunzip } from 'fflate';
import { Decompress as ZstdDecompress } from 'fzstd';

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
  if (kind === 'gzip') {
    const gunzip = new Gunzip((data) => onData(data));
    return { push: (chunk, final) => gunzip.push(chunk, final) };
  }
  const zstd = new ZstdDecompress((data) => onData(data));
  return { push: (chunk, final) => zstd.push(chunk, final) };
}
