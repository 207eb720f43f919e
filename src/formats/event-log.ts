// Buck2 event log as JSON lines — docs/formats.md §10.3 and pitfalls 11–12; upstream writer: buck2
// `app/buck2_cmd_log_client/src/show_log.rs` (`buck2 log show`, serde snake_case with PascalCase
// oneofs) and protobuf-canonical converters of `app/buck2_data/data.proto` (camelCase).
import type { EventLog, LoadRecord } from '../model/profile.ts';
import { ParseError } from './diagnostics.ts';
import type { FormatSpec, LineParser, ParseContext } from './format.ts';

type JsonObject = Record<string, unknown>;

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `v[key]` when both are JSON objects, else null. */
function objectAt(v: unknown, key: string): JsonObject | null {
  if (!isObject(v)) return null;
  const child = v[key];
  return isObject(child) ? child : null;
}

/** The first of the spellings (`module_id`, `moduleId`) present, else undefined. */
function field(o: JsonObject, ...names: string[]): unknown {
  for (const n of names) if (o[n] !== undefined) return o[n];
  return undefined;
}

/** Whitespace-trimmed bounds check: every event line is one JSON object. */
function looksLikeJsonObject(text: string): boolean {
  let a = 0;
  let b = text.length - 1;
  while (a <= b && (text[a] === ' ' || text[a] === '\t')) a++;
  while (b >= a && (text[b] === ' ' || text[b] === '\t')) b--;
  return text[a] === '{' && text[b] === '}';
}

function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

/** The keys an ended Load span names: `SpanEnd`/`spanEnd` around `Load`/`load` (serde or protobuf JSON). */
const SPAN_END_KEYS = ['"SpanEnd"', '"spanEnd"'];
const LOAD_KEYS = ['"Load"', '"load"'];

/**
 * Only a line that may end a Load span is worth JSON.parse: it names both keys (a Load's
 * SpanStart, an action's end or a snapshot does not), the rest of a huge log is passed over
 * cheaply. A key may be written with escapes (`"\u004coad"` is `"Load"`): such lines are parsed too.
 */
export function mayEndLoad(text: string): boolean {
  if (text.includes('\\u')) return true;
  return LOAD_KEYS.some((k) => text.includes(k)) && SPAN_END_KEYS.some((k) => text.includes(k));
}

/** The SpanEnd payload: `Event.data.SpanEnd` (buck2 log show) or `[event.]spanEnd` (protobuf JSON). */
function spanEndOf(v: JsonObject): JsonObject | null {
  const serde = objectAt(objectAt(objectAt(v, 'Event'), 'data'), 'SpanEnd');
  if (serde) return serde;
  const event = objectAt(v, 'event') ?? v;
  return objectAt(event, 'spanEnd') ?? objectAt(objectAt(event, 'data'), 'spanEnd');
}

/** The LoadBuildFileEnd inside a SpanEnd: `data.Load` (serde) or the flattened oneof `load`. */
function loadOf(end: JsonObject): JsonObject | null {
  return objectAt(objectAt(end, 'data'), 'Load') ?? objectAt(end, 'load') ?? objectAt(objectAt(end, 'data'), 'load');
}

/** One record's field is unusable: the record is skipped and counted, the log is still read. */
class UnreadableField extends Error {}

/** Reads one line's event fields, failing with the line's text when a value is unusable. */
class FieldReader {
  constructor(
    private readonly file: string,
    private readonly lineNo: number,
    private readonly text: string,
  ) {}

  fail(reason: string): never {
    throw new ParseError(this.file, this.lineNo, this.text, reason);
  }

  /** A field of one record cannot be read: that record is skipped. */
  unreadable(reason: string): never {
    throw new UnreadableField(reason);
  }

  /** A uint64 as a JSON number or a decimal string, exactly; null when absent or null. */
  uint64(value: unknown, name: string): number | null {
    if (value === undefined || value === null) return null;
    const n =
      typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
    if (Number.isNaN(n) || n < 0 || !Number.isInteger(n))
      this.unreadable(`${name} is not a whole number of the uint64 kind`);
    // Every decimal beyond 2^53 - 1 reads as a number ≥ 2^53, so this catches all of them.
    if (!Number.isSafeInteger(n)) this.fail(`${name} is beyond 2^53 and cannot be read exactly`);
    return n;
  }

  /** `duration_us`/`durationUs` (µs) or protobuf `duration` (`"1.5s"`), in microseconds. */
  durationMicros(end: JsonObject): number | null {
    const micros = field(end, 'duration_us', 'durationUs');
    if (micros !== undefined) return this.uint64(micros, 'duration_us');
    const duration = end['duration'];
    if (duration === undefined || duration === null) return null;
    const m = typeof duration === 'string' ? /^(\d+)(?:\.(\d{1,9}))?s$/.exec(duration) : null;
    if (!m) this.unreadable('duration is not a protobuf duration such as "1.5s"');
    const seconds = this.uint64(m[1], 'duration')!;
    const micro = Math.floor(Number((m[2] ?? '').padEnd(9, '0')) / 1000);
    return this.uint64(seconds * 1_000_000 + micro, 'duration');
  }

