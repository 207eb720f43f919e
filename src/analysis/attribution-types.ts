// What the stack-led attribution (attribution.ts) hands to the rules, the report, the worker and
// the views: plain data only (indices into the run's sources, spans, frame names, bytes).
import type { Span } from '../model/profile.ts';

/** A loop (or comprehension) with the bytes allocated while it ran. */
export interface HotLoop {
  /** Frame name of the def the loop is in (`defs.bzl.f`, `module`). */
  function: string;
  /** The file as the profiles name it. */
  file: string;
  /** Path of the source as given. */
  sourcePath: string;
  source: number;
  loop: number;
  kind: 'for' | 'while' | 'comprehension';
  span: Span;
  /** `for name in names` as written (untrusted text). */
  header: string;
  /** Bytes whose innermost loop on the way from the allocation to the root is this one. */
  bytes: number;
  /** Every byte allocated while the loop ran (inner loops' and callees' included). */
  throughBytes: number;
  /** Frames from the loop's function to the one that allocated most of `bytes`. */
  frames: string[];
}

/** A call of a Starlark def, with the bytes its callee allocated (callees included) through it. */
export interface HotCallSite {
  function: string;
  file: string;
  sourcePath: string;
  source: number;
  call: number;
  span: Span;
  callee: string;
  bytes: number;
  /** Innermost loop that runs the call once per iteration, as an index of the source's loops. */
  loop: number | null;
  /** The loop most of its bytes went to: `loop`, else the innermost loop of a caller up the stack. */
  reachedLoop: { source: number; loop: number } | null;
}

/** Bytes of one statement: its own allocations, and what the defs it calls allocated. */
export interface StatementBytes {
  source: number;
  statement: number;
  file: string;
  span: Span;
  own: number;
  calls: number;
  /** The loop most of its own bytes went to, in its def or in a caller (`source`, `loop` indices), or null. */
  loop: { source: number; loop: number } | null;
}

/** Bytes of one allocating expression (a `.items()`, a comprehension, a `+`). */
export interface AllocationBytes {
  source: number;
  allocation: number;
  bytes: number;
  /** The loop most of its bytes went to: its own, else the innermost one of a caller up the stack (null: none). */
  loop: { source: number; loop: number } | null;
}

export interface Attribution {
  loops: HotLoop[];
  callSites: HotCallSite[];
  statements: StatementBytes[];
  allocations: AllocationBytes[];
  totalBytes: number;
  /** Bytes of frames the sources do not explain (no source, no allocating statement, no loop on the way). */
  outsideLoopsBytes: number;
}
