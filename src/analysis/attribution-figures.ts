// The attribution's bytes per statement of the statement profile, for the Statements tab and the
// source view: one key per statement (`file`, start line and column, as the profile spans it).
import type { Span } from '../model/profile.ts';
import type { Attribution } from './attribution.ts';

/** Bytes the attribution gives one statement. */
export interface StatementFigures {
  /** Its own allocations plus what the defs it calls allocated. */
  bytes: number;
  /** For a `for`/`while` statement: bytes whose innermost loop it is (null for other statements). */
  loopBytes: number | null;
}

export function figuresKey(file: string, span: Pick<Span, 'line' | 'column'>): string {
  return `${file}\0${span.line}:${span.column}`;
}

/**
 * Statement figures by `figuresKey`. Comprehensions have no statement row of their own: their
 * bytes are in the statement that holds them.
 *
 * @example for samples/loop-invariant-call/before:
 *   statementFigures(attribution).get(figuresKey('defs.bzl', { line: 18, column: 5 }))
 *   // → { bytes: 76_080, loopBytes: 76_080 } (the loop statement's own bytes are its header's)
 */
export function statementFigures(attribution: Attribution): Map<string, StatementFigures> {
  const figures = new Map<string, StatementFigures>();
  for (const s of attribution.statements)
    figures.set(figuresKey(s.file, s.span), { bytes: s.own + s.calls, loopBytes: null });
  for (const loop of attribution.loops) {
    if (loop.kind === 'comprehension') continue;
    const key = figuresKey(loop.file, loop.span);
    figures.set(key, { bytes: figures.get(key)?.bytes ?? 0, loopBytes: loop.bytes });
  }
  return figures;
}
