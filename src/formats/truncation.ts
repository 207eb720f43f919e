// How a file that stops early says so (ParsedFile.truncated): a broken or cut compressed stream,
// a text file whose last line has no end, a binary file that stops inside a record. When two
// apply (a gzip stream cut mid-line), both reasons are kept, the stream's first: it says more.
import type { Diagnostic } from '../model/profile.ts';
import { snippet } from './diagnostics.ts';

export class Truncation {
  /** What the file's `truncated` says; null while nothing stopped early. */
  current: Diagnostic | null = null;

  /** The compressed stream is broken or ends early (decompress.ts says how). */
  streamDamaged(line: number, message: string): void {
    this.current = { line, message };
  }

  /** A text file ends inside line `lineNo`, which the parser could not take as it is. */
  endedMidLine(text: string, lineNo: number): void {
    const partial = `that partial line was ignored: "${snippet(text)}"`;
    const message = this.current
      ? `${this.current.message}; it ends mid-line at line ${lineNo}, ${partial}`
      : `the file ends mid-line at line ${lineNo}; ${partial}`;
    this.current = { line: lineNo, message };
  }

  /** A binary file stops inside a record (Buck2 still writing its log, say). */
  endedMidRecord(cut: { record: number; message: string }): void {
    const message = this.current ? `${this.current.message}; ${cut.message}` : cut.message;
    this.current = { line: cut.record, message };
  }
}
