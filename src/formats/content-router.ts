// The fork between the binary and the text paths of one file: its first decompressed bytes are
// held until the binary detectors can judge them (always the same number of bytes, so the answer
// does not depend on how the stream was chunked); a claimed file goes to that format's
// ByteParser, anything else on to the line source, where a NUL still means "binary data".
import { detectBinaryFormat } from './detect.ts';
import type { BinaryFormatSpec, ByteParser } from './format.ts';
import { BINARY_SNIFF_BYTES } from './format.ts';

/** What the router reports to its session. */
export interface ContentHost {
  /** Bytes for the text path (the line source). */
  text(data: Uint8Array, final: boolean): void;
  /** A binary detector claimed the head: the session creates its parser (null once stopped). */
  claim(spec: BinaryFormatSpec): ByteParser | null;
  /** The binary parser threw. */
  fail(error: unknown): void;
}

export class ContentRouter {
  private held: Uint8Array[] = [];
  private heldBytes = 0;
  private decided: boolean;
  private parser: ByteParser | null = null;
  private failed = false;

  /** `enabled` false skips binary sniffing; `detect` returns the claiming format or null. */
  constructor(
    private readonly host: ContentHost,
    enabled: boolean,
    private readonly detect = (head: Uint8Array, complete: boolean) => detectBinaryFormat({ head, complete }),
  ) {
    this.decided = !enabled;
  }

  /** The binary parser, once a detector claimed the file. */
  get binary(): ByteParser | null {
    return this.parser;
  }

  push(data: Uint8Array, final: boolean): void {
    if (this.decided) return this.deliver(data, final);
    if (data.length > 0) {
      // Copied: the caller may reuse its array before the head is judged.
      this.held.push(data.slice());
      this.heldBytes += data.length;
    }
    if (this.heldBytes >= BINARY_SNIFF_BYTES || final) this.decide(final);
  }

  /** The input ended: judge a head shorter than BINARY_SNIFF_BYTES. */
  end(): void {
    if (!this.decided) this.decide(true);
  }

  private decide(final: boolean): void {
    const head = joined(this.held, this.heldBytes);
    this.held = [];
    this.decided = true;
    const judged = head.subarray(0, BINARY_SNIFF_BYTES);
    const spec = this.detect(judged, final && head.length <= BINARY_SNIFF_BYTES);
    if (spec) this.parser = this.host.claim(spec);
    this.deliver(head, final);
  }

  private deliver(data: Uint8Array, final: boolean): void {
    if (!this.parser) return this.host.text(data, final);
    if (data.length === 0 || this.failed) return;
    try {
      this.parser.push(data);
    } catch (e) {
      this.failed = true;
      this.host.fail(e);
    }
  }
}

function joined(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
