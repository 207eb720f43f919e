// The call tree back as folded stacks (docs/formats.md §1.2: `a;b;type 42`), the format every
// flamegraph tool reads. Written from the tree's own exact weights, so parsing the text again
// gives the same totals. One pre-order loop, no recursion.
import type { CallTree } from '../model/call-tree.ts';

export interface FoldedOptions {
  /** First frame of every line: `root` for time flames (§4); none for heap flames. */
  rootFrame?: string | null;
}

/**
 * One line per node that recorded weight itself (and per childless node, even at 0, so a
 * retained flame's 0-byte stacks survive), in pre-order. Root weight of a heap flame is
 * written as upstream does, `(unknown) N`.
 *
 * @example for the heap flame golden's tree:
 *   toFolded(tree) // 'range 8\nmodule;function 16\nmodule;test.star.test;dict 192\n…'
 */
export function toFolded(tree: CallTree, options: FoldedOptions = {}): string {
  const root = options.rootFrame ?? null;
  const lines: string[] = [];
  const path: string[] = root === null ? [] : [root];
  const base = path.length;
  const n = tree.name.length;
  if (tree.self[0]! > 0) lines.push(`${root ?? '(unknown)'} ${tree.self[0]}`);
  for (let i = 1; i < n; i++) {
    path.length = base + tree.depth[i]! - 1;
    path.push(tree.names[tree.name[i]!]!);
    const leaf = tree.end[i] === i + 1;
    if (tree.self[i]! > 0 || leaf) lines.push(`${path.join(';')} ${tree.self[i]}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
