// Coverage list — formats.md §6; upstream writer: starlark `eval/runtime/profile/stmt.rs`
// (StmtProfileData::write_coverage). Not CSV although Buck2 names it profile.csv.
import type { CoverageProfile } from '../model/profile.ts';
import type { FormatSpec, LineParser, ParseContext } from './format.ts';
import { parseFileSpan } from './spans.ts';

/**
 * Reads one executed statement per line, `file:span`, no header, no quoting; the file name
 * may contain `:`, so the span is read from the right.
 *
 * @example
 *   test.star:2:1-9:1
 *   test.star:7:13-19
 */
class CoverageParser implements LineParser<CoverageProfile> {
  private readonly spans: CoverageProfile['spans'] = [];

  constructor(private readonly ctx: ParseContext) {}

  line(text: string, lineNo: number): void {
    if (text.length === 0) return;
    const fileSpan = parseFileSpan(text);
    if (fileSpan) this.spans.push(fileSpan);
    else this.ctx.diagnostics.skip(lineNo, 'that are not file:span', text);
  }

  finish(): CoverageProfile {
    return { format: 'coverage', spans: this.spans };
  }
}

export const coverageFormat: FormatSpec<CoverageProfile> = {
  name: 'coverage',
  // Every sniffed line must be file:span: a single stray line means some other text file.
  sniff: ({ lines }) => {
    const content = lines.filter((l) => l.length > 0);
    return content.length > 0 && content.every((l) => parseFileSpan(l) !== null);
  },
  create: (ctx) => new CoverageParser(ctx),
};
