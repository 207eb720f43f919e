// Statement CSV — docs/formats.md §5 (and §2.5 for pre-2022-07 unquoted spans); upstream writer:
// starlark `eval/runtime/profile/stmt.rs` (StmtProfileData::write_to_string).
import type { Span, StatementProfile } from '../model/profile.ts';
import { StatementRowsBuilder } from '../model/statement-rows.ts';
import { csvLineParser, type CsvTable } from './csv-records.ts';
import { findColumns, headerSniff, readCount, readSeconds, TotalRow } from './csv-table.ts';
import type { FormatSpec, ParseContext } from './format.ts';
import { parseSpan } from './spans.ts';

const HEADER = 'File,Span,Duration(s),Count';
const COLUMNS = { file: 'File', span: 'Span', seconds: 'Duration(s)', count: 'Count' };
const NOT_A_NUMBER = 'with a duration or count that is not a number';
const NOT_A_SPAN = 'with a span that is not L:C, L:C-C2 or L1:C1-L2:C2';
/** Spans are kept in 32-bit columns (model/statement-rows.ts). */
const SPAN_LIMIT = 0xffff_ffff;
const SPAN_TOO_BIG = `with a line or column beyond ${SPAN_LIMIT.toLocaleString('en-US')}`;

/**
 * Reads per-statement wall time. The `"TOTAL",""` row gives the totals; every other row is a
 * statement, its span in one of three shapes (quoted since 2022-07, bare before). `Count` is
 * timing segments, not executions (pitfall 10). File names may hold `:` and `,` (quoted).
 *
 * @example
 *   File,Span,Duration(s),Count
 *   "TOTAL","",3.864,552
 *   "test.star","7:13-19",2.800,400
 *   "test.star","3:5-9:1",0.280,40
 */
class StatementTable implements CsvTable<StatementProfile> {
  private col = { file: 0, span: 1, seconds: 2, count: 3 };
  private readonly total = new TotalRow<{ seconds: number; count: number }>('TOTAL');
  private readonly rows = new StatementRowsBuilder();

  constructor(private readonly ctx: ParseContext) {}

  header(cells: string[]): string | null {
    const found = findColumns('statement', cells, COLUMNS);
    if ('problem' in found) return found.problem;
    this.col = found.columns;
    return null;
  }

  record(cells: string[]): string | null {
    const file = cells[this.col.file]!;
    const spanText = cells[this.col.span]!;
    const seconds = readSeconds(cells[this.col.seconds]!);
    const count = readCount(cells[this.col.count]!);
    if (Number.isNaN(seconds) || Number.isNaN(count)) return NOT_A_NUMBER;
    if (file === 'TOTAL' && spanText === '') return this.total.take({ seconds, count });
    const span = parseSpan(spanText);
    if (span === null) return NOT_A_SPAN;
    if (!fitsColumns(span)) return SPAN_TOO_BIG;
    this.rows.push(this.rows.fileId(file), span.line, span.column, span.endLine, span.endColumn, seconds, count);
    return null;
  }

  finish(): StatementProfile {
    const total = this.total.require(this.ctx);
    const rows = this.rows.finish();
    this.checkCounts(rows.count, total.count);
    return { format: 'statement', totalSeconds: total.seconds, totalCount: total.count, rows };
  }

  /**
   * Counts are exact integers and the profiler sums them into TOTAL (seconds are rounded to
   * `%.3f`, so they are not compared): rows that do not add up were lost (cut or edited).
   */
  private checkCounts(counts: Float64Array, totalCount: number): void {
    let sum = 0;
    for (const count of counts) sum += count;
    if (sum === totalCount) return;
    this.ctx.diagnostics.note(
      0,
      `the statements' counts add up to ${sum}, not the TOTAL row's ${totalCount}: rows are missing or were skipped, so the table is incomplete`,
    );
  }
}

function fitsColumns(span: Span): boolean {
  return span.endLine <= SPAN_LIMIT && span.column <= SPAN_LIMIT && span.endColumn <= SPAN_LIMIT;
}

/** Statement CSV: sniffed by its `File,Span,Duration(s),Count` header, read by StatementTable. */
export const statementFormat: FormatSpec<StatementProfile> = {
  name: 'statement',
  endsEveryLine: true,
  sniff: headerSniff(HEADER),
  create: (ctx) => csvLineParser(ctx, new StatementTable(ctx)),
};
