// pprof (`perftools.profiles.Profile`, gzipped protobuf): what Bazel's `--starlark_cpu_profile`
// and `dump --skylark_memory` and starlark-go's `-profile` write (../shared/docs/bazel.md). Sniffed
// from the decompressed head, collected whole (profiles are small), decoded by pprof-decode.ts
// and built into one call tree of the drawn sample type, in the file's own unit.
import { CallTreeBuilder, NodeKind } from '../model/call-tree.ts';
import type { PprofFrame, PprofProducer, PprofProfile, PprofQuantity } from '../model/profile.ts';
import type { MetricUnit } from '../model/units.ts';
import { ParseError } from './diagnostics.ts';
import type { BinaryFormatSpec, ByteParser, ParseContext } from './format.ts';
import { decodePprof, type PprofData, type PprofValueType } from './pprof-decode.ts';
import { FrameNamer, phaseOf, producerOf } from './pprof-frames.ts';
import { looksLikePprof } from './pprof-sniff.ts';

/** Units kept as such in the tree; any other unit is a count. */
const TREE_UNITS: Record<string, MetricUnit> = {
  bytes: 'bytes',
  nanoseconds: 'nanoseconds',
  microseconds: 'microseconds',
  milliseconds: 'milliseconds',
  count: 'count',
};

/** The sample type pprof draws: the one `default_sample_type` names, else the last. */
export function chosenSampleType(data: PprofData): number {
  const named = data.sampleTypes.findIndex((t) => t.type === data.defaultSampleType);
  return data.defaultSampleType && named >= 0 ? named : data.sampleTypes.length - 1;
}

function periodWords(data: PprofData): string {
  if (!data.periodType || data.period <= 0) return '';
  const unit = TREE_UNITS[data.periodType.unit];
  const ms =
    unit === 'microseconds'
      ? data.period / 1000
      : unit === 'nanoseconds'
        ? data.period / 1e6
        : unit === 'milliseconds'
          ? data.period
          : null;
  return ms === null ? `, one sample per ${data.period} ${data.periodType.unit}` : `, sampled every ${ms} ms`;
}

/** What the values measure, by producer, else by pprof's own type names (`alloc_space`, `inuse_space`, `cpu`). */
export function semanticsOf(
  producer: PprofProducer,
  type: PprofValueType,
  data: PprofData,
): { quantity: PprofQuantity; semantics: string } {
  const every = periodWords(data);
  if (producer === 'bazel-memory')
    return {
      quantity: 'retained-bytes',
      semantics:
        'retained at dump, sampled (objects still alive when Bazel dumped its heap, by the stack that created them)',
    };
  if (producer === 'bazel-cpu') return { quantity: 'cpu-time', semantics: `Starlark CPU time${every}` };
  if (producer === 'starlark-go') return { quantity: 'wall-time', semantics: `wall time${every}` };
  const name = `${type.type}/${type.unit}`;
  if (type.unit === 'bytes') {
    if (/alloc/i.test(type.type)) return { quantity: 'allocated-bytes', semantics: `allocated bytes (${name})` };
    if (/inuse|retained|live/i.test(type.type))
      return { quantity: 'retained-bytes', semantics: `in use when the profile was written (${name})` };
    return { quantity: 'bytes', semantics: name };
  }
  const unit = TREE_UNITS[type.unit];
  if (unit === 'nanoseconds' || unit === 'microseconds' || unit === 'milliseconds') {
    return /cpu/i.test(type.type)
      ? { quantity: 'cpu-time', semantics: `CPU time (${name})${every}` }
      : { quantity: 'time', semantics: `${name}${every}` };
  }
  return { quantity: 'count', semantics: name };
}

/** A frame of one stack with the line executing in it there (the call site, in a caller). */
interface StackFrame {
  frame: PprofFrame;
  line: number;
}

/** Stacks of one profile, outermost first, cached per location. */
class StackReader {
  private readonly byLocation = new Map<string, StackFrame[]>();
  missing = 0;

  constructor(
    private readonly data: PprofData,
    private readonly namer: FrameNamer,
  ) {}

  private unknown(name: string, line: number): StackFrame {
    return { frame: this.namer.frame({ name, systemName: '', filename: '', startLine: 0 }, line), line };
  }

  /** A location's frames, caller first: its lines list inlined functions innermost first. */
  private location(id: string): StackFrame[] {
    let frames = this.byLocation.get(id);
    if (frames) return frames;
    frames = [];
    const lines = this.data.locations.get(id);
    if (!lines) {
      this.missing++;
      frames.push(this.unknown(`(location ${id})`, 0));
    }
    for (let k = (lines?.length ?? 0) - 1; k >= 0; k--) {
      const { functionId, line } = lines![k]!;
      const fn = this.data.functions.get(String(functionId));
      if (!fn) this.missing++;
      frames.push(
        fn ? { frame: this.namer.frame(fn, line), line } : this.unknown(`(function ${String(functionId)})`, line),
      );
    }
    this.byLocation.set(id, frames);
    return frames;
  }

  stack(locationIds: readonly (bigint | string)[]): StackFrame[] {
    const stack: StackFrame[] = [];
    for (let k = locationIds.length - 1; k >= 0; k--) stack.push(...this.location(String(locationIds[k]!)));
    return stack;
  }
}

