// Buck2 event log as Buck2 writes it: `buck-out/v2/log/<time>_<command>_<uuid>_events.pb.zst`
// (also `.pb`, `.pb.gz`, and `--event-log PATH.pb*` copies appended to, so several invocations
// may follow one another). One stream of varint-length-delimited protobuf records: a
// `buck.data.Invocation`, then `buck.daemon.CommandProgress` records. Upstream: buck2
// `app/buck2_event_log/src/write.rs` (`encode_length_delimited`) and `read.rs`
// (`unpack_stream_protobuf`); field numbers from `app/buck2_data/data.proto` and
// `app/buck2_cli_proto/daemon.proto` (docs/event-log-pb.md). Only the path to LoadBuildFileEnd is
// decoded; every other field is skipped by its wire type.
import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';
import type { EventLog, LoadRecord } from '../model/profile.ts';
import { DelimitedRecords } from './delimited-records.ts';
import { ParseError } from './diagnostics.ts';
import type { BinaryFormatSpec, ByteParser, ByteSniffInput, ParseContext } from './format.ts';
import { BUCK_EVENT, COMMAND_PROGRESS, INVOCATION, LOAD_END, SECONDS_NANOS, SPAN_END } from './event-log-pb-fields.ts';
import { looksLikeInvocation } from './event-log-pb-sniff.ts';

/** Reads one record's fields; every failure names the record. */
class RecordReader {
  readonly r: BinaryReader;

  constructor(
    bytes: Uint8Array,
    private readonly file: string,
    readonly index: number,
  ) {
    this.r = new BinaryReader(bytes);
  }

  fail(reason: string): never {
    throw new ParseError(this.file, this.index, '', `record ${this.index}: ${reason}`);
  }

  /** The end of the length-delimited value the reader is at. */
  delimitedEnd(): number {
    const len = this.r.uint32();
    const end = this.r.pos + len;
    if (end > this.r.len) this.fail('a field runs past the end of its record');
    return end;
  }

  /** A uint64 that must be exact as a JS number. */
  uint64(name: string): number {
    const v = BigInt(this.r.uint64());
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) this.fail(`${name} is beyond 2^53 and cannot be read exactly`);
    return Number(v);
  }

  string(): string {
    return this.r.string();
  }

  /** After a nested message's fields: none may have run past its end. */
  closeAt(end: number): void {
    if (this.r.pos !== end) this.fail('a field runs past the end of its message');
  }
}

/** A CommandProgress is one length-delimited oneof field spanning the whole record; an Invocation is not. */
function isCommandProgress(bytes: Uint8Array): boolean {
  const tag = bytes[0]!;
  if (tag !== 0x0a && tag !== 0x12 && tag !== 0x1a) return false;
  const r = new BinaryReader(bytes);
  r.pos = 1;
  const len = r.uint32();
  return r.pos + len === bytes.length;
}

/**
 * Turns every ended Load span of every invocation in the file into a LoadRecord.
 *
 * @example records: Invocation { command_line_args: ["buck2","uquery","//..."], trace_id: "0b5d…" },
 *   CommandProgress { event: BuckEvent { span_end: SpanEndEvent { duration: 1.5s,
 *     load: LoadBuildFileEnd { module_id: "root//foo:BUCK", cell: "root", starlark_peak_allocated_bytes: 1610608640 } } } }
 *   → loads [{ moduleId: 'root//foo:BUCK', cell: 'root', peakBytes: 1610608640, durationMicros: 1500000, … }]
 */
export class EventLogPbParser implements ByteParser<EventLog> {
  private commandLine: string[] | null = null;
  private traceId: string | null = null;
  private invocations = 0;
  private readonly loads: LoadRecord[] = [];
  private readonly records = new DelimitedRecords((bytes, index) => this.record(bytes, index));

  constructor(private readonly ctx: ParseContext) {}

