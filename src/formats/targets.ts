// Profiled-evaluation identifier lists (`targets.txt`, `all_keys.list`) — formats.md §9.2;
// upstream writer: buck2 `app/buck2_profile/src/lib.rs` (write_starlark_profile), identifiers
// from `StarlarkEvalKind`'s Display in `app/buck2_interpreter/src/dice/starlark_provider.rs`.
import type { TargetsList } from '../model/profile.ts';
import { lineListFormat } from './line-list.ts';

/**
 * Current identifiers (`load/root//query/a`, `analysis/pkg/name/cfg`, `load_bzl/…`, `bxl/…`,
 * `dynamic_output/…`, `anon_target/…`, …) and the 2024-06…2025-10 ones (`analysis:<label>`,
 * `loading:<package>`, a bare `bxl` or `unknown`). Only the prefix is checked: the rest (labels,
 * configurations) can hold almost anything.
 */
const IDENTIFIER =
  /^(?:(?:analysis|load|load_bzl|load_bxl|load_json|load_toml|load_package|transition|anon_target|bxl|bxl_dynamic|dynamic_output|unknown)\/\S|(?:analysis|loading):\S|(?:bxl|unknown)$)/;

/** True when a line is one evaluation identifier. */
export function isEvalIdentifier(line: string): boolean {
  return IDENTIFIER.test(line);
}

/**
 * Reads one identifier per line; `all_keys.list` has no trailing newline, which is fine here.
 * Blank lines are ignored; other lines are skipped and reported once. Every sniffed line must be
 * an identifier.
 *
 * @example
 *   load/root//query/a
 *   analysis/simple/ddd/<unspecified>
 *   → ids ['load/root//query/a', 'analysis/simple/ddd/<unspecified>']
 */
export const targetsFormat = lineListFormat<string, TargetsList>('targets', {
  read: (line) => (isEvalIdentifier(line) ? line : null),
  notAnItem: 'that are not Buck2 evaluation identifiers',
  profile: (ids) => ({ format: 'targets', ids }),
});
