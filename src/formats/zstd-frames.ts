// The zstd tool refuses, without `--long`, a frame whose window is over 128 MiB (2^27,
// ZSTD_WINDOWLOG_LIMIT_DEFAULT); fzstd allocates whatever a frame header announces up to 2 GiB,
// so a 3.8 KiB file announcing 1 GiB took 61 s and 1.2 GB (issue 17). This walks the frames of
// the compressed stream (RFC 8878 §3.1) as it arrives and stops at a header that asks for more.

/** The largest window accepted: what `zstd -d` accepts without `--long`. */
export const MAX_ZSTD_WINDOW = 128 * 1024 * 1024;

/** A frame asks for a window over MAX_ZSTD_WINDOW: refused, not "damaged". */
export class ZstdWindowTooLarge extends Error {
  constructor(readonly windowBytes: number) {
    super(
      `window too large: a zstd frame asks for a ${formatMiB(windowBytes)} window, over the ${formatMiB(MAX_ZSTD_WINDOW)} ` +
        'the zstd tool accepts without --long; decompress the file with zstd --long=31 first',
    );
    this.name = 'ZstdWindowTooLarge';
  }
}

function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 1 })} MiB`;
}

const ZSTD_MAGIC = 0xfd2fb528;
/** Skippable frames use 0x184D2A50…0x184D2A5F. */
const SKIPPABLE = 0x184d2a50;

type Step = 'magic' | 'skip-size' | 'descriptor' | 'header' | 'block';

/**
 * Feed it the compressed bytes in order; it throws ZstdWindowTooLarge at the first frame header
 * announcing too large a window; anything it cannot follow is left to the decompressor to judge.
 */
export class ZstdWindowGuard {
  private step: Step = 'magic';
  private need = 4;
  private readonly held: number[] = [];
  private skip = 0;
  private checksum = 0;
  private done = false;
  /** From the Frame_Header_Descriptor: which optional fields follow (window, dictionary id, content size). */
  private frame = { singleSegment: false, dictBytes: 0, sizeBytes: 0 };

  push(chunk: Uint8Array): void {
    let i = 0;
    while (!this.done && i < chunk.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - i);
        this.skip -= n;
        i += n;
        continue;
      }
      this.held.push(chunk[i++]!);
      if (this.held.length === this.need) this.take(this.held.splice(0));
    }
  }

  private take(b: number[]): void {
    if (this.step === 'magic') return this.magic((b[0]! | (b[1]! << 8) | (b[2]! << 16) | (b[3]! << 24)) >>> 0);
    if (this.step === 'skip-size')
      return this.expect('magic', 4, (b[0]! | (b[1]! << 8) | (b[2]! << 16) | (b[3]! << 24)) >>> 0);
    if (this.step === 'descriptor') return this.descriptor(b[0]!);
    if (this.step === 'header') return this.header(b);
    const block = b[0]! | (b[1]! << 8) | (b[2]! << 16);
    const last = block & 1;
    // An RLE block (type 1) holds one byte whatever its size says.
    const size = ((block >> 1) & 3) === 1 ? 1 : block >>> 3;
    this.expect(last ? 'magic' : 'block', last ? 4 : 3, size + (last ? this.checksum : 0));
  }

  private magic(word: number): void {
    if (word === ZSTD_MAGIC) return this.expect('descriptor', 1, 0);
    if ((word & 0xfffffff0) === SKIPPABLE >>> 0) return this.expect('skip-size', 4, 0);
    this.done = true; // not zstd framing: the decompressor says what is wrong
  }

  private descriptor(fhd: number): void {
    const singleSegment = (fhd & 0x20) !== 0;
    const sizeFlag = fhd >> 6;
    this.frame = {
      singleSegment,
      dictBytes: [0, 1, 2, 4][fhd & 3]!,
      sizeBytes: sizeFlag === 0 ? (singleSegment ? 1 : 0) : 1 << sizeFlag,
    };
    this.checksum = fhd & 4 ? 4 : 0;
    const rest = (singleSegment ? 0 : 1) + this.frame.dictBytes + this.frame.sizeBytes;
    if (rest === 0) return this.expect('block', 3, 0);
    this.expect('header', rest, 0);
  }

  private header(b: number[]): void {
    const f = this.frame;
    let window: number;
    if (f.singleSegment) {
      // The window is the content size (Frame_Content_Size, little-endian; +256 for the 2-byte form).
      const at = f.dictBytes;
      window = 0;
      for (let k = f.sizeBytes - 1; k >= 0; k--) window = window * 256 + b[at + k]!;
      if (f.sizeBytes === 2) window += 256;
    } else {
      const exponent = b[0]! >> 3;
      const base = 2 ** (10 + exponent);
      window = base + (base / 8) * (b[0]! & 7);
    }
    if (window > MAX_ZSTD_WINDOW) throw new ZstdWindowTooLarge(window);
    this.expect('block', 3, 0);
  }

  private expect(step: Step, need: number, skip: number): void {
    this.step = step;
    this.need = need;
    this.skip = skip;
  }
}
