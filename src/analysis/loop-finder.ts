// The loop finder: joins the statement profile (docs/formats.md §5) with the heap profiles and, when
// given, the sources, to say which function and which loop each statement belongs to, which
// loops run hot, and how many bytes their function allocates.
import type { Span, StatementProfile, StatementRows } from '../model/profile.ts';
import { statementFile, statementSpan } from '../model/statement-rows.ts';
import { sourceFor } from './profile-names.ts';
import type { SourceIndex } from './starlark-source.ts';
import { nestRows, placeStatements, statementAt, type PlacedStatement } from './statement-placement.ts';

/** Bytes a function allocates, from a heap flame (self and total) or a summary CSV (self only). */
export interface FunctionBytes {
  self: number;
  /** Self plus callees; null when only the summary CSV (no call tree) is known. */
  total: number | null;
}

export interface FoundLoop {
  file: string;
  span: Span;
  /** `for`/`while` from the syntax tree, or `inferred` from counts alone. */
  kind: 'for' | 'while' | 'inferred';
  functionName: string | null;
  functionSpan: Span | null;
  /** Count of the loop statement itself (≈ times the loop was started). */
  headerCount: number;
  /** Largest count among the statements directly in its body. */
  bodyCount: number;
  /** bodyCount / headerCount: iterations per start, within a factor of about 2–3 (see basis). */
  iterationsEstimate: number;
  /** Seconds of the loop statement and every statement in its body. */
  seconds: number;
  /** The loop's share of its function's statement time (0…1); null when the function is unknown. */
  timeShare: number | null;
  functionBytes: FunctionBytes | null;
  /** How the figures were obtained, in words. */
  basis: string[];
}

/** A loop is hot when its body ran at least this many times as often as the loop started. */
export const HOT_LOOP_RATIO = 4;

/** The caveat every count-based estimate carries (docs/formats.md pitfall 10), shown beside it. */
export const COUNT_CAVEAT =
  'statement Count counts timing segments, not runs; since 2025-04 statements with calls get about 2 per run, so ratios are good to a factor of about 2–3';

/**
 * Finds loops and ranks them by the bytes their function allocates (total, else self), then by
 * time. With sources every `for`/`while` statement that ran is a loop; without, a nested
 * statement whose body ran at least HOT_LOOP_RATIO times as often as it did is taken for one.
 *
 * @example with upstream's goldens (statement CSV, heap flame, test.star):
 *   findLoops(statement, [index], bytes)
 *   // → [{ span: 11:5-14:1, functionName: 'test.star.test', headerCount: 8, bodyCount: 40, … },
 *   //    { span: 6:9-9:1, functionName: 'test.star.inner', headerCount: 20, bodyCount: 400, … }]
 */
export function findLoops(
  profile: StatementProfile,
  sources: readonly SourceIndex[],
  functionBytes: ReadonlyMap<string, FunctionBytes>,
): FoundLoop[] {
  const { rows } = profile;
  const placed = placeStatements(profile, sources);
  const functionSeconds = new Map<string, number>();
  const functionKey = (p: PlacedStatement) => `${rows.file[p.row]}\0${p.functionName}`;
  for (const p of placed)
    if (p.functionName !== null)
      functionSeconds.set(functionKey(p), (functionSeconds.get(functionKey(p)) ?? 0) + rows.seconds[p.row]!);
  const loops: FoundLoop[] = [];
  for (const block of blocksOf(rows, placed)) {
    const kind = loopKind(rows, block, sources);
    if (!kind) continue;
    const total = block.header.functionName === null ? 0 : (functionSeconds.get(functionKey(block.header)) ?? 0);
    loops.push(describeLoop(rows, block, kind, total, functionBytes));
  }
  const weight = (l: FoundLoop) => l.functionBytes?.total ?? l.functionBytes?.self ?? -1;
  // Milliseconds: sums of 3-decimal seconds differ in the last float bits; ties go to the outer loop.
  const ms = (l: FoundLoop) => Math.round(l.seconds * 1000);
  return loops.sort(
    (a, b) => weight(b) - weight(a) || ms(b) - ms(a) || a.span.line - b.span.line || a.span.column - b.span.column,
  );
}

