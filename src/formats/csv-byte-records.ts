// CSV records read from UTF-8 byte lines, for a table whose common record shape it can read
// without decoding (the 1M-row statement CSV, docs/formats.md §5): the rest is csv-records.ts.
import type { Profile } from '../model/profile.ts';
import { firstLineEnd, NO_LINE_END } from './byte-lines.ts';
import { CsvRecordReader, type CsvTable } from './csv-records.ts';
import { checkDecodedText } from './diagnostics.ts';
import type { LineParser, ParseContext } from './format.ts';

/** `csvLineParser` for a table with `recordBytes`: the driver gives it byte lines after sniffing. */
export function csvByteLineParser<P extends Profile>(
  ctx: ParseContext,
  table: CsvTable<P> & Required<Pick<CsvTable<P>, 'recordBytes'>>,
): LineParser<P> {
  return new CsvByteRecordReader(ctx, table);
}

/**
 * For tables with a byte fast path: once the driver hands over byte lines, each line goes to
 * `recordBytes` first; a line it declines (or one inside a multi-line record) is decoded and
 * read as text, with the checks the driver makes on text lines.
 */
class CsvByteRecordReader<P extends Profile> extends CsvRecordReader<P> {
  private readonly decoder = new TextDecoder('utf-8');

  lineBytes(bytes: Uint8Array, start: number, limit: number, lineNo: number): number {
    if (this.atRecordStart()) {
      const read = this.table.recordBytes!(bytes, start, limit, lineNo);
      if (read >= 0) return read;
    }
    const end = firstLineEnd(bytes, start, limit);
    if (end < 0) return NO_LINE_END;
    const text = this.decoder.decode(bytes.subarray(start, end));
    checkDecodedText(this.ctx.file, this.ctx.diagnostics, lineNo, text);
    this.line(text, lineNo);
    return end;
  }
}
