// Deterministic statement CSVs (docs/formats.md §5) and buck2 event logs (docs/formats.md §10.3) for
// the benchmark: the shapes the parsers see, at sizes no real sample reaches.
import { frameNames, seededRandom } from './gen-heap-flame.ts';

type Write = (chunk: string) => void;
const FLUSH_CHARS = 1 << 20;

/**
 * Writes a statement CSV of `rows` rows in the upstream order (Duration desc, Count desc).
 * Durations are whole milliseconds so the TOTAL row is exact.
 *
 * @example
 *   File,Span,Duration(s),Count
 *   "TOTAL","",812.345,4000000
 *   "prelude/cxx/defs.bzl","12:5-30",0.913,412
 */
export function generateStatementCsv(rows: number, seed: number, write: Write): { rows: number } {
  const rng = seededRandom(seed);
  const files = [...new Set(frameNames(rng).map((n) => n.slice(0, n.lastIndexOf('.'))))];
  const millis = new Float64Array(rows);
  const counts = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    millis[i] = Math.min(90_000, Math.floor(3 / Math.pow(1 - rng(), 1.1)) - 3);
    counts[i] = 1 + Math.floor(millis[i]! * 4 * rng());
  }
  const order = Array.from({ length: rows }, (_, i) => i).sort(
    (a, b) => millis[b]! - millis[a]! || counts[b]! - counts[a]!,
  );
  let total = 0;
  let totalCount = 0;
  for (let i = 0; i < rows; i++) {
    total += millis[i]!;
    totalCount += counts[i]!;
  }
  let buf = `File,Span,Duration(s),Count\n"TOTAL","",${(total / 1000).toFixed(3)},${totalCount}\n`;
  for (const i of order) {
    const line = 1 + Math.floor(rng() * 900);
    const col = 1 + Math.floor(rng() * 40);
    buf += `"${files[i % files.length]}","${line}:${col}-${col + 1 + Math.floor(rng() * 60)}",${(millis[i]! / 1000).toFixed(3)},${counts[i]}\n`;
    if (buf.length > FLUSH_CHARS) {
      write(buf);
      buf = '';
    }
  }
  write(buf);
  return { rows };
}

const TRACE = '0b5d6e52-1d1c-4b8e-9a57-3f0b9a7c2d11';

/** A `buck2 log show` event line: timestamps `[secs, nanos]`, snake_case, PascalCase oneofs. */
function eventLine(t: number, span: number, data: string): string {
  const secs = 1767225600 + Math.floor(t / 1e9);
  return `{"Event":{"timestamp":[${secs},${t % 1e9}],"trace_id":"${TRACE}","span_id":${span},"parent_id":3,"data":${data}}}\n`;
}

/** One package: its Load span (with the peak), two analyses and a burst of action noise. */
function packageEvents(rng: () => number, pkg: number, t: number): string {
  const module = `root//pkg${pkg % 997}/sub${pkg}:BUCK`;
  const span = 100 + pkg * 8;
  const failed = rng() < 0.002;
  const peak = failed ? 'null' : String(8 * Math.floor(1e4 / Math.pow(1 - rng(), 1.3)));
  let out = eventLine(t, span, `{"SpanStart":{"data":{"Load":{"module_id":"${module}","cell":"root"}}}}`);
  const error = failed
    ? '"Starlark peak memory usage for BUCK is  2.1GiB which exceeds the limit  2.0GiB! Please reduce memory usage to prevent OOMs."'
    : 'null';
  out += eventLine(
    t + 1_500_000,
    span,
    `{"SpanEnd":{"stats":{"max_poll_time_us":1480,"total_poll_time_us":1495},"duration_us":1500,"data":{"Load":{"module_id":"${module}","cell":"root","error":${error},"starlark_peak_allocated_bytes":${peak},"cpu_instruction_count":null,"target_count":${1 + (pkg % 40)},"starlark_tick_count":${pkg * 31}}}}}`,
  );
  for (let a = 0; a < 2; a++) {
    out += eventLine(
      t + 2_000_000,
      span + 1 + a,
      `{"SpanEnd":{"stats":null,"duration_us":52000,"data":{"Analysis":{"target":{"StandardTarget":{"label":{"package":"root//pkg${pkg}","name":"t${a}"},"configuration":{"full_name":"cfg:linux-x86_64#0123456789abcdef"},"execution_configuration":null}},"rule":"prelude//rules.bzl:cxx_library","profile":{"starlark_allocated_bytes":${8 * pkg + a},"starlark_available_bytes":12288},"declared_actions":7,"declared_artifacts":9,"error":null}}}}`,
    );
  }
  for (let n = 0; n < 6; n++) {
    out += eventLine(
      t + 3_000_000 + n,
      span + 3,
      `{"Instant":{"data":{"Snapshot":{"buck2_max_rss":${1e9 + pkg},"buck2_user_cpu_us":${pkg * 1000 + n},"blocking_executor_io_queue_size":0,"dice_key_count":${pkg * 13},"http_download_bytes":0,"re_upload_bytes":${n * 4096}}}}}`,
    );
  }
  return out;
}

/**
 * Writes a `buck2 log show` JSON-lines log of about `targetBytes`: the Invocation line,
 * per-package Load spans carrying `starlark_peak_allocated_bytes` amid the usual event
 * noise, and the closing `{"Result":…}` line.
 */
export function generateEventLog(targetBytes: number, seed: number, write: Write): { bytes: number; loads: number } {
  const rng = seededRandom(seed);
  let buf = `{"command_line_args":["buck2","uquery","//..."],"expanded_command_line_args":["buck2","uquery","//..."],"working_dir":"/repo","trace_id":"${TRACE}","start_time":[1767225600,0]}\n`;
  let bytes = 0;
  let loads = 0;
  while (bytes + buf.length < targetBytes) {
    buf += packageEvents(rng, loads, loads * 4_000_000);
    loads++;
    if (buf.length > FLUSH_CHARS) {
      bytes += buf.length;
      write(buf);
      buf = '';
    }
  }
  buf += '{"Result":{"Ok":{}}}\n';
  bytes += buf.length;
  write(buf);
  return { bytes, loads };
}
