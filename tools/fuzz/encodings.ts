// Odd encodings a profile can arrive in after passing through editors, Windows shells
// (PowerShell 5's `>` writes UTF-16LE with a BOM) or a bad copy, and zstd packing.
import { execFileSync } from 'node:child_process';
import { concat } from './mutations.ts';

export type Encoding =
  | 'utf-16le-bom'
  | 'utf-16be-bom'
  | 'utf-16le'
  | 'latin-1'
  | 'utf-8-bom'
  | 'crlf'
  | 'cr'
  | 'mixed-line-ends'
  | 'no-final-lf'
  | 'invalid-utf-8';

/** Broken UTF-8 sequences: lone continuation, truncated, overlong, surrogate, 0xFF. */
const INVALID_UTF8 = [[0x80], [0xc3], [0xe2, 0x82], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xff], [0xf4, 0x90, 0x80, 0x80]];

/**
 * Re-encodes UTF-8 bytes. `at` picks where an invalid sequence goes (and which one).
 *
 * @example encodeAs(utf8('a 1\n'), 'utf-16le-bom', 0) // FF FE 61 00 20 00 31 00 0A 00
 */
export function encodeAs(utf8: Uint8Array, encoding: Encoding, at: number): Uint8Array {
  const text = new TextDecoder().decode(utf8);
  switch (encoding) {
    case 'utf-16le-bom':
      return concat(new Uint8Array([0xff, 0xfe]), utf16(text, true));
    case 'utf-16be-bom':
      return concat(new Uint8Array([0xfe, 0xff]), utf16(text, false));
    case 'utf-16le':
      return utf16(text, true);
    case 'latin-1':
      // Code points above 0xFF do not exist in Latin-1: '?' as Windows' converters write.
      return Uint8Array.from(
        text.replace(/./gsu, (c) => (c.codePointAt(0)! > 0xff ? '?' : c)),
        (c) => c.charCodeAt(0),
      );
    case 'utf-8-bom':
      return concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8);
    case 'crlf':
      return new TextEncoder().encode(text.replace(/\n/g, '\r\n'));
    case 'cr': // classic Mac line ends: every line must stay its own (issue 17)
      return new TextEncoder().encode(text.replace(/\n/g, '\r'));
    case 'mixed-line-ends': {
      let k = at;
      return new TextEncoder().encode(text.replace(/\n/g, () => ['\n', '\r\n', '\r'][k++ % 3]!));
    }
    case 'no-final-lf': // a last line without `\n` is cut short for Buck2's writers
      return new TextEncoder().encode(text.replace(/\r?\n$/, ''));
    case 'invalid-utf-8': {
      const i = utf8.length === 0 ? 0 : at % utf8.length;
      return concat(utf8.subarray(0, i), new Uint8Array(INVALID_UTF8[at % INVALID_UTF8.length]!), utf8.subarray(i));
    }
  }
}

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

let zstdAvailable: boolean | null = null;
const zstdCache = new WeakMap<Uint8Array, Uint8Array>();

/**
 * zstd-compresses with the `zstd` command (no JS zstd compressor is installed; fzstd only
 * decompresses), once per distinct input; without the command, a frame of stored blocks.
 */
export function compressZstd(bytes: Uint8Array): Uint8Array {
  let out = zstdCache.get(bytes);
  if (out) return out;
  if (zstdAvailable !== false) {
    try {
      out = new Uint8Array(execFileSync('zstd', ['-q', '-c', '-3'], { input: bytes, maxBuffer: 1 << 28 }));
      zstdAvailable = true;
    } catch {
      zstdAvailable = false;
    }
  }
  out ??= zstdStored(bytes);
  zstdCache.set(bytes, out);
  return out;
}

/** A zstd frame (RFC 8878 §3.1.1) of raw (stored) blocks: cheap, and valid for fzstd. */
export function zstdStored(bytes: Uint8Array): Uint8Array {
  const BLOCK = 128 * 1024;
  const parts: Uint8Array[] = [new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x00, 7 << 3])];
  let offset = 0;
  do {
    const size = Math.min(BLOCK, bytes.length - offset);
    const last = offset + size >= bytes.length ? 1 : 0;
    const header = (size << 3) | last; // block type 0 = raw
    parts.push(
      new Uint8Array([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff]),
      bytes.subarray(offset, offset + size),
    );
    offset += size;
  } while (offset < bytes.length);
  return concat(...parts);
}
