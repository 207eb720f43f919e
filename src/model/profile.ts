// What each input file becomes once parsed: one plain-data variant per format.
// Everything here is structured-clone safe (it crosses the worker boundary).
import type { CallTree } from './call-tree.ts';
import type { Bytes, Count, Seconds } from './units.ts';

/** Format names are part of `peakscope report --json`'s contract. */
export type FormatName =
  | 'heap-summary'
  | 'heap-flame'
  | 'time-flame'
  | 'statement'
  | 'coverage'
  | 'typecheck'
  | 'bytecode'
  | 'bytecode-pairs'
  | 'event-log'
  | 'targets'
  | 'flame-svg'
  | 'pprof'
  | 'empty'
  | 'unknown';

/** A recoverable problem, reported once per kind: "ignored 3 lines …". */
export interface Diagnostic {
  /** First line where it happened (1-based; 0 when not tied to a line). */
  line: number;
  message: string;
  /** How many lines it covers (1 when omitted). */
  count?: number;
}

/** A file that is this format but broken (or no known format at all). */
export interface ParseErrorInfo {
  file: string;
  line: number;
  /** The offending text, cut to a readable length. */
  text: string;
  message: string;
}

/** One row of the heap summary CSV (§2). `allocBytes` is null in files older than 2022-10. */
export interface SummaryRow {
  name: string;
  timeSeconds: Seconds;
  timeRecSeconds: Seconds;
  /** Starlark calls made *from* this function (not calls of it; docs/formats.md §2.1). */
  calls: Count;
  callers: Count;
  topCaller: string;
  /** Distinct call stacks in which TopCaller called it, not a call count. */
  topCallerCount: Count;
  allocs: Count;
  allocBytes: Bytes | null;
  /** Per-type allocation counts, aligned with `HeapSummary.typeNames`. */
  typeCounts: Count[];
}

export interface HeapSummary {
  format: 'heap-summary';
  typeNames: string[];
  totals: SummaryRow;
  functions: SummaryRow[];
  /** The `"UNUSED CAPACITY"` row of 2022-10…2024-07 builds: not a function. */
  unusedCapacity: { allocs: Count; bytes: Bytes | null } | null;
}

export interface HeapFlame {
  format: 'heap-flame';
  tree: CallTree;
  /** Lines that carried a value (distinct stacks after summing duplicates may be fewer). */
  stacks: number;
  /** The `unused_capacity N` line of 2022-10…2024-07 builds, kept out of the tree. */
  unusedCapacityBytes: Bytes | null;
}

export interface TimeFlame {
  format: 'time-flame';
  /** Milliseconds; the `root` frame is the tree root, `"module"` is unquoted to `module`. */
  tree: CallTree;
  stacks: number;
}

/** A 1-based span; `endColumn` is the column just after the last character. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** `20:9-58` / `8:5-15:1`: a span as the statement profile prints it (for findings, loops and reports). */
export function spanLabel(span: Span): string {
  return span.endLine !== span.line
    ? `${span.line}:${span.column}-${span.endLine}:${span.endColumn}`
    : `${span.line}:${span.column}-${span.endColumn}`;
}

export interface StatementRow {
  /** Code-map file name (Buck2: project-relative path; the GC pseudo statement: a Rust path). */
  file: string;
  span: Span;
  seconds: Seconds;
  /**
   * Timing segments attributed to the statement, NOT how often it ran: every `before_stmt`
   * starts a segment, and since 2025-04-22 later call instructions of a statement fire it
   * too, so statements with calls roughly double (golden `7:13-19`: 400 for 200 calls, §5).
   */
  count: Count;
}

export interface StatementProfile {
  format: 'statement';
  /** The `"TOTAL"` row as written; the rows, each rounded to 1 ms, may not add up to it exactly. */
  totalSeconds: Seconds;
  /** The TOTAL row's count: total timing segments, not executions. */
  totalCount: Count;
  rows: StatementRow[];
}

export interface CoverageProfile {
  format: 'coverage';
  spans: { file: string; span: Span }[];
}

export interface TypecheckProfile {
  format: 'typecheck';
  totalSeconds: Seconds;
  rows: { name: string; seconds: Seconds }[];
}

export interface BytecodeProfile {
  format: 'bytecode';
  total: Count;
  rows: { opcode: string; count: Count; ratio: number | null }[];
}

export interface BytecodePairsProfile {
  format: 'bytecode-pairs';
  rows: { first: string; second: string; count: Count; ratio: number | null }[];
}

