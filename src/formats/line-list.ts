// The shape shared by the one-item-per-line outputs — docs/formats.md §6 (coverage `file:span` lines)
// and §9.2 (`targets.txt`/`all_keys.list` identifiers): no header, no quoting, blank lines ignored.
import type { Profile } from '../model/profile.ts';
import type { FormatSpec, LineParser, ParseContext, SniffInput } from './format.ts';

/** How one line-list format reads an item and what it makes of all of them. */
export interface LineItems<Item, P extends Profile> {
  /** The item a line holds, or null when the line is not one. */
  read(line: string): Item | null;
  /** Skip reason for a line that is no item, worded to follow "ignored N lines …". */
  notAnItem: string;
  profile(items: Item[]): P;
}

/**
 * A sniff for a line list: there is at least one non-blank line and every one is an item. A
 * single stray line means some other text file: these lists are short and regular, and a looser
 * test would claim other formats' files.
 */
function everyLineIs(isItem: (line: string) => boolean): (input: SniffInput) => boolean {
  return ({ lines }) => {
    const content = lines.filter((l) => l.length > 0);
    return content.length > 0 && content.every(isItem);
  };
}

/**
 * The parser of a line list: one item per non-blank line; other lines are skipped and reported
 * once. A last line without a newline is fine (`all_keys.list` has none).
 */
function lineListParser<Item, P extends Profile>(ctx: ParseContext, items: LineItems<Item, P>): LineParser<P> {
  const kept: Item[] = [];
  return {
    line(text: string, lineNo: number): void {
      if (text.length === 0) return;
      const item = items.read(text);
      if (item !== null) kept.push(item);
      else ctx.diagnostics.skip(lineNo, items.notAnItem, text);
    },
    finish: () => items.profile(kept),
  };
}

/**
 * A FormatSpec for a line list whose sniff and parser both read lines with `items.read`.
 *
 * @example
 *   lineListFormat('coverage', { read: parseFileSpan, notAnItem: 'that are not file:span', profile: (spans) => ({ format: 'coverage', spans }) })
 *   // 'test.star:7:13-19\njunk\n' (once detected) → spans [test.star 7:13-19], "ignored 1 line that are not file:span …"
 */
export function lineListFormat<Item, P extends Profile>(name: P['format'], items: LineItems<Item, P>): FormatSpec<P> {
  return {
    name,
    sniff: everyLineIs((line) => items.read(line) !== null),
    create: (ctx) => lineListParser(ctx, items),
  };
}
