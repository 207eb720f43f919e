// Is this the head of a Buck2 protobuf event log? Its first record is a length-delimited
// `buck.data.Invocation`: prost writes its fields in number order and argv is never empty, so
// the record opens with field 1 (a string); every field must be one Invocation has, with its
// wire type and valid UTF-8. Strict on purpose: text that happens to start with a small byte
// must not be taken for protobuf.
import { BinaryReader, sizeDelimitedPeek, WireType } from '@bufbuild/protobuf/wire';
import type { ByteSniffInput } from './format.ts';
import { INVOCATION, SECONDS_NANOS } from './event-log-pb-fields.ts';

const STRING_FIELDS: ReadonlySet<number> = new Set([
  INVOCATION.commandLineArgs,
  INVOCATION.workingDir,
  INVOCATION.traceId,
  INVOCATION.expandedCommandLineArgs,
]);
const FIELD_1_STRING = (INVOCATION.commandLineArgs << 3) | WireType.LengthDelimited;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The head's first record, or null when its length prefix is not a varint. */
function firstRecord(head: Uint8Array): { start: number; end: number } | null {
  try {
    const peek = sizeDelimitedPeek(head);
    return peek.eof ? null : { start: peek.offset, end: peek.offset + peek.size };
  } catch {
    return null;
  }
}

export function looksLikeInvocation({ head }: ByteSniffInput): boolean {
  const record = firstRecord(head);
  if (!record || record.end === record.start || head[record.start] !== FIELD_1_STRING) return false;
  // Cut by the end of the sniffed bytes, or of the whole input (a log cut inside its first record).
  const cutByWindow = record.end > head.length;
  const r = new BinaryReader(head.subarray(record.start, Math.min(record.end, head.length)));
  try {
    while (r.pos < r.len) {
      const [no, wt] = r.tag();
      if (wt !== WireType.LengthDelimited) return false;
      const value = r.bytes();
      if (no === INVOCATION.startTime ? !isSecondsNanos(value) : !STRING_FIELDS.has(no) || !isUtf8(value)) return false;
    }
  } catch (e) {
    // A field cut by the end of the head is fine: everything before it was checked.
    return e instanceof RangeError && cutByWindow && r.pos > 0;
  }
  return true;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A `google.protobuf.Timestamp`: only varint fields 1 and 2. */
function isSecondsNanos(bytes: Uint8Array): boolean {
  const r = new BinaryReader(bytes);
  try {
    while (r.pos < r.len) {
      const [no, wt] = r.tag();
      if (wt !== WireType.Varint || (no !== SECONDS_NANOS.seconds && no !== SECONDS_NANOS.nanos)) return false;
      r.skip(wt, no);
    }
    return true;
  } catch {
    return false;
  }
}
