// Heap flame (folded) — formats.md §3; upstream writer: starlark
// `values/layout/heap/profile/aggregated.rs` (StackFrameWithContext::gen_flame_graph_data).
import { CallTreeBuilder, NodeKind } from '../model/call-tree.ts';
import type { HeapFlame } from '../model/profile.ts';
import type { FormatSpec, LineParser, ParseContext } from './format.ts';
import { isFoldedLine, splitFoldedLine } from './folded.ts';

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
  // The previous line's frames and their nodes: consecutive lines share long prefixes.
  private prevFrames: string[] = [];
  private prevNodes: number[] = [];

  constructor(private readonly ctx: ParseContext) {}

  line(text: string, lineNo: number): void {
    if (text.length === 0) return;
    const parsed = splitFoldedLine(text);
    if (!parsed) {
      this.ctx.diagnostics.skip(lineNo, 'without a trailing byte count', text);
      return;
    }
    const { stack, value } = parsed;
    if (stack === 'unused_capacity') {
      this.unusedCapacity = (this.unusedCapacity ?? 0) + value;
      return;
    }
    this.stacks++;
    if (stack === '(unknown)') {
      this.builder.addSelf(0, value);
      return;
    }
    this.builder.addSelf(this.nodeFor(stack.split(';')), value);
  }

  /** The type-leaf node of a stack, reusing the previous line's shared prefix. */
  private nodeFor(frames: string[]): number {
    const b = this.builder;
    const last = frames.length - 1;
    let depth = 0;
    while (depth < last && depth < this.prevFrames.length && this.prevFrames[depth] === frames[depth]) depth++;
    let node = depth === 0 ? 0 : this.prevNodes[depth - 1]!;
    for (let i = depth; i < last; i++) {
      node = b.child(node, b.intern(frames[i]!), NodeKind.Function);
      this.prevNodes[i] = node;
    }
    this.prevFrames = frames;
    this.prevNodes.length = last;
    return b.child(node, b.intern(frames[last]!), NodeKind.Type);
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