/** One ended Load span: a BUCK file evaluation (§10). */
export interface LoadRecord {
  /** `module_id`, e.g. `root//foo/bar:BUCK`. */
  moduleId: string;
  cell: string;
  /** Null when the load failed (including over the limit). */
  peakBytes: Bytes | null;
  error: string | null;
  targetCount: Count | null;
  durationMicros: number | null;
}

export interface EventLog {
  format: 'event-log';
  commandLine: string[] | null;
  traceId: string | null;
  loads: LoadRecord[];
}

export interface TargetsList {
  format: 'targets';
  ids: string[];
}

export interface FlameSvg {
  format: 'flame-svg';
  /** `Flame Graph - <mode> on <target>` when Buck2 wrote it. */
  title: string | null;
}

/** Which engine wrote a pprof profile, judged from its sample types and file names. */
export type PprofProducer = 'bazel-memory' | 'bazel-cpu' | 'starlark-go' | 'pprof';

/**
 * What a pprof profile's values are, in words a view can show as they are: Bazel's memory
 * profile counts objects still alive at dump (retained, sampled), never allocated bytes.
 */
export type PprofQuantity =
  'retained-bytes' | 'allocated-bytes' | 'bytes' | 'cpu-time' | 'wall-time' | 'time' | 'count';

/** One Starlark function of a pprof profile (frames are merged by function name and file). */
export interface PprofFrame {
  /** The frame's name in the tree: `macros/defs.bzl.my_macro`, `BUILD.<toplevel>`, `glob`. */
  name: string;
  /** The Starlark function name (`<toplevel>` for a file's top level). */
  function: string;
  /** Path relative to the workspace, or `external/<repo>/…`; `<builtin>` and the like for builtins. */
  file: string;
  /** The path as the profile gives it (absolute). Untrusted text. */
  path: string;
  /** Lines seen in this function's locations (call sites in callers, executing lines in leaves). */
  lines: number[];
  /** `type`: a value-type leaf (`dict`) of a Buck2 heap flame that peakscope exported to pprof. */
  kind: 'def' | 'toplevel' | 'builtin' | 'type';
}

export interface PprofProfile {
  format: 'pprof';
  /** The chosen sample type's values, in the file's own unit (exact integers). */
  tree: CallTree;
  producer: PprofProducer;
  quantity: PprofQuantity;
  /** A short honest label for every view: "retained at dump, sampled". */
  semantics: string;
  /** The sample type drawn (`memory/bytes`, `CPU/microseconds`, `wall/nanoseconds`). */
  sampleType: { type: string; unit: string };
  /** The file's other sample types with their totals: not drawn, but never dropped silently. */
  otherSampleTypes: { type: string; unit: string; total: number }[];
  /** Samples in the file (a 0 of the drawn type included). */
  samples: number;
  period: { type: string; unit: string; value: number } | null;
  /** Frame details by the tree's name index (null for the phase roots). */
  frames: (PprofFrame | null)[];
  /**
   * Where each caller called each callee, by frame name: the caller's lines in those stacks
   * (`callee` '' for the line executing in a stack's last frame, e.g. where a leaf allocated).
   */
  callSites: { caller: string; callee: string; lines: number[] }[];
  /** Bazel only: the tree's top level is `(loading)` and `(analysis)` (NodeKind.Group), with these totals. */
  phases: { loading: number; analysis: number } | null;
  /** The directory taken for the workspace root ('' when none could be told). */
  workspaceRoot: string;
}

/** No data: an empty file, or Buck2's `empty 1` placeholder for an empty flame (§9.2). */
export interface EmptyProfile {
  format: 'empty';
  reason: 'no-content' | 'flame-placeholder';
}

export type Profile =
  | HeapSummary
  | HeapFlame
  | TimeFlame
  | StatementProfile
  | CoverageProfile
  | TypecheckProfile
  | BytecodeProfile
  | BytecodePairsProfile
  | EventLog
  | TargetsList
  | FlameSvg
  | PprofProfile
  | EmptyProfile;

/** A file after parsing: a profile (possibly partial) or an error, never both lost. */
export interface ParsedFile {
  /** Path as given (relative within a dropped folder). Untrusted text. */
  path: string;
  size: number;
  profile: Profile | null;
  error: ParseErrorInfo | null;
  diagnostics: Diagnostic[];
  /** Set when the input stopped early (cut short, decompression ended early). */
  truncated: Diagnostic | null;
  /** `gzip` or `zstd` when the bytes were compressed. */
  compression: 'gzip' | 'zstd' | null;
  /** Formats tried when none matched. */
  triedFormats?: FormatName[];
  /** The format content detection chose, also when parsing then failed (`error` says where). */
  detectedFormat?: FormatName;
}
