// The three levels of bad input (architecture.md): not this format → the detector moves on;
// this format but broken → ParseError; recoverable lines → counted and reported once.
import { TreeBuildError } from '../model/call-tree.ts';
import type { Diagnostic, ParseErrorInfo } from '../model/profile.ts';

const SNIPPET_LIMIT = 120;

/** Cuts untrusted text to a readable length for messages. */
export function snippet(text: string): string {
  return text.length > SNIPPET_LIMIT ? `${text.slice(0, SNIPPET_LIMIT)}…` : text;
}

/**
 * Bad input noticed where the file and line are not at hand (a line too long to hold, a count
 * beyond 2^53, a document that never closes): the parse driver makes it a ParseError with them.
 * Only these, ParseError and the model's TreeBuildError mean "the file is broken"; any other
 * error is a bug in peakscope and must surface as one, never as a message about the user's file.
 */
export class InputError extends Error {
  override name = 'InputError';
}

/** True for an error that says the file is broken; false for a bug of ours (which must surface as one). */
export function isInputError(e: unknown): e is ParseError | InputError | TreeBuildError {
  return e instanceof ParseError || e instanceof InputError || e instanceof TreeBuildError;
}

/** "This is the format, but it is broken here." Carries file, line and the offending text. */
export class ParseError extends Error {
  override name = 'ParseError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly text: string,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}${text ? `: "${snippet(text)}"` : ''}`);
  }

  toInfo(): ParseErrorInfo {
    return { file: this.file, line: this.line, text: snippet(this.text), message: this.reason };
  }
}

/**
 * Collects skipped lines per reason and reports each reason once, inferno-style:
 * `ignored 3 lines with invalid format (first at line 12: "x y")`.
 */
export class DiagnosticSink {
  private readonly byReason = new Map<string, { line: number; text: string; count: number }>();
  private readonly notes: Diagnostic[] = [];

  private lastReason: string | null = null;
  private firstUndecodable = 0;

  skip(line: number, reason: string, text: string): void {
    const entry = this.byReason.get(reason);
    if (entry) entry.count++;
    else this.byReason.set(reason, { line, text: snippet(text), count: 1 });
    this.lastReason = reason;
  }

  /** Takes back the last skip (the driver reports a cut-short last line as truncation). */
  unskip(): void {
    if (this.lastReason === null) return;
    const entry = this.byReason.get(this.lastReason)!;
    if (--entry.count === 0) this.byReason.delete(this.lastReason);
    this.lastReason = null;
  }

  /** A one-off remark that is not about skipped lines (e.g. "old format: no AllocBytes"). */
  note(line: number, message: string): void {
    this.notes.push({ line, message });
  }

  /**
   * The line holds bytes that are not valid UTF-8, decoded as U+FFFD: two names that differ only
   * there read alike, so the user is told (once, with the first line).
   */
  undecodable(line: number): void {
    if (this.firstUndecodable === 0 || line < this.firstUndecodable) this.firstUndecodable = line;
  }

  get skippedLines(): number {
    let n = 0;
    for (const e of this.byReason.values()) n += e.count;
    return n;
  }

  list(): Diagnostic[] {
    const skipped = [...this.byReason].map(([reason, e]) => ({
      line: e.line,
      count: e.count,
      message: `ignored ${e.count} line${e.count === 1 ? '' : 's'} ${reason} (first at line ${e.line}: "${e.text}")`,
    }));
    const undecodable =
      this.firstUndecodable === 0
        ? []
        : [{ line: this.firstUndecodable, message: undecodableMessage(this.firstUndecodable) }];
    return [...skipped, ...this.notes, ...undecodable];
  }
}

function undecodableMessage(line: number): string {
  return `the file holds bytes that are not valid UTF-8 (Latin-1 or damaged text, first at line ${line}): they are shown as U+FFFD (�), so names that differ only in them are read as one`;
}

/** A NUL anywhere in a text profile: binary data, refused wherever it is (not only in the head). */
export const BINARY_LINE = 'binary data (a NUL byte) where a text profile has none';

/**
 * What the driver checks on every text line, for text a byte parser decoded itself (a new name,
 * a line it reads the slow way): a NUL is binary data (ParseError), U+FFFD undecodable bytes.
 */
export function checkDecodedText(file: string, diagnostics: DiagnosticSink, lineNo: number, text: string): void {
  if (text.includes('\0')) throw new ParseError(file, lineNo, '', BINARY_LINE);
  if (text.includes('\uFFFD')) diagnostics.undecodable(lineNo);
}
