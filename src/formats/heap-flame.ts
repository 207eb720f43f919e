// Heap flame (folded) — docs/formats.md §3; upstream writer: starlark
// `values/layout/heap/profile/aggregated.rs` (StackFrameWithContext::gen_flame_graph_data).
// The lines are read by a WebAssembly core (heap-flame-core.ts); this side words what it found.
import { CallTreeBuilder, type CallTree, type NodeKind } from '../model/call-tree.ts';
import type { HeapFlame } from '../model/profile.ts';
import type { FormatSpec, LineParser, ParseContext } from './format.ts';
import { firstLineEnd, NO_LINE_END } from './byte-lines.ts';
import { widened } from './byte-names.ts';
import { checkDecodedText } from './diagnostics.ts';
import { isFoldedLine } from './folded.ts';
import { CoreEvent, CoreStop, HeapFlameCore } from './heap-flame-core.ts';

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
  private readonly core = new HeapFlameCore();
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder('utf-8');
  /** The builder's name id of each core name entry (byte strings that decode alike share one). */
  private nameIds = new Int32Array(1024);
  private unusedCapacity: number | null = null;
  /** True while every name entry is its own builder id (no two byte strings decoded alike). */
  private entriesAreIds = true;
  linesRead = 0;

  constructor(private readonly ctx: ParseContext) {}

  line(text: string, lineNo: number): void {
    // Text lines (sniffed head, pasted text, a last unterminated line) take the byte path too.
    const bytes = this.encoder.encode(`${text}\n`);
    this.lineBytes(bytes, 0, bytes.length, lineNo);
  }

  lineBytes(bytes: Uint8Array, start: number, limit: number, lineNo: number): number {
    const end = firstLineEnd(bytes, start, limit);
    if (end < 0) return NO_LINE_END;
    this.core.read(bytes, start, end + 1, lineNo, true);
    this.takeEvents();
    if (this.core.stop === CoreStop.BadWeight) {
      const [from, to] = this.core.badDigits();
      this.builder.checkWeight(digitsValue(this.core.input(from, to), 0, to - from));
    }
    return end;
  }

  readLines(bytes: Uint8Array, start: number, limit: number, lineNo: number): number {
    const read = this.core.read(bytes, start, limit, lineNo, false);
    this.linesRead = this.core.linesRead;
    this.takeEvents();
    return start + read;
  }

  /** Words what the last read found: new names, skipped lines, unused capacity. */
  private takeEvents(): void {
    const events = this.core.events();
    for (let i = 0; i < events.length; i += 4) {
      const [kind, line, a, b] = [events[i]!, events[i + 1]!, events[i + 2]!, events[i + 3]!];
      if (kind === CoreEvent.Name) this.addName(a);
      else if (kind === CoreEvent.Skip) this.skip(line, this.decoder.decode(this.core.input(a, b)));
      else this.unusedCapacity = (this.unusedCapacity ?? 0) + digitsValue(this.core.input(a, b), 0, b - a);
    }
  }

  /**
   * Each distinct name is decoded once, here: what the driver checks on every text line (a NUL
   * is binary data, U+FFFD is undecodable bytes) is checked for byte lines on their new names
   * and skipped lines, which is where such bytes can be.
   */
  private addName(entry: number): void {
    const { bytes, line } = this.core.name(entry);
    const name = this.decoder.decode(bytes);
    checkDecodedText(this.ctx.file, this.ctx.diagnostics, line, name);
    while (entry >= this.nameIds.length) this.nameIds = widened(this.nameIds);
    this.nameIds[entry] = this.builder.intern(name);
    if (this.nameIds[entry] !== entry) this.entriesAreIds = false;
  }

  private skip(line: number, text: string): void {
    checkDecodedText(this.ctx.file, this.ctx.diagnostics, line, text);
    this.ctx.diagnostics.skip(line, 'without a trailing byte count', text);
  }

  finish(): HeapFlame {
    return {
      format: 'heap-flame',
      tree: this.entriesAreIds ? this.builder.adopt(this.core.layOut()) : this.replayedTree(),
      stacks: this.core.stacks,
      unusedCapacityBytes: this.unusedCapacity,
    };
  }

  /**
   * When byte strings decoded alike (invalid UTF-8 both times), the core's tree has a node for
   * each: replayed into the builder (nodes come parents first) they become one, as on a text line.
   */
  private replayedTree(): CallTree {
    const { parent, entry, kind, weight } = this.core.tree();
    const nodes = new Int32Array(parent.length);
    for (let i = 1; i < parent.length; i++) {
      nodes[i] = this.builder.child(nodes[parent[i]!]!, this.nameIds[entry[i]!]!, kind[i] as NodeKind);
    }
    for (let i = 0; i < parent.length; i++) if (weight[i]! > 0) this.builder.addCheckedSum(nodes[i]!, weight[i]!);
    return this.builder.build();
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
