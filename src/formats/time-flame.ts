// Time flame (folded) — formats.md §4; upstream writer: starlark
// `eval/runtime/profile/time_flame.rs` (TimeFlameProfile, rendered by `profile/flamegraph.rs`).
import { CallTreeBuilder } from '../model/call-tree.ts';
import type { TimeFlame } from '../model/profile.ts';
import type { FormatSpec, LineParser, ParseContext } from './format.ts';
import { isFoldedLine, splitFoldedLine } from './folded.ts';

/** The literal first frame of every time-flame stack (`Stacks::blank("root")`). */
const ROOT_FRAME = 'root';

/**
 * String pseudo-frames are written with `to_repr()`, so they arrive double-quoted:
 * `"module"`, `"GC"`, `"trace/walk (profiling)"`. Defs (`a.bzl.f`) are never quoted.
 */
export function unquoteFrame(frame: string): string {
  return frame.length >= 2 && frame.startsWith('"') && frame.endsWith('"') ? frame.slice(1, -1) : frame;
}

/**
 * Parses `root;F1;…;Fn MILLIS` lines into a millisecond call tree whose root node is the
 * `root` frame: `root N` is self time on the root, quoted frames are unquoted, duplicate
 * stacks (merged or concatenated files) are summed.
 *
 * @example
 *   root 35
 *   root;"module" 70
 *   root;"module";test.star.test 168
 *   → root (413 ms) → module (378) → test.star.test (308)
 */
export class TimeFlameParser implements LineParser<TimeFlame> {
  private readonly builder = new CallTreeBuilder('milliseconds');
  private stacks = 0;

  constructor(private readonly ctx: ParseContext) {}

  line(text: string, lineNo: number): void {
    if (text.length === 0) return;
    const parsed = splitFoldedLine(text);
    if (!parsed) {
      this.ctx.diagnostics.skip(lineNo, 'without a trailing millisecond count', text);
      return;
    }
    const frames = parsed.stack.split(';');
    if (frames[0] !== ROOT_FRAME) {
      this.ctx.diagnostics.skip(lineNo, 'whose stack does not start with `root`', text);
      return;
    }
    this.stacks++;
    this.builder.addStack(frames.slice(1).map(unquoteFrame), null, parsed.value);
  }

  finish(): TimeFlame {
    return { format: 'time-flame', tree: this.builder.build(), stacks: this.stacks };
  }
}

/** `root 35` or `root;"module" 70`: the first content line decides. */
function isTimeFlameLine(line: string): boolean {
  return (line.startsWith(`${ROOT_FRAME};`) || /^root \d+$/.test(line)) && isFoldedLine(line);
}

/** Time flame (folded, milliseconds): sniffed by its first line, read by TimeFlameParser. */
export const timeFlameFormat: FormatSpec<TimeFlame> = {
  name: 'time-flame',
  endsEveryLine: true,
  sniff: ({ lines }) => lines.length > 0 && isTimeFlameLine(lines[0]!),
  create: (ctx) => new TimeFlameParser(ctx),
};
