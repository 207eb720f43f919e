// What a CSV table (`CsvTable` in csv-records.ts) reads its header and cells with — docs/formats.md
// §1.1 (CsvWriter's cells: quoted strings, `%.3f` seconds, integer counts, a first TOTAL row).
import { InputError, ParseError } from './diagnostics.ts';
import type { ParseContext } from './format.ts';

/**
 * Where each named column sits in a header: `required` ones must all be there (else the
 * returned `problem` names the absent ones), `optional` ones are -1 when absent. Columns are
 * found by name, not position, because writers added and moved columns over the years.
 *
 * @example
 *   findColumns('bytecode', ['Opcode', 'Count', 'Count / Total'], { opcode: 'Opcode', count: 'Count' }, { ratio: 'Count / Total' })
 *   // → { columns: { opcode: 0, count: 1, ratio: 2 } }
 *   findColumns('bytecode', ['Opcode'], { opcode: 'Opcode', count: 'Count' })
 *   // → { problem: 'bytecode header without Count' }
 */
export function findColumns<R extends string, O extends string = never>(
  format: string,
  header: readonly string[],
  required: Record<R, string>,
  optional = {} as Record<O, string>,
): { columns: Record<R | O, number> } | { problem: string } {
  const names: Record<string, string> = { ...required, ...optional };
  const missing = Object.values<string>(required).filter((name) => !header.includes(name));
  if (missing.length > 0) return { problem: `${format} header without ${missing.join(', ')}` };
  const columns = {} as Record<string, number>;
  for (const key of Object.keys(names)) columns[key] = header.indexOf(names[key]!);
  return { columns: columns as Record<R | O, number> };
}

/**
 * A non-negative integer cell (`244`), or NaN. Digits beyond 2^53 throw an InputError (the
 * driver's ParseError): skipping the row would silently lose bytes, rounding would misstate them.
 */
export function readCount(cell: string): number {
  if (!/^\d+$/.test(cell)) return NaN;
  const n = Number(cell);
  if (!Number.isSafeInteger(n)) throw new InputError(`${snippetOf(cell)} is beyond 2^53 and cannot be read exactly`);
  return n;
}

function snippetOf(cell: string): string {
  return cell.length > 24 ? `${cell.slice(0, 24)}… (${cell.length} digits)` : cell;
}

/** A `%.3f` seconds cell (`0.378`), or NaN (also for 400 digits, which would be Infinity). */
export function readSeconds(cell: string): number {
  return /^\d+(\.\d+)?$/.test(cell) ? finiteOrNaN(Number(cell)) : NaN;
}

function finiteOrNaN(n: number): number {
  return Number.isFinite(n) ? n : NaN;
}

/**
 * The one `TOTAL`/`TOTALS` row of a table, which the profiler always writes first: a second
 * one is skipped, a missing one makes the file a ParseError (it is incomplete).
 */
export class TotalRow<T> {
  private value: T | null = null;

  constructor(readonly name: string) {}

  /** Keeps the row; returns the skip reason when one was kept already. */
  take(value: T): string | null {
    if (this.value !== null) return `with a second ${this.name} row`;
    this.value = value;
    return null;
  }

  require(ctx: ParseContext): T {
    if (this.value !== null) return this.value;
    throw new ParseError(
      ctx.file,
      0,
      '',
      `no ${this.name} row: the profiler always writes one first, so the file is incomplete`,
    );
  }
}

/** A header check for sniffing: the first content line starts with this text. */
export function headerSniff(prefix: string): (input: { lines: readonly string[] }) => boolean {
  return ({ lines }) => lines.length > 0 && lines[0]!.startsWith(prefix);
}
