// Raw bytes of one file → its content: holds the first bytes until the magic number can be read,
// then inflates gzip/zstd as a stream or passes plain bytes through. A broken compressed stream
// stops the flow and is reported once, so what was inflated before it is kept.
import { compressionOf, createInflater, MAGIC_LENGTH, type Compression, type Inflater } from './decompress.ts';
import { ZstdWindowTooLarge } from './zstd-frames.ts';

/** Where the content goes. */
export interface IntakeHost {
  /** Once, before any content: the first raw bytes (at least MAGIC_LENGTH unless the file is shorter). */
  start(head: Uint8Array, compression: Compression | null): void;
  /** Decompressed (or plain) bytes in order; `final` only for plain input's last push. */
  content(data: Uint8Array, final: boolean): void;
  /** The compressed stream is damaged or cut short. */
  damaged(message: string): void;
  /** The compressed stream asks for more than is read (a zstd window over 128 MiB): refused. */
  refused(message: string): void;
}

export class ByteIntake {
  compression: Compression | null = null;
  bytesIn = 0;
  private pendingHead: Uint8Array | null = new Uint8Array(0);
  private inflater: Inflater | null = null;

  constructor(private readonly host: IntakeHost) {}

  push(chunk: Uint8Array): void {
    this.bytesIn += chunk.length;
    if (!this.pendingHead) return this.route(chunk, false);
    const joined = new Uint8Array(this.pendingHead.length + chunk.length);
    joined.set(this.pendingHead);
    joined.set(chunk, this.pendingHead.length);
    if (joined.length < MAGIC_LENGTH) {
      this.pendingHead = joined;
      return;
    }
    this.pendingHead = null;
    this.start(joined);
  }

  /** The input is text after all (pushText): no magic number to wait for. */
  text(length: number): void {
    this.pendingHead = null;
    this.bytesIn += length;
  }

  /** The input ended: start a file shorter than the magic number, flush the inflater. */
  finish(): void {
    if (this.pendingHead && this.pendingHead.length > 0) this.start(this.pendingHead);
    this.pendingHead = null;
    if (this.inflater) this.route(new Uint8Array(0), true);
  }

  private start(head: Uint8Array): void {
    this.compression = compressionOf(head);
    this.host.start(head, this.compression);
    if (this.compression) this.inflater = createInflater(this.compression, (data) => this.host.content(data, false));
    this.route(head, false);
  }

  private route(chunk: Uint8Array, final: boolean): void {
    if (!this.compression) return this.host.content(chunk, final);
    if (!this.inflater) return; // the compressed stream broke earlier
    try {
      // Copied: the decompressors keep input they have not used yet, and the caller may reuse its array.
      this.inflater.push(chunk.slice(), final);
    } catch (e) {
      this.inflater = null;
      if (e instanceof ZstdWindowTooLarge) return this.host.refused(e.message);
      this.host.damaged(
        `the ${this.compression} stream is damaged or cut short after ${this.bytesIn} compressed bytes (${e instanceof Error ? e.message : String(e)}); what was read before is shown`,
      );
    }
  }
}
