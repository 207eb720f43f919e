// Heap flame (folded) — formats.md §3; upstream writer: starlark
// `values/layout/heap/profile/aggregated.rs` (StackFrameWithContext::gen_flame_graph_data).
import { CallTreeBuilder, NodeKind } from '../model/call-tree.ts';
import type { HeapFlame } from '../model/profile.ts';
import type { FormatSpec, LineParser, ParseContext } from './format.ts';
import { ByteNameTable } from './byte-names.ts';
import { isFoldedLine, SPACE } from './folded.ts';

const UNUSED_CAPACITY = [...'unused_capacity'].map((c) => c.charCodeAt(0));
const UNKNOWN = [...'(unknown)'].map((c) => c.charCodeAt(0));
const SEMICOLON = 59;

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
  if (end - from > 15) return Number(String.fromCharCode(...bytes.subarray(from, end)));
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
  private readonly names = new ByteNameTable((name) => this.builder.intern(name));
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
  private viewA: { bytes: Uint8Array; view: DataView } = { bytes: new Uint8Array(0), view: new DataView(new ArrayBuffer(0)) };
  private viewB = this.viewA;
  private semiBytes: Uint8Array | null = null;
  private semiFrom = 0;
  private semiAt = -1;
  /** Where the previous line's bytes are copied when its chunk may be reused. */
  private kept = new Uint8Array(1024);

  constructor(private readonly ctx: ParseContext) {}

  line(text: string, lineNo: number): void {
    // Text lines (sniffed head, pasted text, a last unterminated line) take the byte path too,
    // so both ways build the same tree; a fresh array stays valid as the "previous line".
    const bytes = this.encoder.encode(text);
    this.lineBytes(bytes, 0, bytes.length, lineNo);
  }

  lineBytes(bytes: Uint8Array, start: number, end: number, lineNo: number): void {
    if (end === start) return;
    let digits = end;
    while (digits > start && bytes[digits - 1]! >= 48 && bytes[digits - 1]! <= 57) digits--;
    const space = digits - 1;
    if (space < start || digits === end || bytes[space] !== SPACE) {
      this.ctx.diagnostics.skip(lineNo, 'without a trailing byte count', new TextDecoder().decode(bytes.subarray(start, end)));
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
    this.builder.addSelf(this.leafFor(bytes, start, space), value);
  }

  /** How many of the previous line's function frames (with their `;`) this stack repeats byte for byte. */
  private sharedDepth(bytes: Uint8Array, start: number, stackEnd: number): number {
    let depth = this.prevDepth;
    if (depth === 0) return 0;
    const prev = this.prevBytes;
    const from = this.prevStart;
    const limit = Math.min(stackEnd - start, this.prevEnds[depth - 1]! + 1);
    // Four bytes at a time through DataViews (unaligned loads V8 compiles inline), then bytewise.
    const view = this.viewOf(bytes);
    const prevView = this.viewOf(prev);
    let same = 0;
    while (same + 4 <= limit && view.getInt32(start + same, true) === prevView.getInt32(from + same, true)) same += 4;
    while (same < limit && bytes[start + same] === prev[from + same]) same++;
    while (depth > 0 && this.prevEnds[depth - 1]! >= same) depth--;
    return depth;
  }

  /**
   * The first `;` at or after `from` (-1 if none). The native indexOf cannot stop at the line's
   * end, so the `;` it found past a line is remembered: lines without one (`range 8`) would
   * otherwise each scan to the end of the chunk.
   */
  private nextSemicolon(bytes: Uint8Array, from: number): number {
    if (bytes === this.semiBytes && from >= this.semiFrom && (this.semiAt < 0 || from <= this.semiAt)) return this.semiAt;
    const at = bytes.indexOf(SEMICOLON, from);
    this.semiBytes = bytes;
    this.semiFrom = from;
    this.semiAt = at;
    return at;
  }

  /** A DataView of `bytes`, cached for the two arrays seen last (the chunk and the kept line). */
  private viewOf(bytes: Uint8Array): DataView {
    if (bytes === this.viewA.bytes) return this.viewA.view;
    if (bytes === this.viewB.bytes) return this.viewB.view;
    this.viewB = this.viewA;
    this.viewA = { bytes, view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
    return this.viewA.view;
  }

  /** The type-leaf node of the stack `bytes[start, stackEnd)`, reusing the previous line's prefix. */
  private leafFor(bytes: Uint8Array, start: number, stackEnd: number): number {
    const b = this.builder;
    let depth = this.sharedDepth(bytes, start, stackEnd);
    let node = depth === 0 ? 0 : this.prevNodes[depth - 1]!;
    let frame = depth === 0 ? start : start + this.prevEnds[depth - 1]! + 1;
    const view = this.viewOf(bytes);
    for (let semi = this.nextSemicolon(bytes, frame); semi >= 0 && semi < stackEnd; semi = this.nextSemicolon(bytes, frame)) {
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

  /** The chunk's bytes may be reused: keep the part of the last line the next one compares. */
  chunkDone(): void {
    this.semiBytes = null; // the bytes may change under the same array
    if (this.prevDepth === 0 || this.prevBytes === this.kept) return;
    const length = this.prevEnds[this.prevDepth - 1]! + 1;
    if (length > this.kept.length) this.kept = new Uint8Array(Math.max(length, this.kept.length * 2));
    this.kept.set(this.prevBytes.subarray(this.prevStart, this.prevStart + length));
    this.prevBytes = this.kept;
    this.prevStart = 0;
  }

  private widen(): void {
    const ends = new Int32Array(this.prevEnds.length * 2);
    const nodes = new Int32Array(this.prevNodes.length * 2);
    ends.set(this.prevEnds);
    nodes.set(this.prevNodes);
    this.prevEnds = ends;
    this.prevNodes = nodes;
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
  // The first line must be folded; a few damaged lines later on are skipped and counted.
  sniff: ({ lines }) =>
    lines.length > 0 && isFoldedLine(lines[0]!) && lines.filter(isFoldedLine).length * 4 >= lines.length * 3,
  create: (ctx) => new HeapFlameParser(ctx),
};
