// Bytecode CSV — formats.md §7; upstream writer: starlark `eval/runtime/profile/bc.rs`
// (BcProfileData::gen_csv).
import type { BytecodeProfile } from '../model/profile.ts';
import { csvLineParser, type CsvTable } from './csv-records.ts';
import { findColumns, readCount, TotalRow } from './csv-table.ts';
import type { FormatSpec, ParseContext } from './format.ts';

/** Optional: added 2022-05-22. Time columns (before 2022-06-11) are ignored. */
export const RATIO_COLUMN = 'Count / Total';
const COLUMNS = { opcode: 'Opcode', count: 'Count' };
/** Skip reason shared with the bytecode-pairs table (same Count and ratio cells). */
export const NOT_A_NUMBER = 'with a count or ratio that is not a number';

/**
 * A `Count / Total` cell: `"0.328"` → 0.328, `"NaN"` (a zero total) → null; undefined when
 * the cell is no ratio at all. Quoted since 2022-07, bare before; papaparse unquotes both.
 */
export function readRatio(cell: string): number | null | undefined {
  if (cell === 'NaN') return null;
  const ratio = /^\d+(\.\d+)?$/.test(cell) ? Number(cell) : NaN;
  return Number.isFinite(ratio) ? ratio : undefined;
}

/**
 * Reads how often each opcode ran. The `TOTAL` row gives the total; every opcode is listed,
 * zero counts included.
 *
 * @example
 *   Opcode,Count,Count / Total
 *   "TOTAL",745,"1.000"
 *   "CallFrozenNativePos",244,"0.328"
 */
class BytecodeTable implements CsvTable<BytecodeProfile> {
  private col = { opcode: 0, count: 1, ratio: 2 };
  private readonly total = new TotalRow<number>('TOTAL');
  private readonly rows: BytecodeProfile['rows'] = [];

  constructor(private readonly ctx: ParseContext) {}

  header(cells: string[]): string | null {
    const found = findColumns('bytecode', cells, COLUMNS, { ratio: RATIO_COLUMN });
    if ('problem' in found) return found.problem;
    this.col = found.columns;
    return null;
  }

  record(cells: string[]): string | null {
    const opcode = cells[this.col.opcode]!;
    const count = readCount(cells[this.col.count]!);
    const ratio = this.col.ratio < 0 ? null : readRatio(cells[this.col.ratio]!);
    if (Number.isNaN(count) || ratio === undefined) return NOT_A_NUMBER;
    if (opcode === 'TOTAL') return this.total.take(count);
    this.rows.push({ opcode, count, ratio });
    return null;
  }

  finish(): BytecodeProfile {
    return { format: 'bytecode', total: this.total.require(this.ctx), rows: this.rows };
  }
}

/** Bytecode CSV: sniffed by its `Opcode,Count` header, read by BytecodeTable. */
export const bytecodeFormat: FormatSpec<BytecodeProfile> = {
  name: 'bytecode',
  endsEveryLine: true,
  // `Opcode,Count` also covers the 2022-05 header with time columns; pairs start `Opcode[0]`.
  sniff: ({ lines }) => lines.length > 0 && /^Opcode,Count(,|$)/.test(lines[0]!),
  create: (ctx) => csvLineParser(ctx, new BytecodeTable(ctx)),
};
