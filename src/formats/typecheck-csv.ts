// Typecheck CSV — formats.md §8; upstream writer: starlark `eval/runtime/profile/typecheck.rs`.
import type { TypecheckProfile } from '../model/profile.ts';
import { csvLineParser, type CsvTable } from './csv-records.ts';
import { findColumns, headerSniff, readSeconds, TotalRow } from './csv-table.ts';
import type { FormatSpec, ParseContext } from './format.ts';

// Note the space in `Time (s)`: the heap summary writes `Time(s)`.
const COLUMNS = { name: 'Function', seconds: 'Time (s)' };
const NOT_A_NUMBER = 'with a time that is not a number';

/**
 * Reads time spent in runtime type checks per function short name (`inner`, or `assignment`
 * for typed assignments). `TOTAL` (quoted since 2022-07, bare before) gives the total.
 *
 * @example
 *   Function,Time (s)
 *   "TOTAL",0.140
 *   "inner",0.140
 */
class TypecheckTable implements CsvTable<TypecheckProfile> {
  private col = { name: 0, seconds: 1 };
  private readonly total = new TotalRow<number>('TOTAL');
  private readonly rows: TypecheckProfile['rows'] = [];

  constructor(private readonly ctx: ParseContext) {}

  header(cells: string[]): string | null {
    const found = findColumns('typecheck', cells, COLUMNS);
    if ('problem' in found) return found.problem;
    this.col = found.columns;
    return null;
  }

  record(cells: string[]): string | null {
    const name = cells[this.col.name]!;
    const seconds = readSeconds(cells[this.col.seconds]!);
    if (Number.isNaN(seconds)) return NOT_A_NUMBER;
    if (name === 'TOTAL') return this.total.take(seconds);
    this.rows.push({ name, seconds });
    return null;
  }

  finish(): TypecheckProfile {
    return { format: 'typecheck', totalSeconds: this.total.require(this.ctx), rows: this.rows };
  }
}

/** Typecheck CSV: sniffed by its `Function,Time (s)` header, read by TypecheckTable. */
export const typecheckFormat: FormatSpec<TypecheckProfile> = {
  name: 'typecheck',
  endsEveryLine: true,
  sniff: headerSniff('Function,Time (s)'),
  create: (ctx) => csvLineParser(ctx, new TypecheckTable(ctx)),
};
