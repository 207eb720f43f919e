// Is this head (decompressed) a pprof Profile message? Every top-level field read must be one of
// profile.proto's with its wire type, and a sample_type (field 1) must be there and read as a
// ValueType. Text never passes (a `\n` would have to be followed by a ValueType's bytes); a
// varint-length-delimited stream of other messages fails on its first unknown field or wire type.
import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';

/** profile.proto's top-level fields and their wire types (13, comment, may also be packed). */
const FIELDS: Record<number, WireType[]> = {
  1: [WireType.LengthDelimited],
  2: [WireType.LengthDelimited],
  3: [WireType.LengthDelimited],
  4: [WireType.LengthDelimited],
  5: [WireType.LengthDelimited],
  6: [WireType.LengthDelimited],
  7: [WireType.Varint],
  8: [WireType.Varint],
  9: [WireType.Varint],
  10: [WireType.Varint],
  11: [WireType.LengthDelimited],
  12: [WireType.Varint],
  13: [WireType.Varint, WireType.LengthDelimited],
  14: [WireType.Varint],
  15: [WireType.Varint],
};

/** A ValueType holds only fields 1 and 2, both varints (string-table indices). */
function isValueType(bytes: Uint8Array): boolean {
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [no, wt] = reader.tag();
    if ((no !== 1 && no !== 2) || wt !== WireType.Varint) return false;
    reader.int64();
  }
  return true;
}

/**
 * True when the head reads as the start of a Profile. A field cut by the end of the head is
 * fine: the head is only the start, or the file was cut short (an error the parser reports).
 */
export function looksLikePprof(head: Uint8Array): boolean {
  const reader = new BinaryReader(head);
  let sampleType = false;
  try {
    while (reader.pos < reader.len) {
      const [no, wt] = reader.tag();
      if (!FIELDS[no]?.includes(wt)) return false;
      const value = reader.skip(wt, no);
      if (no === 1) {
        const body = new BinaryReader(value);
        if (!isValueType(body.bytes())) return false;
        sampleType = true;
      }
    }
  } catch (e) {
    // Ran past the head's end (the reader's RangeError): the rest is in the next bytes, or, in a
    // file that ends there, cut off; the parser then says so. Anything else is not a Profile.
    if (!(e instanceof RangeError)) return false;
  }
  return sampleType;
}