/** One tree of pprof stacks; Bazel's go under a `(loading)` or `(analysis)` group root. */
class StackTree {
  readonly builder: CallTreeBuilder;
  /** Frame details by name index. */
  readonly frames: (PprofFrame | null)[] = [];
  readonly phases: { loading: number; analysis: number } | null;
  /** `caller\0callee` → the caller's lines at those calls (callee '' for a stack's last frame). */
  readonly callLines = new Map<string, Set<number>>();
  private readonly groups = new Map<string, number>();

  constructor(unit: MetricUnit, byPhase: boolean) {
    this.builder = new CallTreeBuilder(unit);
    this.phases = byPhase ? { loading: 0, analysis: 0 } : null;
  }

  /** The group root of a Bazel stack (node 0 when it has none). */
  private rootOf(stack: readonly StackFrame[], value: number): number {
    const phase = this.phases && stack.length > 0 ? phaseOf(stack[0]!.frame) : null;
    if (!phase) return 0;
    this.phases![phase] += value;
    const node = this.groups.get(phase) ?? this.builder.child(0, this.builder.intern(`(${phase})`), NodeKind.Group);
    this.groups.set(phase, node);
    return node;
  }

  add(stack: readonly StackFrame[], value: number): void {
    let node = this.rootOf(stack, value);
    stack.forEach(({ frame, line }, k) => {
      const id = this.builder.intern(frame.name);
      this.frames[id] ??= frame;
      node = this.builder.child(node, id, frame.kind === 'type' ? NodeKind.Type : NodeKind.Function);
      if (line > 0) this.callLine(frame.name, stack[k + 1]?.frame.name ?? '', line);
    });
    this.builder.addSelf(node, value);
  }

  private callLine(caller: string, callee: string, line: number): void {
    const key = `${caller}\u0000${callee}`;
    const lines = this.callLines.get(key) ?? new Set<number>();
    lines.add(line);
    this.callLines.set(key, lines);
  }

  /** The call sites as plain data, lines ascending. */
  callSites(): PprofProfile['callSites'] {
    return [...this.callLines].map(([key, lines]) => {
      const [caller, callee] = key.split('\u0000') as [string, string];
      return { caller, callee, lines: [...lines].sort((a, b) => a - b) };
    });
  }
}

/** Builds the profile of a decoded file: one tree of the chosen sample type, the others' totals kept. */
export function buildPprofProfile(data: PprofData, ctx: ParseContext): PprofProfile {
  if (data.sampleTypes.length === 0) throw new ParseError(ctx.file, 0, '', 'a pprof profile without sample types');
  const typeIndex = chosenSampleType(data);
  const type = data.sampleTypes[typeIndex]!;
  const producer = producerOf(data);
  const namer = new FrameNamer(data);
  const reader = new StackReader(data, namer);
  const stacks = new StackTree(
    TREE_UNITS[type.unit] ?? 'count',
    producer === 'bazel-memory' || producer === 'bazel-cpu',
  );
  const totals = data.sampleTypes.map(() => 0);
  let samples = 0;
  for (const sample of data.samples) {
    sample.values.forEach((v, i) => (totals[i]! += v));
    // A 0 is a stack too (a retained flame's 0-byte stacks, exported by peakscope): kept, as the folded reader keeps it.
    samples++;
    stacks.add(reader.stack(sample.locationIds), sample.values[typeIndex] ?? 0);
  }
  if (reader.missing > 0)
    ctx.diagnostics.note(
      0,
      `${reader.missing} locations or functions the samples name are missing from the file; they are shown by id`,
    );
  const tree = stacks.builder.build();
  const frames = tree.names.map((_, id) => stacks.frames[id] ?? null);
  return {
    format: 'pprof',
    tree,
    producer,
    ...semanticsOf(producer, type, data),
    sampleType: type,
    otherSampleTypes: data.sampleTypes.flatMap((t, i) => (i === typeIndex ? [] : [{ ...t, total: totals[i]! }])),
    samples,
    period: data.periodType ? { ...data.periodType, value: data.period } : null,
    frames,
    callSites: stacks.callSites(),
    phases: stacks.phases,
    workspaceRoot: namer.workspaceRoot,
  };
}

/** Collects the decompressed bytes (the file is one message), decodes and builds at the end. */
class PprofParser implements ByteParser<PprofProfile> {
  private buffer = new Uint8Array(64 * 1024);
  private length = 0;

  constructor(private readonly ctx: ParseContext) {}

  push(chunk: Uint8Array): void {
    if (this.length + chunk.length > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + chunk.length));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.length);
    this.length += chunk.length;
  }

  endOfInput(): null {
    return null;
  }

  finish(): PprofProfile {
    let data: PprofData;
    try {
      data = decodePprof(this.buffer.subarray(0, this.length));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw new ParseError(
        this.ctx.file,
        0,
        '',
        `the pprof message cannot be read after ${this.length} bytes (${reason}); is the file cut short?`,
      );
    }
    return buildPprofProfile(data, this.ctx);
  }
}

export const pprofFormat: BinaryFormatSpec<PprofProfile> = {
  name: 'pprof',
  sniffBytes: ({ head }) => looksLikePprof(head),
  create: (ctx) => new PprofParser(ctx),
};
