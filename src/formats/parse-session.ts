// One file from bytes to a ParsedFile, pushed as it arrives: decompress → binary detectors (a
// claimed file goes to its ByteParser) → decode → lines → detect → parse; after detection a
// parser that reads bytes gets them undecoded. parse-file.ts drives it from streams, text and bytes.
import type { FormatName, ParsedFile, Profile } from '../model/profile.ts';
import { BINARY_LINE, DiagnosticSink, InputError, isInputError, ParseError } from './diagnostics.ts';
import { ByteIntake } from './byte-intake.ts';
import type { Compression } from './decompress.ts';
import { ContentRouter } from './content-router.ts';
import { detectFormat, triedFormatNames } from './detect.ts';
import type { BinaryFormatSpec, ByteParser, FormatSpec, LineParser } from './format.ts';
import { placeholderOr } from './folded.ts';
import { SNIFF_LINES } from './format.ts';
import { LineSource } from './line-source.ts';
import { Truncation } from './truncation.ts';

/** Where the sniffing window stops even if fewer than SNIFF_LINES lines were seen. */
const SNIFF_CHARS = 256 * 1024;

type State = 'sniffing' | 'parsing' | 'done';

/**
 * A push-based parse of one file. Feed bytes (or text) as they arrive, then call finish().
 *
 * @example
 *   const s = new ParseSession('flame.src', 20);
 *   s.pushText('module;list 8\n');
 *   s.finish().profile?.format; // 'heap-flame'
 */
export class ParseSession {
  private state: State = 'sniffing';
  private readonly diagnostics = new DiagnosticSink();
  private readonly source: LineSource;
  private readonly sniffed: { text: string; lineNo: number }[] = [];
  private sniffedChars = 0;
  private parser: LineParser | null = null;
  private spec: FormatSpec | null = null;
  private format: FormatName | null = null;
  private error: ParseError | null = null;
  private readonly truncation = new Truncation();
  private readonly intake = new ByteIntake({
    start: (head, compression) => this.startBytes(head, compression),
    content: (data, final) => this.content(data, final),
    damaged: (message) => this.truncation.streamDamaged(this.source.linesSeen, message),
    refused: (message) => this.fail(new ParseError(this.path, 0, '', message), 0, ''),
  });
  private router: ContentRouter | null = null;
  private sawNul = false;
  private finalLine = false;

  constructor(
    readonly path: string,
    readonly size: number,
  ) {
    this.source = new LineSource({
      line: (text, lineNo) => this.onLine(text, lineNo),
      afterSlice: () => this.afterSlice(),
      failLine: (e, lineNo, text) => this.fail(e, lineNo, text),
    });
  }

  /** True once the outcome is known (a ParseError stops the parse early). */
  get stopped(): boolean {
    return this.error !== null;
  }

  /** The format once the head has decided it (null: none), undefined while still sniffing. */
  get decidedFormat(): FormatName | null | undefined {
    return this.state === 'sniffing' ? undefined : this.format;
  }

  /** Bytes read so far (compressed bytes for a compressed file). */
  get bytesIn(): number {
    return this.intake.bytesIn;
  }

  pushBytes(chunk: Uint8Array): void {
    if (!this.stopped) this.intake.push(chunk);
  }

  pushText(text: string): void {
    if (this.stopped) return;
    this.intake.text(text.length);
    this.scan(text);
  }

  private startBytes(head: Uint8Array, compression: Compression | null): void {
    // A UTF-16 byte-order mark (PowerShell 5's `>` writes UTF-16LE): decode it, do not call it binary.
    const bom = compression
      ? null
      : head[0] === 0xff && head[1] === 0xfe
        ? 'utf-16le'
        : head[0] === 0xfe && head[1] === 0xff
          ? 'utf-16be'
          : null;
    if (bom) this.source.decodeAs(bom);
    this.router = new ContentRouter(
      {
        text: (data, final) => this.source.pushBytes(data, final),
        claim: (spec) => this.claimBinary(spec),
        fail: (e) => this.fail(e, 0, ''),
      },
      bom === null,
    );
  }

  /** Decompressed bytes: to the binary detectors first, then to a ByteParser or the line source. */
  private content(data: Uint8Array, final: boolean): void {
    if (!this.stopped) this.readLines(() => this.router!.push(data, final));
  }

  private claimBinary(spec: BinaryFormatSpec): ByteParser {
    this.format = spec.name;
    this.state = 'parsing';
    return spec.create({ file: this.path, diagnostics: this.diagnostics });
  }

  private scan(text: string): void {
    this.readLines(() => this.source.pushText(text));
    this.afterSlice();
  }

  /** Runs the line source; a line too long to hold ends the parse with a message. */
  private readLines(read: () => void): void {
    try {
      read();
    } catch (e) {
      if (!(e instanceof InputError) || this.state === 'done') throw e;
      this.fail(e, this.source.linesSeen + 1, '');
    }
  }

  /** After each decoded slice: false once the outcome is known. */
  private afterSlice(): boolean {
    // A NUL in the line being read decides now (a core dump or /dev/zero has no line ends).
    if (this.state === 'sniffing' && this.source.pendingHasNul) this.refuseBinary();
    return !this.stopped;
  }