  optionalString(value: unknown, name: string): string | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') this.unreadable(`${name} is not a string`);
    return value;
  }

  loadRecord(load: JsonObject, end: JsonObject): LoadRecord {
    const moduleId = this.optionalString(field(load, 'module_id', 'moduleId'), 'module_id');
    if (moduleId === null) this.unreadable('module_id is missing');
    return {
      moduleId,
      cell: this.optionalString(load['cell'], 'cell') ?? '',
      peakBytes: this.uint64(
        field(load, 'starlark_peak_allocated_bytes', 'starlarkPeakAllocatedBytes'),
        'starlark_peak_allocated_bytes',
      ),
      error: this.optionalString(load['error'], 'error'),
      targetCount: this.uint64(field(load, 'target_count', 'targetCount'), 'target_count'),
      durationMicros: this.durationMicros(end),
    };
  }
}

/** The unwrapped Invocation record that `buck2 log show` prints first. */
function isInvocation(v: unknown): v is JsonObject {
  return isObject(v) && (Array.isArray(v['command_line_args']) || Array.isArray(v['commandLineArgs']));
}

/**
 * Turns every ended Load span (one BUCK/TARGETS evaluation) into a LoadRecord; other events
 * are passed over without parsing (mayEndLoad).
 *
 * @example
 *   {"command_line_args":["buck2","uquery","//foo:bar"],"trace_id":"0b5d…",…}
 *   {"Event":{…"data":{"SpanEnd":{"duration_us":1500000,"data":{"Load":{"module_id":"root//foo:BUCK",
 *     "cell":"root","error":null,"starlark_peak_allocated_bytes":1610608640,"target_count":42}}}}}}
 *   {"Result":{…}}
 *   → loads [{ moduleId: 'root//foo:BUCK', peakBytes: 1610608640, targetCount: 42, durationMicros: 1500000, … }]
 */
export class EventLogParser implements LineParser<EventLog> {
  private commandLine: string[] | null = null;
  private traceId: string | null = null;
  private readonly loads: LoadRecord[] = [];
  private seenContent = false;

  constructor(private readonly ctx: ParseContext) {}

  line(text: string, lineNo: number): void {
    if (isBlank(text)) return;
    const reader = new FieldReader(this.ctx.file, lineNo, text);
    if (!looksLikeJsonObject(text)) reader.fail('not a JSON object, as every `buck2 log show` line is');
    const first = !this.seenContent;
    this.seenContent = true;
    if (!first && !mayEndLoad(text)) return;
    const value = parseJson(text, reader);
    if (first && isInvocation(value)) {
      this.readInvocation(value);
      return;
    }
    const end = spanEndOf(value);
    const load = end && loadOf(end);
    if (end && load) this.takeLoad(reader, load, end, lineNo, text);
  }

  /** One unreadable record (a float peak, a module id that is no string) is skipped and counted, not the log. */
  private takeLoad(reader: FieldReader, load: JsonObject, end: JsonObject, lineNo: number, text: string): void {
    try {
      this.loads.push(reader.loadRecord(load, end));
    } catch (e) {
      if (!(e instanceof UnreadableField)) throw e;
      this.ctx.diagnostics.skip(lineNo, `with a Load record whose ${e.message}`, text);
    }
  }

  private readInvocation(v: JsonObject): void {
    const args = field(v, 'command_line_args', 'commandLineArgs');
    this.commandLine = Array.isArray(args) ? args.filter((a): a is string => typeof a === 'string') : null;
    const trace = field(v, 'trace_id', 'traceId');
    this.traceId = typeof trace === 'string' ? trace : null;
  }

  finish(): EventLog {
    return { format: 'event-log', commandLine: this.commandLine, traceId: this.traceId, loads: this.loads };
  }
}

function parseJson(text: string, reader: FieldReader): JsonObject {
  try {
    return JSON.parse(text) as JsonObject;
  } catch {
    return reader.fail('not valid JSON');
  }
}

/** Protobuf-JSON event keys: a StreamValue `event` wrapper, or a BuckEvent with `traceId`. */
function isCamelCaseEvent(v: JsonObject): boolean {
  if (isObject(v['event'])) return true;
  return 'traceId' in v && ['spanStart', 'spanEnd', 'instant', 'record'].some((k) => k in v);
}

/** The first line is the Invocation, an `{"Event":…}` line, or a camelCase event. */
function isEventLogHead(lines: readonly string[]): boolean {
  const first = lines[0];
  if (first === undefined || !looksLikeJsonObject(first)) return false;
  let v: unknown;
  try {
    v = JSON.parse(first);
  } catch {
    return false;
  }
  return isObject(v) && (isInvocation(v) || isObject(v['Event']) || isCamelCaseEvent(v));
}

/** Buck2 event log (JSON lines): sniffed by its first line, read by EventLogParser. */
export const eventLogFormat: FormatSpec<EventLog> = {
  name: 'event-log',
  endsEveryLine: true,
  sniff: ({ lines }) => isEventLogHead(lines),
  create: (ctx) => new EventLogParser(ctx),
};
