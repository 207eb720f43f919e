// The protobuf `perftools.profiles.Profile` message (pprof's profile.proto) read field by field
// with @bufbuild/protobuf's wire reader: it rejects a message cut short or a length past the end,
// skips fields it does not know, and reads 64-bit integers as bigint, so ids above 2^53
// (starlark-go's) keep every digit. Only what peakscope draws is kept.
import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';

/** A 64-bit id as read: bigint, or a decimal string where the runtime has no BigInt. */
export type PprofId = bigint | string;

export interface PprofValueType {
  type: string;
  unit: string;
}

/** One `Line` of a location: the function and the line executing in it (innermost first). */
export interface PprofLine {
  functionId: PprofId;
  line: number;
}

export interface PprofFunction {
  name: string;
  systemName: string;
  filename: string;
  startLine: number;
}

export interface PprofSample {
  /** Leaf first, as in the proto. */
  locationIds: PprofId[];
  /** One per sample type; exact (int64 beyond 2^53 is refused, not rounded). */
  values: number[];
}

export interface PprofData {
  sampleTypes: PprofValueType[];
  samples: PprofSample[];
  /** Location id (as a string key) → its lines, innermost (inlined) first. */
  locations: Map<string, PprofLine[]>;
  /** Function id (as a string key) → the function. */
  functions: Map<string, PprofFunction>;
  periodType: PprofValueType | null;
  period: number;
  /** The sample type pprof shows first; '' when the file names none. */
  defaultSampleType: string;
  comments: string[];
}

/** Raised for bytes that are not a readable Profile message. */
export class PprofDecodeError extends Error {
  override name = 'PprofDecodeError';
}

// profile.proto field numbers.
const PROFILE = {
  sampleType: 1,
  sample: 2,
  location: 4,
  function: 5,
  stringTable: 6,
  periodType: 11,
  period: 12,
  comment: 13,
  defaultSampleType: 14,
} as const;

/** String-table indices are resolved once the whole message is read (the table may come last). */
interface RawValueType {
  type: number;
  unit: number;
}
interface RawFunction {
  id: PprofId;
  name: number;
  systemName: number;
  filename: number;
  startLine: number;
}

/** A signed int64 as an exact number; beyond 2^53 it cannot be a weight or a line, so it is refused. */
function exact(value: bigint | string, what: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n))
    throw new PprofDecodeError(`${what} ${String(value)} is beyond 2^53 and cannot be kept exactly`);
  return n;
}

/** Reads a repeated scalar field, packed (one length-delimited run) or not (one value per tag). */
function repeated<T>(reader: BinaryReader, wireType: WireType, read: () => T, into: T[]): void {
  if (wireType !== WireType.LengthDelimited) {
    into.push(read());
    return;
  }
  const end = reader.uint32() + reader.pos;
  while (reader.pos < end) into.push(read());
}

/** Fields of a sub-message: calls `field` for each tag, skipping what it does not take. */
function readMessage(reader: BinaryReader, field: (no: number, wireType: WireType) => boolean): void {
  const end = reader.uint32() + reader.pos;
  if (end > reader.len) throw new PprofDecodeError('a message runs past the end of the data');
  while (reader.pos < end) {
    const [no, wireType] = reader.tag();
    if (!field(no, wireType)) reader.skip(wireType, no);
  }
}

function readValueType(reader: BinaryReader): RawValueType {
  const vt: RawValueType = { type: 0, unit: 0 };
  readMessage(reader, (no, wt) => {
    if (wt !== WireType.Varint) return false;
    if (no === 1) vt.type = exact(reader.int64(), 'a string index');
    else if (no === 2) vt.unit = exact(reader.int64(), 'a string index');
    else return false;
    return true;
  });
  return vt;
}

function readSample(reader: BinaryReader): PprofSample {
  const sample: PprofSample = { locationIds: [], values: [] };
  const raw: (bigint | string)[] = [];
  readMessage(reader, (no, wt) => {
    if (no === 1) repeated(reader, wt, () => reader.uint64(), sample.locationIds);
    else if (no === 2) repeated(reader, wt, () => reader.int64(), raw);
    else return false;
    return true;
  });
  sample.values = raw.map((v) => exact(v, 'a sample value'));
  return sample;
}

function readLine(reader: BinaryReader): PprofLine {
  const line: PprofLine = { functionId: 0n, line: 0 };
  readMessage(reader, (no, wt) => {
    if (wt !== WireType.Varint) return false;
    if (no === 1) line.functionId = reader.uint64();
    else if (no === 2) line.line = exact(reader.int64(), 'a line number');
    else return false;
    return true;
  });
  return line;
}