  /**
   * NUL in a head line means binary. Judged per line, never per chunk, so the answer does not
   * depend on where a stream's chunks were cut.
   */
  private refuseBinary(): void {
    this.sawNul = true;
    this.detect(false);
  }

  private onLine(text: string, lineNo: number): void {
    if (this.state === 'done') return;
    if (text.includes('\0')) {
      if (this.state === 'sniffing') return this.refuseBinary();
      return this.fail(new ParseError(this.path, lineNo, '', BINARY_LINE), lineNo, '');
    }
    if (text.includes('\uFFFD')) this.diagnostics.undecodable(lineNo);
    if (this.state === 'sniffing') {
      // Golden files start with `# @generated` comments; real outputs never do.
      if (this.sniffed.length === 0 && (text.length === 0 || text.startsWith('#'))) return;
      this.sniffed.push({ text, lineNo });
      this.sniffedChars += text.length;
      if (this.sniffed.length >= SNIFF_LINES || this.sniffedChars >= SNIFF_CHARS) this.detect(false);
      return;
    }
    if (this.state === 'parsing') this.feed(text, lineNo);
  }

  private detect(complete: boolean): void {
    const lines = this.sniffed.map((l) => l.text);
    // A cut-short last line must not decide the format.
    if (complete && !this.source.endedWithNewline && lines.length > 1) lines.pop();
    const spec = this.sawNul ? null : detectFormat({ lines, complete });
    if (!spec) {
      this.state = 'done';
      this.error = new ParseError(
        this.path,
        this.sniffed[0]?.lineNo ?? 0,
        this.sawNul ? '' : (lines[0] ?? ''),
        `${this.sawNul ? 'binary data' : 'not a profile peakscope knows'}; tried ${triedFormatNames().join(', ')}`,
      );
      return;
    }
    this.format = spec.name;
    this.spec = spec;
    this.parser = spec.create({ file: this.path, diagnostics: this.diagnostics });
    this.state = 'parsing';
    for (const l of this.sniffed.splice(0)) {
      if (this.state !== 'parsing') break;
      this.feed(l.text, l.lineNo);
    }
    if (this.state === 'parsing' && !complete) this.source.readBytesWith(this.parser);
  }

  private feed(text: string, lineNo: number): void {
    // Only the very last line: small files are sniffed whole and replayed after finalLine is set.
    const cutShort = this.finalLine && !this.source.endedWithNewline && lineNo === this.source.linesSeen;
    // Its writer ends every line with `\n`: a last line without one is partial, whatever it says.
    const dropped = cutShort && this.spec!.endsEveryLine === true;
    // skippedLines sums a Map: read it only for the one line where it matters.
    const skippedBefore = cutShort ? this.diagnostics.skippedLines : 0;
    try {
      if (!dropped) this.parser!.line(text, lineNo);
      if (cutShort) this.parser!.endOfInput?.();
    } catch (e) {
      if (cutShort && isInputError(e)) this.truncation.endedMidLine(text, lineNo);
      else this.fail(e, lineNo, text);
      return;
    }
    // A last line without terminator that was dropped, or that the parser skipped: the file was cut short.
    if (dropped) this.truncation.endedMidLine(text, lineNo);
    else if (cutShort && this.diagnostics.skippedLines > skippedBefore) {
      this.diagnostics.unskip();
      this.truncation.endedMidLine(text, lineNo);
    }
  }

  private fail(e: unknown, lineNo: number, text: string): void {
    this.state = 'done';
    if (e instanceof ParseError) this.error = e;
    else if (isInputError(e)) this.error = new ParseError(this.path, lineNo, text, e.message);
    else throw e;
  }

  finish(): ParsedFile {
    if (!this.stopped) this.intake.finish();
    if (!this.stopped) this.readLines(() => this.router?.end());
    const binary = this.router?.binary ?? null;
    if (!this.stopped && binary) {
      const cut = binary.endOfInput();
      if (cut) this.truncation.endedMidRecord(cut);
    } else if (!this.stopped) {
      this.readLines(() => this.source.flush());
      this.finalLine = true;
      this.source.end();
    }
    let profile: Profile | null = null;
    if (this.state === 'sniffing') {
      if (this.sniffed.length === 0 && !this.sawNul) profile = { format: 'empty', reason: 'no-content' };
      else this.detect(true);
    }
    const parser = this.parser ?? binary;
    if (this.state === 'parsing' && parser) {
      try {
        profile = parser.finish();
      } catch (e) {
        this.fail(e, this.source.linesSeen, '');
      }
    }
    if (profile) profile = placeholderOr(profile);
    return {
      path: this.path,
      size: this.size,
      profile: this.error ? null : profile,
      error: this.error ? this.error.toInfo() : null,
      diagnostics: this.diagnostics.list(),
      truncated: this.truncation.current,
      compression: this.intake.compression,
      ...(this.error && !this.format ? { triedFormats: triedFormatNames() } : {}),
      ...(this.format ? { detectedFormat: this.format } : {}),
    };
  }
}
