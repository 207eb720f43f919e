// Heap flame (folded) — formats.md §3; upstream writer: starlark
// `values/layout/heap/profile/aggregated.rs` (StackFrameWithContext::gen_flame_graph_data).
import { CallTreeBuilder, NodeKind } from '../model/call-tree.ts';
import type { HeapFlame } from '../model/profile.ts';
import type { FormatSpec, LineParser, ParseContext } from './format.ts';
import { isFoldedLine, parseDigits, SPACE, valueStart } from './folded.ts';

const UNUSED_CAPACITY = 'unused_capacity';
const UNKNOWN = '(unknown)';

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
  private stacks = 0;
  private unusedCapacity: number | null = null;
  // Consecutive lines share long prefixes (the writer walks the tree depth-first), so the
  // previous line's text, its function frames' end offsets and their nodes are kept: a line
  // only interns and looks up the frames after the ones it shares with the line before.
  private prevText = '';
  private prevEnds = new Int32Array(64);
  private prevNodes = new Int32Array(64);
  private prevDepth = 0;

  constructor(private readonly ctx: ParseContext) {}

  line(text: string, lineNo: number): void {
    if (text.length === 0) return;
    const space = valueStart(text) - 1;
    if (space < 0 || space === text.length - 1 || text.charCodeAt(space) !== SPACE) {
      this.ctx.diagnostics.skip(lineNo, 'without a trailing byte count', text);
      return;
    }
    const value = parseDigits(text, space + 1);
    if (space === UNUSED_CAPACITY.length && text.startsWith(UNUSED_CAPACITY)) {
      this.unusedCapacity = (this.unusedCapacity ?? 0) + value;
      return;
    }
    this.stacks++;
    if (space === UNKNOWN.length && text.startsWith(UNKNOWN)) {
      this.builder.addSelf(0, value);
      return;
    }
    this.builder.addSelf(this.leafFor(text, space), value);
  }

  /**
   * How many of the previous line's function frames this stack repeats exactly. Comparing
   * whole prefixes (through the closing `;`) with `===` runs natively and is several times
   * faster than a JS loop over char codes. The full previous depth is tried first (sibling
   * type leaves share it), then a binary search.
   */
  private sharedDepth(text: string): number {
    let hi = this.prevDepth;
    if (hi === 0 || this.sharesPrefix(text, hi)) return hi;
    let lo = 0; // the first `lo` frames are shared, the first `hi` are not
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (this.sharesPrefix(text, mid)) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  /** True when `text` starts with the previous line's first `depth` frames and their `;`. */
  private sharesPrefix(text: string, depth: number): boolean {
    const end = this.prevEnds[depth - 1]! + 1;
    return text.length > end && text.substring(0, end) === this.prevText.substring(0, end);
  }

  /** The type-leaf node of the stack `text[0, stackEnd)`, reusing the previous line's prefix. */
  private leafFor(text: string, stackEnd: number): number {
    const b = this.builder;
    let depth = this.sharedDepth(text);
    let node = depth === 0 ? 0 : this.prevNodes[depth - 1]!;
    let start = depth === 0 ? 0 : this.prevEnds[depth - 1]! + 1;
    for (let semi = text.indexOf(';', start); semi >= 0 && semi < stackEnd; semi = text.indexOf(';', start)) {
      node = b.childNamed(node, text, start, semi, NodeKind.Function);
      if (depth === this.prevEnds.length) this.widen();
      this.prevEnds[depth] = semi;
      this.prevNodes[depth++] = node;
      start = semi + 1;
    }
    this.prevText = text;
    this.prevDepth = depth;
    return b.childNamed(node, text, start, stackEnd, NodeKind.Type);
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
