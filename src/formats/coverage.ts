// Coverage list — formats.md §6; upstream writer: starlark `eval/runtime/profile/stmt.rs`
// (StmtProfileData::write_coverage). Not CSV although Buck2 names it profile.csv.
import type { CoverageProfile } from '../model/profile.ts';
import { lineListFormat } from './line-list.ts';
import { parseFileSpan } from './spans.ts';

/**
 * Reads one executed statement per line, `file:span`, no header, no quoting; the file name
 * may contain `:`, so the span is read from the right. Every sniffed line must be file:span.
 *
 * @example
 *   test.star:2:1-9:1
 *   test.star:7:13-19
 *   → spans [{ file: 'test.star', span: 2:1-9:1 }, { file: 'test.star', span: 7:13-19 }]
 */
export const coverageFormat = {
  ...lineListFormat<CoverageProfile['spans'][number], CoverageProfile>('coverage', {
    read: parseFileSpan,
    notAnItem: 'that are not file:span',
    profile: (spans) => ({ format: 'coverage', spans }),
  }),
  // `writeln!` ends every line, unlike all_keys.list: a last line without `\n` was cut.
  endsEveryLine: true,
};
