// Field numbers of the Buck2 messages on the path to a file's Starlark peak, read in buck2's
// `app/buck2_data/data.proto` and `app/buck2_cli_proto/daemon.proto` (checked at buck2 commit
// 13baa8a1, 2026-08; docs/event-log-pb.md). Only these are decoded; the rest is skipped by wire type.

/** `buck.data.Invocation`, the first record of a log (prost writes fields in number order). */
export const INVOCATION = {
  commandLineArgs: 1,
  workingDir: 2,
  traceId: 3,
  startTime: 4,
  expandedCommandLineArgs: 11,
} as const;
/** `buck.daemon.CommandProgress`: the oneof `progress` (CommandProgressForWrite has the same numbers). */
export const COMMAND_PROGRESS = { event: 1, result: 2, partialResult: 3 } as const;
/** `buck.data.BuckEvent`: the oneof `data` holds `span_end` (SpanEndEvent). */
export const BUCK_EVENT = { spanEnd: 21 } as const;
/** `buck.data.SpanEndEvent`: `duration` (google.protobuf.Duration) and, in the oneof `data`, `load`. */
export const SPAN_END = { duration: 2, load: 53 } as const;
/** `buck.data.LoadBuildFileEnd` (`cpu_instruction_count` = 5 and `starlark_tick_count` = 7 are not read). */
export const LOAD_END = { moduleId: 1, cell: 2, error: 3, peakBytes: 4, targetCount: 6 } as const;
/** `google.protobuf.Duration` and `google.protobuf.Timestamp`: int64 seconds, int32 nanos. */
export const SECONDS_NANOS = { seconds: 1, nanos: 2 } as const;