  push(chunk: Uint8Array): void {
    try {
      this.records.push(chunk);
    } catch (e) {
      if (e instanceof ParseError) throw e;
      const index = this.records.records + 1;
      throw new ParseError(this.ctx.file, index, '', `record ${index}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private record(bytes: Uint8Array, index: number): void {
    const reader = new RecordReader(bytes, this.ctx.file, index);
    try {
      if (index === 1 || (bytes.length > 0 && !isCommandProgress(bytes))) this.readInvocation(reader);
      else this.readProgress(reader);
    } catch (e) {
      if (e instanceof ParseError) throw e;
      reader.fail(`not a Buck2 event-log record (${e instanceof Error ? e.message : String(e)})`);
    }
  }

  private readInvocation(rec: RecordReader): void {
    const { r } = rec;
    const args: string[] = [];
    let trace: string | null = null;
    while (r.pos < r.len) {
      const tag = r.uint32();
      const no = tag >>> 3;
      const wt = tag & 7;
      if (no === INVOCATION.commandLineArgs && wt === WireType.LengthDelimited) args.push(rec.string());
      else if (no === INVOCATION.traceId && wt === WireType.LengthDelimited) trace = rec.string();
      else r.skip(wt, no);
    }
    if (this.invocations++ > 0) return;
    this.commandLine = args;
    this.traceId = trace;
  }

  private readProgress(rec: RecordReader): void {
    const { r } = rec;
    const tag = r.uint32();
    const no = tag >>> 3;
    const wt = tag & 7;
    if (no !== COMMAND_PROGRESS.event || wt !== WireType.LengthDelimited) return; // a result or partial result
    const end = rec.delimitedEnd();
    while (r.pos < end) {
      const tag = r.uint32();
      const field = tag >>> 3;
      const type = tag & 7;
      if (field === BUCK_EVENT.spanEnd && type === WireType.LengthDelimited)
        return this.readSpanEnd(rec, rec.delimitedEnd());
      r.skip(type, field);
    }
  }

  private readSpanEnd(rec: RecordReader, end: number): void {
    const { r } = rec;
    let durationMicros: number | null = null;
    let load: Omit<LoadRecord, 'durationMicros'> | null = null;
    while (r.pos < end) {
      const tag = r.uint32();
      const no = tag >>> 3;
      const wt = tag & 7;
      if (no === SPAN_END.duration && wt === WireType.LengthDelimited)
        durationMicros = readDuration(rec, rec.delimitedEnd());
      else if (no === SPAN_END.load && wt === WireType.LengthDelimited) load = readLoad(rec, rec.delimitedEnd());
      else r.skip(wt, no);
    }
    rec.closeAt(end);
    if (load) this.loads.push({ ...load, durationMicros });
  }

  endOfInput(): { record: number; message: string } | null {
    const held = this.records.pendingBytes;
    if (held === 0) return null;
    const record = this.records.records + 1;
    const declared = this.records.pendingRecordBytes;
    return {
      record,
      message: `the log ends inside record ${record} (${held}${declared === null ? '' : ` of ${declared}`} bytes; Buck2 may still be writing it): the ${this.records.records} records before it are shown`,
    };
  }

  finish(): EventLog {
    if (this.invocations > 1) {
      this.ctx.diagnostics.note(
        0,
        `${this.invocations} invocations in one log: the loads of all are read; the command line shown is the first's`,
      );
    }
    return { format: 'event-log', commandLine: this.commandLine, traceId: this.traceId, loads: this.loads };
  }
}

/** `google.protobuf.Duration` in whole microseconds (Buck2's `duration_us` truncates likewise). */
function readDuration(rec: RecordReader, end: number): number {
  const { r } = rec;
  let seconds = 0;
  let nanos = 0;
  while (r.pos < end) {
    const tag = r.uint32();
    const no = tag >>> 3;
    const wt = tag & 7;
    if (no === SECONDS_NANOS.seconds && wt === WireType.Varint) seconds = rec.uint64('duration.seconds');
    else if (no === SECONDS_NANOS.nanos && wt === WireType.Varint) nanos = r.int32();
    else r.skip(wt, no);
  }
  rec.closeAt(end);
  const micros = seconds * 1_000_000 + Math.floor(nanos / 1000);
  if (!Number.isSafeInteger(micros) || micros < 0) rec.fail('duration is beyond 2^53 microseconds or negative');
  return micros;
}

function readLoad(rec: RecordReader, end: number): Omit<LoadRecord, 'durationMicros'> {
  const { r } = rec;
  let moduleId = '';
  let cell = '';
  let error: string | null = null;
  let peakBytes: number | null = null;
  let targetCount: number | null = null;
  while (r.pos < end) {
    const tag = r.uint32();
    const no = tag >>> 3;
    const wt = tag & 7;
    if (wt === WireType.LengthDelimited && no === LOAD_END.moduleId) moduleId = rec.string();
    else if (wt === WireType.LengthDelimited && no === LOAD_END.cell) cell = rec.string();
    else if (wt === WireType.LengthDelimited && no === LOAD_END.error) error = rec.string();
    else if (wt === WireType.Varint && no === LOAD_END.peakBytes)
      peakBytes = rec.uint64('starlark_peak_allocated_bytes');
    else if (wt === WireType.Varint && no === LOAD_END.targetCount) targetCount = rec.uint64('target_count');
    else r.skip(wt, no);
  }
  rec.closeAt(end);
  if (moduleId === '') rec.fail('a Load span end without module_id');
  return { moduleId, cell, peakBytes, error, targetCount };
}

/** Buck2 event log (protobuf records): sniffed by its Invocation record, read by EventLogPbParser. */
export const eventLogPbFormat: BinaryFormatSpec<EventLog> = {
  name: 'event-log',
  sniffBytes: (input: ByteSniffInput) => looksLikeInvocation(input),
  create: (ctx) => new EventLogPbParser(ctx),
};
