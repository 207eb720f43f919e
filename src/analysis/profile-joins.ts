// The joins between one run's profiles and its sources that both the attribution and the rules
// need: which file name the profiles give a source, which statement row a source statement has,
// and whether it ran. A statement profile's Count is evidence that a statement ran, never a run
// count (docs/formats.md §5): it is 1 + the calls evaluated inside the statement, per run.
import type {
  CoverageProfile,
  HeapFlame,
  HeapSummary,
  Span,
  StatementProfile,
  StatementRow,
} from '../model/profile.ts';
import { calleeDefNames } from './starlark-callees.ts';
import { frameFile, frameNameOf, profileFileFor } from './loop-finder.ts';
import type { SourceIndex, SourceStatement } from './starlark-source.ts';

/** The profiles of one run (one `buck2 profile loading` target set) and its sources. */
export interface AdviceInput {
  heapFlame: HeapFlame | null;
  summary: HeapSummary | null;
  statement: StatementProfile | null;
  coverage: CoverageProfile | null;
  sources: SourceIndex[];
  /** Files that frames without bytes for the rules name (Bazel's pprof profiles): how profiles call the sources. */
  frameFiles?: string[];
}

export function spanKey(file: string, span: Span): string {
  return `${file}\0${span.line}:${span.column}`;
}

export class ProfileJoins {
  private readonly rows = new Map<string, StatementRow>();
  private readonly covered = new Set<string>();
  private readonly knownFiles = new Set<string>();
  private readonly frames: ReadonlySet<string>;
  private readonly fileOfSource = new Map<SourceIndex, string>();

  constructor(readonly input: AdviceInput) {
    const frames = input.heapFlame?.tree.names ?? input.summary?.functions.map((f) => f.name) ?? [];
    this.frames = new Set(frames);
    for (const name of frames) {
      const file = frameFile(name);
      if (file) this.knownFiles.add(file);
    }
    for (const file of input.frameFiles ?? []) this.knownFiles.add(file);
    for (const row of input.statement?.rows ?? []) {
      this.rows.set(spanKey(row.file, row.span), row);
      this.knownFiles.add(row.file);
    }
    for (const { file, span } of input.coverage?.spans ?? []) {
      this.covered.add(spanKey(file, span));
      this.knownFiles.add(file);
    }
  }

  /** The file name the profiles use for a source: the longest known name its path ends with. */
  profileFileOf(source: SourceIndex): string {
    let file = this.fileOfSource.get(source);
    if (file === undefined) this.fileOfSource.set(source, (file = profileFileFor(source.path, this.knownFiles)));
    return file;
  }

  /** Frame name of the def enclosing a statement (`module` at top level). */
  functionOf(source: SourceIndex, def: number | null): string {
    return frameNameOf(this.profileFileOf(source), def === null ? null : source.defs[def]!);
  }

  /**
   * Whether a def is known to have no frame of its own although it ran: the heap profiles name
   * other frames of its file's run but never it. starlark-rust inlines a def whose body is one
   * `return <expression>` of parameters, constants and calls: its allocations are its caller's.
   */
  hasNoFrame(source: SourceIndex, def: number): boolean {
    return this.frames.size > 0 && !this.frames.has(this.functionOf(source, def));
  }

  /** The statement profile row that starts where a source statement starts. */
  row(source: SourceIndex, statement: SourceStatement): StatementRow | null {
    return this.rows.get(spanKey(this.profileFileOf(source), statement.span)) ?? null;
  }

  /**
   * Whether the statement profile has a row for a statement (it ran; its Count is 1 + the calls
   * evaluated in it, per run), null without a statement profile. What "high" confidence needs.
   */
  inStatementProfile(source: SourceIndex, statement: SourceStatement): boolean | null {
    return this.input.statement ? this.row(source, statement) !== null : null;
  }

  /** Whether a statement ran: true/false from the statement or coverage profile, null when neither is given. */
  ran(source: SourceIndex, statement: SourceStatement): boolean | null {
    if (!this.input.statement && !this.input.coverage) return null;
    const key = spanKey(this.profileFileOf(source), statement.span);
    return this.rows.has(key) || this.covered.has(key);
  }

  private readonly entriesCache = new Map<string, number | null>();
  /**
   * How often a def was entered, at most (1 for a file's top level): the smallest Count among
   * the statements directly in its body outside loops, and the Counts of the statements that call
   * it added up. Each Count is at least the runs, never fewer, so the smaller bound is kept.
   * Null without a statement profile or when none of them ran.
   */
  entries(source: SourceIndex, def: number | null): number | null {
    if (def === null) return 1;
    const key = `${this.input.sources.indexOf(source)}\0${source.path}\0${def}`;
    if (!this.entriesCache.has(key)) {
      const bounds = [this.bodyCount(source, def), this.callerCount(source, def)].filter((b) => b !== null);
      this.entriesCache.set(key, bounds.length > 0 ? Math.min(...bounds) : null);
    }
    return this.entriesCache.get(key)!;
  }

  private bodyCount(source: SourceIndex, def: number): number | null {
    let smallest: number | null = null;
    for (const s of source.statements) {
      if (s.def !== def || s.parent === null) continue;
      const inBody =
        s.kind === 'LambdaBody' || (s.loop === null && source.statements[s.parent]!.kind === 'FunctionDefinition');
      if (!inBody) continue;
      const count = this.row(source, s)?.count;
      if (count !== undefined && (smallest === null || count < smallest)) smallest = count;
    }
    return smallest;
  }

  /** The Counts of the statements that call a def (by any of its names), added up; null when none is counted. */
  private callerCount(source: SourceIndex, def: number): number | null {
    const names = source.defs[def]!.callNames;
    let total: number | null = null;
    for (const caller of this.input.sources) {
      const counted = new Set<number>();
      for (const call of caller.calls) {
        if (
          counted.has(call.statement) ||
          !calleeDefNames(this.input.sources, caller, call.callee).some((n) => names.includes(n))
        )
          continue;
        counted.add(call.statement);
        const row = this.row(caller, caller.statements[call.statement]!);
        if (row) total = (total ?? 0) + row.count;
      }
    }
    return total;
  }
}
