// Bytecode-pairs CSV — formats.md §7; upstream writer: starlark `eval/runtime/profile/bc.rs`
// (BcPairsProfileData::gen_csv).
import type { BytecodePairsProfile } from '../model/profile.ts';
import { NOT_A_NUMBER, RATIO_COLUMN, readRatio } from './bytecode-csv.ts';
import { csvLineParser, type CsvTable } from './csv-records.ts';
import { findColumns, headerSniff, readCount } from './csv-table.ts';
import type { FormatSpec } from './format.ts';

const COLUMNS = { first: 'Opcode[0]', second: 'Opcode[1]', count: 'Count' };

/**
 * Reads how often one opcode followed another. No TOTAL row; only pairs that occurred.
 *
 * @example
 *   Opcode[0],Opcode[1],Count,Count / Total
 *   "CallFrozenNativePos","Continue",200,"0.269"
 */
class BytecodePairsTable implements CsvTable<BytecodePairsProfile> {
  private col = { first: 0, second: 1, count: 2, ratio: 3 };
  private readonly rows: BytecodePairsProfile['rows'] = [];

  header(cells: string[]): string | null {
    const found = findColumns('bytecode-pairs', cells, COLUMNS, { ratio: RATIO_COLUMN });
    if ('problem' in found) return found.problem;
    this.col = found.columns;
    return null;
  }

  record(cells: string[]): string | null {
    const count = readCount(cells[this.col.count]!);
    const ratio = this.col.ratio < 0 ? null : readRatio(cells[this.col.ratio]!);
    if (Number.isNaN(count) || ratio === undefined) return NOT_A_NUMBER;
    this.rows.push({ first: cells[this.col.first]!, second: cells[this.col.second]!, count, ratio });
    return null;
  }

  finish(): BytecodePairsProfile {
    return { format: 'bytecode-pairs', rows: this.rows };
  }
}

/** Bytecode-pairs CSV: sniffed by its `Opcode[0],Opcode[1],` header, read by BytecodePairsTable. */
export const bytecodePairsFormat: FormatSpec<BytecodePairsProfile> = {
  name: 'bytecode-pairs',
  endsEveryLine: true,
  sniff: headerSniff('Opcode[0],Opcode[1],'),
  create: (ctx) => csvLineParser(ctx, new BytecodePairsTable()),
};
