// Profiled-evaluation identifier lists (`targets.txt`, `all_keys.list`) — formats.md §9.2;
// upstream writer: buck2 `app/buck2_profile/src/lib.rs` (write_starlark_profile), identifiers
// from `StarlarkEvalKind`'s Display in `app/buck2_interpreter/src/dice/starlark_provider.rs`.
import type { TargetsList } from '../model/profile.ts';
import type { FormatSpec, LineParser, ParseContext } from './format.ts';

/**
 * Current identifiers (`load/root//query/a`, `analysis/pkg/name/cfg`, `load_bzl/…`, `bxl/…`,
 * `dynamic_output/…`, `anon_target/…`, …) and the 2024-06…2025-10 ones (`analysis:<label>`,
 * `loading:<package>`, a bare `bxl`). Only the prefix is checked: the rest (labels,
 * configurations) can hold almost anything.
 */
const IDENTIFIER =
  /^(?:(?:analysis|load|load_bzl|load_bxl|load_json|load_toml|load_package|transition|anon_target|bxl|bxl_dynamic|dynamic_output|unknown)\/\S|(?:analysis|loading):\S|bxl$)/;

/** True when a line is one evaluation identifier. */
export function isEvalIdentifier(line: string): boolean {
  return IDENTIFIER.test(line);
}

/**
 * Reads one identifier per line; `all_keys.list` has no trailing newline, which is fine here.
 * Blank lines are ignored; other lines are skipped and reported once.
 *
 * @example
 *   load/root//query/a
 *   analysis/simple/ddd/<unspecified>
 *   → ids ['load/root//query/a', 'analysis/simple/ddd/<unspecified>']
 */
export class TargetsParser implements LineParser<TargetsList> {
  private readonly ids: string[] = [];

  constructor(private readonly ctx: ParseContext) {}

  line(text: string, lineNo: number): void {
    if (text.length === 0) return;
    if (isEvalIdentifier(text)) this.ids.push(text);
    else this.ctx.diagnostics.skip(lineNo, 'that are not Buck2 evaluation identifiers', text);
  }

  finish(): TargetsList {
    return { format: 'targets', ids: this.ids };
  }
}

export const targetsFormat: FormatSpec<TargetsList> = {
  name: 'targets',
  // Every sniffed line must be an identifier: a list like this is short and regular, and
  // a looser test would claim other text files.
  sniff: ({ lines }) => {
    const content = lines.filter((l) => l.length > 0);
    return content.length > 0 && content.every(isEvalIdentifier);
  },
  create: (ctx) => new TargetsParser(ctx),
};
