// The statement profile (docs/formats.md §5) as a sortable <table>: file, span, time, share of the
// TOTAL row's time, Count, the enclosing function and the bytes the stack-led attribution gives
// the statement and, for a loop, the bytes whose innermost loop it is. Count is 1 + the calls
// evaluated in the statement, per run — not runs — and the header says so. A row click selects
// its function in the flamegraph when it is known.
import type { StatementFigures } from '../analysis/attribution-figures.ts';
import type { Span, StatementProfile, StatementRows } from '../model/profile.ts';
import { NO_STATEMENT_ROWS, rowIndices, statementFile, statementSpan } from '../model/statement-rows.ts';
import { formatBytes, formatNumber, formatPercent, formatValue } from '../model/units.ts';
import * as dataTable from './data-table.ts';

export interface StatementsTableProps {
  profile: StatementProfile | null;
  /** The statement file's path (untrusted text), for the caption. */
  path: string | null;
  /** How a span is written (`7:13-19`); given by the app, which owns the format code. */
  spanText(span: Span): string;
  /**
   * The profiler frame of the function a statement is in (`defs.bzl.f`, `module`), when the
   * loop finder can place it (exactly with the .bzl/BUCK sources dropped, else top level only).
   * Rows are given by their index in the profile's rows.
   */
  functionOf(row: number): string | null;
  /** What the attribution gives the statement (null without a heap flame and sources). */
  figuresOf(row: number): StatementFigures | null;
  /** The selected row's key (`file:span`). */
  selected: string | null;
  onSelect(key: string): void;
}

/** Row `row`'s identity: `file:span` as the coverage format writes it. */
export function statementKey(rows: StatementRows, row: number, spanText: (span: Span) => string): string {
  return `${statementFile(rows, row)}:${spanText(statementSpan(rows, row))}`;
}

function columnsFor(props: StatementsTableProps): dataTable.Column<number>[] {
  const total = props.profile?.totalSeconds ?? 0;
  const rows = props.profile?.rows ?? NO_STATEMENT_ROWS;
  return [
    {
      key: 'file',
      label: 'File',
      title: 'code-map file name (Buck2: project-relative path)',
      value: (r) => statementFile(rows, r),
    },
    { key: 'line', label: 'Line', title: 'first line of the statement', value: (r) => rows.line[r]! },
    {
      key: 'span',
      label: 'Span',
      title: 'line:column-column or line:column-line:column, 1-based, end exclusive',
      value: (r) => props.spanText(statementSpan(rows, r)),
    },
    {
      key: 'seconds',
      label: 'Time',
      title: 'wall time attributed to the statement (Duration(s))',
      value: (r) => rows.seconds[r]!,
      format: (v) => formatValue(v, 'seconds'),
    },
    {
      key: 'share',
      label: 'Share',
      title: 'of the TOTAL row’s time',
      value: (r) => (total > 0 ? rows.seconds[r]! / total : 0),
      format: (v) => formatPercent(v, 1),
    },
    {
      key: 'function',
      label: 'Function',
      title:
        'the function the statement is in (from the dropped sources; without them only top-level statements are placed)',
      value: (r) => props.functionOf(r),
    },
    {
      key: 'count',
      label: 'Count',
      title:
        '1 + the calls evaluated inside the statement, per run: NOT how often it ran (a list of 230k elements built without calls counts 1); a never-taken `if …: <call>` ending a `for` body counts once per pass',
      value: (r) => rows.count[r]!,
    },
    {
      key: 'bytes',
      label: 'Bytes',
      title:
        'allocated by the statement itself and by the defs it calls (stack-led attribution of the heap flame, GC off)',
      value: (r) => props.figuresOf(r)?.bytes ?? null,
      format: bytesText,
    },
    {
      key: 'loopBytes',
      label: 'Loop bytes',
      title: 'for a loop: the bytes whose innermost loop on the way from the allocation up the stack is this one',
      value: (r) => props.figuresOf(r)?.loopBytes ?? null,
      format: bytesText,
    },
  ];
}

function bytesText(v: number): string {
  return formatBytes(v);
}

const NO_STATEMENTS =
  'No statement profile in this set. Run buck2 profile loading --mode statement -o DIR <targets> and drop DIR here.';

function captionOf(props: StatementsTableProps): string {
  const p = props.profile;
  if (!p) return '';
  return `${formatNumber(p.rows.length)} statements in ${props.path ?? 'the statement profile'}; TOTAL ${formatValue(p.totalSeconds, 'seconds')}, ${formatNumber(p.totalCount)} segments`;
}

export function create(
  host: HTMLElement,
  initial: StatementsTableProps,
): { update(p: StatementsTableProps): void; destroy(): void; table: dataTable.DataTable<number> } {
  let props = initial;
  let columns = columnsFor(props);
  let indices = props.profile ? rowIndices(props.profile.rows) : [];
  const tableProps = (): dataTable.DataTableProps<number> => ({
    rows: indices,
    columns,
    caption: captionOf(props),
    rowKey: (r) => statementKey(props.profile?.rows ?? NO_STATEMENT_ROWS, r, props.spanText),
    selected: props.selected,
    onSelect: (key) => props.onSelect(key),
    sort: { key: 'seconds', descending: true },
  });
  const section = dataTable.createSection(host, 'statements-panel', 'statements-table', tableProps());
  const render = () => section.show(tableProps(), props.profile ? null : NO_STATEMENTS);
  render();
  return {
    update(next) {
      if (next.profile !== props.profile || next.functionOf !== props.functionOf || next.figuresOf !== props.figuresOf)
        columns = columnsFor(next);
      if (next.profile !== props.profile) indices = next.profile ? rowIndices(next.profile.rows) : [];
      props = next;
      render();
    },
    destroy: section.destroy,
    table: section.table,
  };
}
