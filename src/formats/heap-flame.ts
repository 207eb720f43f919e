// Heap flame (folded) — docs/formats.md §3; upstream writer: starlark
// `values/layout/heap/profile/aggregated.rs` (StackFrameWithContext::gen_flame_graph_data).
import { CallTreeBuilder, NodeKind } from '../model/call-tree.ts';
import type { HeapFlame } from '../model/profile.ts';
import type { FormatSpec, LineParser, ParseContext } from './format.ts';
import { NO_LINE_END } from './byte-lines.ts';
import { ByteNameTable, widened } from './byte-names.ts';
import { checkDecodedText } from './diagnostics.ts';
import { isFoldedLine, SPACE } from './folded.ts';

const UNUSED_CAPACITY = [...'unused_capacity'].map((c) => c.charCodeAt(0));
const UNKNOWN = [...'(unknown)'].map((c) => c.charCodeAt(0));
const SEMICOLON = 59;
const LF = 10;
const CR = 13;

/** True when `bytes[start, end)` is exactly the ASCII `word`. */
function isWord(bytes: Uint8Array, start: number, end: number, word: readonly number[]): boolean {
  if (end - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (bytes[start + k] !== word[k]) return false;
  return true;
}

/** The integer of the ASCII digits `bytes[from, end)`; exact up to 2^53, like Number(). */
function digitsValue(bytes: Uint8Array, from: number, end: number): number {
  // Up to 15 digits stay below 2^53, so the running sum is exact; longer runs go through
  // Number() so a too-large value rounds exactly like the text path and the builder rejects it.
  if (end - from > 15) return Number(new TextDecoder().decode(bytes.subarray(from, end)));
  let value = 0;
  for (let i = from; i < end; i++) value = value * 10 + (bytes[i]! - 48);
  return value;
}

/**
 * Parses `F1;…;Fn;TYPE BYTES` lines: the last frame is a value type, the others are the
 * Starlark stack. `range 8` (n = 0) is a root-level allocation, `(unknown) N` a value on the
 * root, `unused_capacity N` (2022-10…2024-07) is reported apart and kept out of the totals.
 *
 * @example
 *   module;test.star.test;dict 192
 *   module;test.star.test;test.star.inner;dict 1760
 */
export class HeapFlameParser implements LineParser<HeapFlame> {
  private readonly builder = new CallTreeBuilder('bytes');
  private readonly names = new ByteNameTable((name) => this.internName(name));
  /** The line being read, for what a new name says about it. */
  private lineNo = 0;
  private readonly encoder = new TextEncoder();
  private stacks = 0;
  private unusedCapacity: number | null = null;
  // Consecutive lines share long prefixes (the writer walks the tree depth-first), so the
  // previous line's bytes, its function frames' end offsets (from the line start) and their
  // nodes are kept: a line only looks up the frames after the ones it shares with the one before.
  private prevBytes: Uint8Array = new Uint8Array(0);
  private prevStart = 0;
  private prevEnds = new Int32Array(64);
  private prevNodes = new Int32Array(64);
  private prevDepth = 0;
  private viewA: { bytes: Uint8Array; view: DataView } = {
    bytes: new Uint8Array(0),
    view: new DataView(new ArrayBuffer(0)),
  };
  private viewB = this.viewA;
  /** Where the `;`s of the line being read are (scratch, reused). */
  private semis = new Int32Array(64);
  /** Where the previous line's bytes are copied when its chunk may be reused. */
  private kept = new Uint8Array(1024);

  constructor(private readonly ctx: ParseContext) {}

  line(text: string, lineNo: number): void {
    // Text lines (sniffed head, pasted text, a last unterminated line) take the byte path too,
    // so both ways build the same tree; a fresh array stays valid as the "previous line".
    const bytes = this.encoder.encode(`${text}\n`);
    this.lineBytes(bytes, 0, bytes.length, lineNo);
  }

  lineBytes(bytes: Uint8Array, start: number, limit: number, lineNo: number): number {
    this.lineNo = lineNo;
    const shared = this.sharedDepth(bytes, start, limit);
    // One pass over the rest of the line finds its `;`s and its end (no separate `\n` search).
    let semis = 0;
    let i = shared === 0 ? start : start + this.prevEnds[shared - 1]! + 1;
    for (; i < limit; i++) {
      const c = bytes[i]!;
      if (c === LF || c === CR) break;
      if (c === SEMICOLON) {
        if (semis === this.semis.length) this.semis = widened(this.semis);
        this.semis[semis++] = i;
      }
    }
    if (i === limit) return NO_LINE_END;
    if (i > start) this.stack(bytes, start, i, lineNo, shared, semis);
    return i;
  }

  /** One non-empty line `bytes[start, end)`; its `;`s after the shared frames are in `semis`. */
  private stack(bytes: Uint8Array, start: number, end: number, lineNo: number, shared: number, semis: number): void {
    let digits = end;
    while (digits > start && bytes[digits - 1]! >= 48 && bytes[digits - 1]! <= 57) digits--;
    const space = digits - 1;
    if (space < start || digits === end || bytes[space] !== SPACE) {
      const text = new TextDecoder().decode(bytes.subarray(start, end));
      this.checkText(text);
      this.ctx.diagnostics.skip(lineNo, 'without a trailing byte count', text);
      return;
    }
    const value = digitsValue(bytes, digits, end);
    if (isWord(bytes, start, space, UNUSED_CAPACITY)) {
      this.unusedCapacity = (this.unusedCapacity ?? 0) + value;
      return;
    }
    this.stacks++;
    if (isWord(bytes, start, space, UNKNOWN)) {
      this.builder.addSelf(0, value);
      return;
    }
    this.builder.addSelf(this.leafFor(bytes, start, space, shared, semis), value);
  }

  /**
   * How many of the previous line's function frames (with their `;`) the line at `start`
   * repeats byte for byte. The previous line's frames hold no `\n` or `\r`, so the comparison stops
   * at this line's end at the latest.
   */
  private sharedDepth(bytes: Uint8Array, start: number, limit: number): number {
    let depth = this.prevDepth;
    if (depth === 0) return 0;
    const prev = this.prevBytes;
    const from = this.prevStart;
    const length = Math.min(limit - start, this.prevEnds[depth - 1]! + 1);
    // Four bytes at a time through DataViews (unaligned loads V8 compiles inline), then bytewise.
    const view = this.viewOf(bytes);
    const prevView = this.viewOf(prev);
    let same = 0;
    while (same + 4 <= length && view.getInt32(start + same, true) === prevView.getInt32(from + same, true)) same += 4;
    while (same < length && bytes[start + same] === prev[from + same]) same++;
    while (depth > 0 && this.prevEnds[depth - 1]! >= same) depth--;
    return depth;
  }

  /** A DataView of `bytes`, cached for the two arrays seen last (the chunk and the kept line). */
  private viewOf(bytes: Uint8Array): DataView {
    if (bytes === this.viewA.bytes) return this.viewA.view;
    if (bytes === this.viewB.bytes) return this.viewB.view;
    this.viewB = this.viewA;
    this.viewA = { bytes, view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
    return this.viewA.view;
  }

  /** The type-leaf node of the stack `bytes[start, stackEnd)`, reusing the previous line's first `shared` frames. */
  private leafFor(bytes: Uint8Array, start: number, stackEnd: number, shared: number, semis: number): number {
    const b = this.builder;
    let depth = shared;
    let node = depth === 0 ? 0 : this.prevNodes[depth - 1]!;
    let frame = depth === 0 ? start : start + this.prevEnds[depth - 1]! + 1;
    const view = this.viewOf(bytes);
    for (let k = 0; k < semis; k++) {
      const semi = this.semis[k]!;
      if (semi >= stackEnd) break;
      node = b.child(node, this.names.id(bytes, view, frame, semi), NodeKind.Function);
      if (depth === this.prevEnds.length) this.widen();
      this.prevEnds[depth] = semi - start;
      this.prevNodes[depth++] = node;
      frame = semi + 1;
    }
    this.prevBytes = bytes;
    this.prevStart = start;
    this.prevDepth = depth;
    return b.child(node, this.names.id(bytes, view, frame, stackEnd), NodeKind.Type);
  }

  /**
   * Each distinct name is decoded once, here: what the driver checks on every text line (a NUL
   * is binary data, U+FFFD is undecodable bytes) is checked for byte lines on their new names
   * and skipped lines, which is where such bytes can be.
   */
  private internName(name: string): number {
    this.checkText(name);
    return this.builder.intern(name);
  }

  private checkText(text: string): void {
    checkDecodedText(this.ctx.file, this.ctx.diagnostics, this.lineNo, text);
  }

  /** The chunk's bytes may be reused: keep the part of the last line the next one compares. */
  chunkDone(): void {
    if (this.prevDepth === 0 || this.prevBytes === this.kept) return;
    const length = this.prevEnds[this.prevDepth - 1]! + 1;
    if (length > this.kept.length) this.kept = new Uint8Array(Math.max(length, this.kept.length * 2));
    this.kept.set(this.prevBytes.subarray(this.prevStart, this.prevStart + length));
    this.prevBytes = this.kept;
    this.prevStart = 0;
  }

  private widen(): void {
    this.prevEnds = widened(this.prevEnds);
    this.prevNodes = widened(this.prevNodes);
  }

  finish(): HeapFlame {
    return {
      format: 'heap-flame',
      tree: this.builder.build(),
      stacks: this.stacks,
      unusedCapacityBytes: this.unusedCapacity,
    };
  }
}

export const heapFlameFormat: FormatSpec<HeapFlame> = {
  name: 'heap-flame',
  endsEveryLine: true,
  // The first line must be folded; a few damaged lines later on are skipped and counted.
  sniff: ({ lines }) =>
    lines.length > 0 && isFoldedLine(lines[0]!) && lines.filter(isFoldedLine).length * 4 >= lines.length * 3,
  create: (ctx) => new HeapFlameParser(ctx),
};