function readLocation(reader: BinaryReader, locations: Map<string, PprofLine[]>): void {
  let id: PprofId = 0n;
  const lines: PprofLine[] = [];
  readMessage(reader, (no, wt) => {
    if (no === 1 && wt === WireType.Varint) id = reader.uint64();
    else if (no === 4 && wt === WireType.LengthDelimited) lines.push(readLine(reader));
    else return false;
    return true;
  });
  locations.set(String(id), lines);
}

function readFunction(reader: BinaryReader): RawFunction {
  const fn: RawFunction = { id: 0n, name: 0, systemName: 0, filename: 0, startLine: 0 };
  readMessage(reader, (no, wt) => {
    if (wt !== WireType.Varint) return false;
    if (no === 1) fn.id = reader.uint64();
    else if (no === 2) fn.name = exact(reader.int64(), 'a string index');
    else if (no === 3) fn.systemName = exact(reader.int64(), 'a string index');
    else if (no === 4) fn.filename = exact(reader.int64(), 'a string index');
    else if (no === 5) fn.startLine = exact(reader.int64(), 'a line number');
    else return false;
    return true;
  });
  return fn;
}

/** Everything of the top-level message before string indices are resolved. */
interface RawProfile {
  sampleTypes: RawValueType[];
  samples: PprofSample[];
  locations: Map<string, PprofLine[]>;
  functions: RawFunction[];
  strings: string[];
  periodType: RawValueType | null;
  period: number;
  defaultSampleType: number;
  comments: number[];
}

function readTopLevel(reader: BinaryReader, p: RawProfile, no: number, wt: WireType): boolean {
  const delimited = wt === WireType.LengthDelimited;
  if (no === PROFILE.sampleType && delimited) p.sampleTypes.push(readValueType(reader));
  else if (no === PROFILE.sample && delimited) p.samples.push(readSample(reader));
  else if (no === PROFILE.location && delimited) readLocation(reader, p.locations);
  else if (no === PROFILE.function && delimited) p.functions.push(readFunction(reader));
  else if (no === PROFILE.stringTable && delimited) p.strings.push(reader.string());
  else if (no === PROFILE.periodType && delimited) p.periodType = readValueType(reader);
  else if (no === PROFILE.period && wt === WireType.Varint) p.period = exact(reader.int64(), 'the period');
  else if (no === PROFILE.comment) repeated(reader, wt, () => exact(reader.int64(), 'a string index'), p.comments);
  else if (no === PROFILE.defaultSampleType && wt === WireType.Varint)
    p.defaultSampleType = exact(reader.int64(), 'a string index');
  else return false;
  return true;
}

/**
 * Decodes an uncompressed Profile message. Throws PprofDecodeError (or the reader's RangeError
 * for a cut-short varint or length, or an Error for a bad UTF-8 string) when the bytes are not one.
 */
export function decodePprof(bytes: Uint8Array): PprofData {
  const reader = new BinaryReader(bytes);
  const raw: RawProfile = {
    sampleTypes: [],
    samples: [],
    locations: new Map(),
    functions: [],
    strings: [],
    periodType: null,
    period: 0,
    defaultSampleType: 0,
    comments: [],
  };
  while (reader.pos < reader.len) {
    const [no, wt] = reader.tag();
    if (!readTopLevel(reader, raw, no, wt)) reader.skip(wt, no);
  }
  return resolveStrings(raw);
}

function resolveStrings(raw: RawProfile): PprofData {
  const str = (index: number): string => {
    const s = raw.strings[index];
    if (s === undefined)
      throw new PprofDecodeError(`string index ${index} is past the string table's ${raw.strings.length} entries`);
    return s;
  };
  if (raw.strings.length > 0 && raw.strings[0] !== '')
    throw new PprofDecodeError('the string table does not start with the empty string');
  const valueType = (vt: RawValueType): PprofValueType => ({ type: str(vt.type), unit: str(vt.unit) });
  const functions = new Map<string, PprofFunction>();
  for (const fn of raw.functions) {
    functions.set(String(fn.id), {
      name: str(fn.name),
      systemName: str(fn.systemName),
      filename: str(fn.filename),
      startLine: fn.startLine,
    });
  }
  return {
    sampleTypes: raw.sampleTypes.map(valueType),
    samples: raw.samples,
    locations: raw.locations,
    functions,
    periodType: raw.periodType ? valueType(raw.periodType) : null,
    period: raw.period,
    defaultSampleType: raw.strings.length > 0 ? str(raw.defaultSampleType) : '',
    comments: raw.comments.map(str),
  };
}
