// Varint-length-delimited protobuf records (prost's `encode_length_delimited`, protobuf's
// `writeDelimitedTo`) read from byte chunks cut anywhere: a record inside one chunk is handed
// over in place; one that spans chunks is gathered, copying only its own bytes.
import { BinaryReader } from '@bufbuild/protobuf/wire';

/** A record larger than this is taken for damage, not data (Buck2's events are far smaller). */
export const MAX_RECORD_BYTES = 256 * 1024 * 1024;

/** `onRecord(bytes, index)`: index counts from 1; the bytes are only valid during the call. */
export type RecordHandler = (record: Uint8Array, index: number) => void;

export class DelimitedRecords {
  /** Complete records handed over so far. */
  records = 0;
  /** A record that spans chunks: its bytes so far (length prefix included), and how many it needs. */
  private carry = new Uint8Array(0);
  private carried = 0;
  private needed: number | null = null;
  private prefix = 0;

  constructor(private readonly onRecord: RecordHandler) {}

  /** Throws RangeError for a length prefix that is not a varint or beyond MAX_RECORD_BYTES. */
  push(chunk: Uint8Array): void {
    let at = this.carried > 0 ? this.fillCarry(chunk) : 0;
    if (at < 0) return;
    // One reader per chunk reads every length prefix in it (a reader per record cost more than the records).
    const reader = new BinaryReader(chunk);
    while (at < chunk.length) {
      const size = sizeAt(reader, at);
      if (size === null) break;
      const end = at + size.offset + size.size;
      if (end > chunk.length) break;
      this.onRecord(chunk.subarray(at + size.offset, end), ++this.records);
      at = end;
    }
    if (at < chunk.length) this.hold(chunk.subarray(at));
  }

  /** Bytes of an unfinished record held back (non-zero at the end: the input was cut short). */
  get pendingBytes(): number {
    return this.carried;
  }

  /** The size the unfinished record declares, when its length prefix was read whole. */
  get pendingRecordBytes(): number | null {
    return this.needed;
  }

  /** Completes the carried record from the chunk's head; returns where the chunk's rest starts, -1 when it is all used. */
  private fillCarry(chunk: Uint8Array): number {
    let at = 0;
    while (this.needed === null && at < chunk.length) {
      this.append(chunk.subarray(at, at + 1)); // a length prefix is at most 10 bytes
      at++;
      this.measureCarry();
    }
    if (this.needed === null) return -1;
    const take = Math.min(this.needed - this.carried, chunk.length - at);
    this.append(chunk.subarray(at, at + take));
    at += take;
    if (this.carried < this.needed) return -1;
    const record = this.carry.subarray(this.prefix, this.needed);
    this.carried = 0;
    this.needed = null;
    this.onRecord(record, ++this.records);
    return at;
  }

  private hold(rest: Uint8Array): void {
    this.carried = 0;
    this.needed = null;
    this.append(rest);
    this.measureCarry();
  }

  /** Reads the carried record's length prefix once it is whole. */
  private measureCarry(): void {
    const size = sizeAt(new BinaryReader(this.carry.subarray(0, this.carried)), 0);
    if (!size) return;
    this.prefix = size.offset;
    this.needed = size.offset + size.size;
  }

  private append(bytes: Uint8Array): void {
    if (this.carried + bytes.length > this.carry.length) {
      const grown = new Uint8Array(Math.max(this.carried + bytes.length, this.carry.length * 2, 1024));
      grown.set(this.carry.subarray(0, this.carried));
      this.carry = grown;
    }
    this.carry.set(bytes, this.carried);
    this.carried += bytes.length;
  }
}

/** The record size the length prefix at `at` declares (and the prefix's length), or null when the prefix is cut. */
function sizeAt(reader: BinaryReader, at: number): { size: number; offset: number } | null {
  reader.pos = at;
  let size: number;
  try {
    size = reader.uint32();
  } catch (e) {
    if (e instanceof RangeError) return null; // the prefix runs past the bytes at hand
    throw new RangeError('a record length that is not a varint');
  }
  // A cut prefix can also read as a short number: the reader then stands past the bytes it has.
  if (reader.pos > reader.len) return null;
  if (size > MAX_RECORD_BYTES) throw new RangeError(`a record that declares ${size} bytes`);
  return { size, offset: reader.pos - at };
}
