// Delta tables of a comparison: functions, types, heap summary rows, statements and per-file
// peaks, each a real <table> (the screen-reader path) with text set via textContent only.
import type { SetComparison } from '../analysis/diff-sets.ts';
import type { Delta } from '../analysis/diff.ts';
import type { PeakDelta, StatementDelta, SummaryDelta } from '../analysis/diff-profiles.ts';
import { formatValue, type MetricUnit } from '../model/units.ts';
import { relativeChange, signedValue } from './diff-details.ts';

/** Rows per table; the caption says when there are more. */
const ROW_LIMIT = 200;

interface Column<T> {
  label: string;
  title?: string;
  /** Text of the cell; numbers are right-aligned. */
  cell(row: T): string;
  numeric?: boolean;
}

export interface DiffTablesProps {
  comparison: SetComparison;
}

/** Renders every table the comparison has data for; `update` redraws them all. */
export function create(
  el: HTMLElement,
  initial: DiffTablesProps,
): { update(p: DiffTablesProps): void; destroy(): void } {
  const root = document.createElement('div');
  root.className = 'diff-tables';
  el.appendChild(root);
  const render = (props: DiffTablesProps) => root.replaceChildren(...tablesOf(props.comparison));
  render(initial);
  return { update: render, destroy: () => root.remove() };
}

function tablesOf(c: SetComparison): HTMLTableElement[] {
  const tables: HTMLTableElement[] = [];
  if (c.heapFlame) {
    const unit = c.heapFlame.diff.unit;
    tables.push(
      table('diff-functions', 'Functions by total bytes (heap flame)', functionColumns(unit), c.heapFlame.functions),
    );
    tables.push(table('diff-types', 'Value types, bytes (heap flame)', deltaColumns('Type', unit), c.heapFlame.types));
  }
  if (c.summary) {
    const unit: MetricUnit = c.summary.measures === 'bytes' ? 'bytes' : 'count';
    tables.push(
      table(
        'diff-summary',
        `Functions by self ${c.summary.measures} (heap summary CSV)`,
        [
          ...deltaColumns<SummaryDelta>('Function', unit),
          { label: 'Allocations Δ', cell: (r) => signedValue(r.allocs.delta, 'count'), numeric: true },
          {
            label: 'Calls it made Δ',
            title: 'Starlark calls the function made (not how often it was called)',
            cell: (r) => signedValue(r.calls.delta, 'count'),
            numeric: true,
          },
        ],
        [c.summary.totals, ...c.summary.functions],
      ),
    );
    tables.push(
      table(
        'diff-summary-types',
        'Value types, allocations (heap summary CSV)',
        deltaColumns('Type', 'count'),
        c.summary.types,
      ),
    );
  }
  if (c.timeFlame) {
    tables.push(
      table(
        'diff-time',
        'Functions by total time (time flame)',
        functionColumns(c.timeFlame.diff.unit),
        c.timeFlame.functions,
      ),
    );
  }
  if (c.statements) {
    tables.push(
      table(
        'diff-statements',
        'Statements, seconds (statement CSV)',
        [
          {
            label: 'Statement',
            cell: (r) => `${r.name}:${r.span.line}:${r.span.column}-${r.span.endLine}:${r.span.endColumn}`,
          },
          ...deltaColumns<StatementDelta>('', 'seconds').slice(1),
          { label: 'Count Δ', cell: (r) => signedValue(r.count.delta, 'count'), numeric: true },
        ],
        c.statements,
      ),
    );
  }
  if (c.peaks) tables.push(table('diff-peaks', 'Per-file peaks (event logs)', PEAK_COLUMNS, c.peaks));
  return tables;
}

function deltaColumns<T extends Delta>(label: string, unit: MetricUnit): Column<T>[] {
  return [
    { label, cell: (r) => r.name },
    { label: 'Base', cell: (r) => formatValue(r.base, unit), numeric: true },
    { label: 'Target', cell: (r) => formatValue(r.target, unit), numeric: true },
    { label: 'Change', cell: (r) => signedValue(r.delta, unit), numeric: true },
    {
      label: '%',
      cell: (r) => relativeChange(r.base, r.target) || (r.base === 0 && r.target > 0 ? 'new' : ''),
      numeric: true,
    },
  ];
}

function functionColumns(unit: MetricUnit): Column<Delta & { baseSelf: number; targetSelf: number }>[] {
  const [name, ...totals] = deltaColumns<Delta & { baseSelf: number; targetSelf: number }>('Function', unit);
  return [
    name!,
    ...totals.map((c) => ({ ...c, label: `Total ${c.label.toLowerCase()}` })),
    { label: 'Self base', cell: (r) => formatValue(r.baseSelf, unit), numeric: true },
    { label: 'Self target', cell: (r) => formatValue(r.targetSelf, unit), numeric: true },
    { label: 'Self change', cell: (r) => signedValue(r.targetSelf - r.baseSelf, unit), numeric: true },
  ];
}

const bytesOrDash = (v: number | null) => (v === null ? '—' : formatValue(v, 'bytes'));
const PEAK_COLUMNS: Column<PeakDelta>[] = [
  { label: 'File', cell: (r) => r.file },
  { label: 'Base peak', cell: (r) => bytesOrDash(r.basePeak), numeric: true },
  {
    label: 'Target peak',
    cell: (r) =>
      r.targetPeak === null && r.overLimit
        ? `failed: over limit${r.targetUsageFromError === null ? '' : ` at ${formatValue(r.targetUsageFromError, 'bytes')}`}`
        : bytesOrDash(r.targetPeak),
    numeric: true,
  },
  { label: 'Change', cell: (r) => (r.delta === null ? '' : signedValue(r.delta, 'bytes')), numeric: true },
  {
    label: 'Limit',
    title: 'Buck2 fails a BUCK file whose Starlark peak exceeds the limit (2 GiB by default)',
    cell: (r) => (r.nowOverLimit ? 'now over' : r.overLimit ? 'over' : r.onlyIn ? `only in ${r.onlyIn}` : ''),
  },
];

function table<T extends { delta: number | null; name?: string; file?: string }>(
  id: string,
  caption: string,
  columns: Column<T>[],
  rows: readonly T[],
): HTMLTableElement {
  const el = document.createElement('table');
  el.className = 'diff-table';
  el.dataset.table = id;
  el.createCaption().textContent = rows.length > ROW_LIMIT ? `${caption}: top ${ROW_LIMIT} of ${rows.length}` : caption;
  const head = el.createTHead().insertRow();
  for (const col of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = col.label;
    if (col.title) th.title = col.title;
    head.appendChild(th);
  }
  const body = el.createTBody();
  for (const row of rows.slice(0, ROW_LIMIT)) {
    const tr = body.insertRow();
    tr.dataset.name = row.name ?? row.file ?? '';
    if (row.delta) tr.className = row.delta > 0 ? 'grew' : 'shrank';
    for (const col of columns) {
      const td = tr.insertCell();
      td.textContent = col.cell(row);
      if (col.numeric) td.className = 'num';
    }
  }
  return el;
}