/** A statement with the statements nested in it, from one nesting sweep per file. */
interface Block {
  header: PlacedStatement;
  /** Largest count among the statements directly in its body (inner loops do not inflate it). */
  childMaxCount: number;
  /** Its own seconds plus every nested statement's. */
  seconds: number;
  isTopLevel: boolean;
}

function blocksOf(rows: StatementRows, placed: readonly PlacedStatement[]): Block[] {
  const byFile = new Map<number, PlacedStatement[]>();
  for (const p of placed) {
    const group = byFile.get(rows.file[p.row]!);
    if (group) group.push(p);
    else byFile.set(rows.file[p.row]!, [p]);
  }
  const blocks: Block[] = [];
  for (const group of byFile.values()) {
    const parents = nestRows(
      rows,
      group.map((p) => p.row),
    );
    const childMax = new Array<number>(group.length).fill(-1);
    const seconds = group.map((p) => rows.seconds[p.row]!);
    // Deeper statements first, so each subtree's time is complete before it is added upward.
    const depth = Array.from(parents, (_, i) => {
      let d = 0;
      for (let p = parents[i]!; p >= 0; p = parents[p]!) d++;
      return d;
    });
    const order = group.map((_, i) => i).sort((a, b) => depth[b]! - depth[a]!);
    for (const i of order) {
      const parent = parents[i]!;
      if (parent < 0) continue;
      childMax[parent] = Math.max(childMax[parent]!, rows.count[group[i]!.row]!);
      seconds[parent]! += seconds[i]!;
    }
    group.forEach((header, i) => {
      if (childMax[i]! >= 0)
        blocks.push({ header, childMaxCount: childMax[i]!, seconds: seconds[i]!, isTopLevel: parents[i]! < 0 });
    });
  }
  return blocks;
}

function loopKind(rows: StatementRows, block: Block, sources: readonly SourceIndex[]): FoundLoop['kind'] | null {
  const row = block.header.row;
  const source = sourceFor(statementFile(rows, row), sources);
  if (source) {
    const at = statementAt(source, rows.line[row]!, rows.column[row]!);
    const kind = at >= 0 ? source.statements[at]!.kind : '';
    return kind === 'ForStatement' ? 'for' : kind === 'WhileStatement' ? 'while' : null;
  }
  // A top-level block is a def or a top-level loop: counts alone cannot tell which.
  if (block.isTopLevel) return null;
  return block.childMaxCount >= HOT_LOOP_RATIO * rows.count[row]! ? 'inferred' : null;
}

function describeLoop(
  rows: StatementRows,
  block: Block,
  kind: FoundLoop['kind'],
  functionSeconds: number,
  functionBytes: ReadonlyMap<string, FunctionBytes>,
): FoundLoop {
  const { header } = block;
  const bytes = header.functionName === null ? null : (functionBytes.get(header.functionName) ?? null);
  const headerCount = rows.count[header.row]!;
  const iterations = headerCount > 0 ? block.childMaxCount / headerCount : 0;
  return {
    file: statementFile(rows, header.row),
    span: statementSpan(rows, header.row),
    kind,
    functionName: header.functionName,
    functionSpan: header.functionSpan,
    headerCount,
    bodyCount: block.childMaxCount,
    iterationsEstimate: iterations,
    seconds: block.seconds,
    timeShare: functionSeconds > 0 ? block.seconds / functionSeconds : null,
    functionBytes: bytes,
    basis: loopBasis(kind, header, bytes, iterations),
  };
}

function loopBasis(
  kind: FoundLoop['kind'],
  header: PlacedStatement,
  bytes: FunctionBytes | null,
  iterations: number,
): string[] {
  const basis = [
    kind === 'inferred'
      ? `taken for a loop because its body ran ${iterations.toFixed(1)}× as often as it did (no source given)`
      : `a \`${kind}\` statement in the source`,
    `about ${iterations.toFixed(1)} iterations per start: largest body count / loop count; ${COUNT_CAVEAT}`,
  ];
  if (header.functionName === null) basis.push('enclosing function unknown: give the sources to name it');
  if (bytes) {
    basis.push(
      bytes.total !== null
        ? `bytes: everything ${header.functionName} allocates, callees included (heap flame, GC off) — an upper bound for the loop`
        : `bytes: what ${header.functionName} allocates itself (heap summary AllocBytes, GC off) — callees not included`,
    );
  } else if (header.functionName !== null) {
    basis.push(`no heap profile names ${header.functionName}`);
  }
  return basis;
}
