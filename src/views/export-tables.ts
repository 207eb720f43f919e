// The top functions table (views/function-table.ts draws it) as an export snapshot with the
// same columns, so its CSV and the HTML snapshot say what the screen says.
import type { FunctionStats } from '../analysis/function-table.ts';
import { formatValue, type MetricUnit } from '../model/units.ts';
import { sortRows, tableSnapshot, type Column, type TableSnapshot } from './data-table.ts';

function functionColumns(unit: MetricUnit): Column<FunctionStats>[] {
  const fmt = (v: number) => formatValue(v, unit);
  return [
    { key: 'name', label: 'Function', title: '', value: (r) => r.name },
    { key: 'self', label: `Self (${unit})`, title: '', value: (r) => r.self, format: fmt },
    { key: 'total', label: `Total (${unit})`, title: '', value: (r) => r.total, format: fmt },
    { key: 'allocs', label: 'Allocations', title: '', value: (r) => r.summary?.allocs ?? null },
    { key: 'calls', label: 'Calls it made', title: '', value: (r) => r.summary?.calls ?? null },
    { key: 'topCaller', label: 'Top caller', title: '', value: (r) => r.topCaller || '(top level)' },
  ];
}

/** Every function, heaviest total first (the table's default order). */
export function functionTableSnapshot(
  rows: readonly FunctionStats[],
  unit: MetricUnit,
  limit = Infinity,
): TableSnapshot {
  const columns = functionColumns(unit);
  const ordered = sortRows(rows, columns, { key: 'total', descending: true }).slice(0, limit);
  const caption =
    ordered.length < rows.length ? `Top ${ordered.length} of ${rows.length} functions` : `${rows.length} functions`;
  return tableSnapshot(caption, ordered, columns);
}
