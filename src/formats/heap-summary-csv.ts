// Heap summary CSV — docs/formats.md §2 (and §2.5 for older shapes); upstream writer: starlark
// `values/layout/heap/profile/summary_by_function.rs` (HeapSummaryByFunction::gen_csv).
import type { HeapSummary, SummaryRow } from '../model/profile.ts';
import { csvLineParser, type CsvTable } from './csv-records.ts';
import { findColumns, headerSniff, readCount, readSeconds, TotalRow } from './csv-table.ts';
import type { FormatSpec, ParseContext } from './format.ts';

/** The fixed columns present since the first summary; `AllocBytes` came in 2022-10-13. */
const REQUIRED = {
  name: 'Function',
  time: 'Time(s)',
  timeRec: 'TimeRec(s)',
  calls: 'Calls',
  callers: 'Callers',
  topCaller: 'TopCaller',
  topCallerCount: 'TopCallerCount',
  allocs: 'Allocs',
};
const OPTIONAL = { allocBytes: 'AllocBytes' };
/** Every other header is a per-type allocation COUNT column (pitfall 4). */
const FIXED_NAMES: readonly string[] = [...Object.values(REQUIRED), ...Object.values(OPTIONAL)];

const TOTALS = 'TOTALS';
const UNUSED_CAPACITY = 'UNUSED CAPACITY';
const NOT_A_NUMBER = 'with a cell that is not a number';

/**
 * Reads the per-function heap summary. Columns are found by header name; `TOTALS` becomes
 * `totals` (never re-summed, pitfall 5), the 2022-10…2024-07 `"UNUSED CAPACITY"` row becomes
 * `unusedCapacity`, every other row (natives like `len` in pre-2023 files included) a function.
 *
 * @example
 *   Function,Time(s),TimeRec(s),Calls,Callers,TopCaller,TopCallerCount,Allocs,AllocBytes,dict,function
 *   "TOTALS",0.378,0.378,24,0,"",0,378,3024,244,2
 *   "module",0.070,0.378,4,1,"(root)",1,2,16,0,2
 */
class HeapSummaryTable implements CsvTable<HeapSummary> {
  private col = {} as Record<keyof typeof REQUIRED | keyof typeof OPTIONAL, number>;
  private typeColumns: number[] = [];
  private typeNames: string[] = [];
  private readonly totals = new TotalRow<SummaryRow>(TOTALS);
  private readonly functions: SummaryRow[] = [];
  private unusedCapacity: HeapSummary['unusedCapacity'] = null;

  constructor(private readonly ctx: ParseContext) {}

  header(cells: string[], lineNo: number): string | null {
    const found = findColumns('heap summary', cells, REQUIRED, OPTIONAL);
    if ('problem' in found) return found.problem;
    this.col = found.columns;
    cells.forEach((name, i) => {
      if (FIXED_NAMES.includes(name) || this.typeNames.includes(name)) return;
      this.typeNames.push(name);
      this.typeColumns.push(i);
    });
    if (this.col.allocBytes < 0) {
      this.ctx.diagnostics.note(
        lineNo,
        'no AllocBytes column (written before 2022-10-13): bytes per function are unknown',
      );
    }
    return null;
  }

  record(cells: string[]): string | null {
    const row = this.toRow(cells);
    if (row === null) return NOT_A_NUMBER;
    if (row.name === TOTALS) return this.totals.take(row);
    if (row.name === UNUSED_CAPACITY) this.unusedCapacity = { allocs: row.allocs, bytes: row.allocBytes };
    else this.functions.push(row);
    return null;
  }

  private toRow(cells: string[]): SummaryRow | null {
    const c = this.col;
    const numbers = {
      timeSeconds: readSeconds(cells[c.time]!),
      timeRecSeconds: readSeconds(cells[c.timeRec]!),
      calls: readCount(cells[c.calls]!),
      callers: readCount(cells[c.callers]!),
      topCallerCount: readCount(cells[c.topCallerCount]!),
      allocs: readCount(cells[c.allocs]!),
    };
    const allocBytes = c.allocBytes < 0 ? null : readCount(cells[c.allocBytes]!);
    const typeCounts = this.typeColumns.map((i) => readCount(cells[i]!));
    if ([...Object.values(numbers), ...typeCounts].some(Number.isNaN) || Number.isNaN(allocBytes)) return null;
    return { name: cells[c.name]!, topCaller: cells[c.topCaller]!, ...numbers, allocBytes, typeCounts };
  }

  finish(): HeapSummary {
    return {
      format: 'heap-summary',
      typeNames: this.typeNames,
      totals: this.totals.require(this.ctx),
      functions: this.functions,
      unusedCapacity: this.unusedCapacity,
    };
  }
}

/** Heap summary CSV (allocated or retained): sniffed by its fixed header start, read by HeapSummaryTable. */
export const heapSummaryFormat: FormatSpec<HeapSummary> = {
  name: 'heap-summary',
  endsEveryLine: true,
  // Allocated and retained look the same; only the file's origin tells them apart (pitfall 1).
  sniff: headerSniff('Function,Time(s),TimeRec(s),'),
  create: (ctx) => csvLineParser(ctx, new HeapSummaryTable(ctx)),
};
