// Top functions: a real <table>, sortable by clicking a header; a row click selects the
// function (the app then highlights and zooms to it in the flamegraph). Text via textContent.
import type { FunctionStats } from '../analysis/function-table.ts';
import { formatNumber, formatValue, type MetricUnit } from '../model/units.ts';

export interface FunctionTableProps {
  rows: readonly FunctionStats[];
  unit: MetricUnit;
  selected: string | null;
  onSelect(name: string): void;
}

interface Column {
  key: string;
  label: string;
  title: string;
  value(row: FunctionStats): number | string | null;
  format(value: number, unit: MetricUnit): string;
}

const count = (v: number) => formatNumber(v);
const COLUMNS: Column[] = [
  {
    key: 'name',
    label: 'Function',
    title: 'file.function as the profiler names it',
    value: (r) => r.name,
    format: String,
  },
  {
    key: 'self',
    label: 'Self',
    title: 'recorded while this function was on top of the stack',
    value: (r) => r.self,
    format: formatValue,
  },
  {
    key: 'total',
    label: 'Total',
    title: 'every stack through this function, counted once under recursion',
    value: (r) => r.total,
    format: formatValue,
  },
  {
    key: 'allocs',
    label: 'Allocations',
    title: 'values allocated directly (summary CSV Allocs)',
    value: (r) => r.summary?.allocs ?? null,
    format: count,
  },
  {
    key: 'calls',
    label: 'Calls it made',
    title: 'Starlark calls this function made to other functions (summary CSV Calls): not how often it was called',
    value: (r) => r.summary?.calls ?? null,
    format: count,
  },
  {
    key: 'perCall',
    label: 'Per call it made',
    title: 'total ÷ calls it made: the cost of one trip round its loop',
    value: (r) => (r.summary && r.summary.calls > 0 ? r.total / r.summary.calls : null),
    format: (v, u) => formatValue(Math.round(v), u),
  },
  {
    key: 'topCaller',
    label: 'Top caller',
    title: 'the calling frame that contributes the most',
    value: (r) => r.topCaller || '(top level)',
    format: String,
  },
];

/** Rows shown at most; the caption says how many there are. */
const ROW_LIMIT = 500;

export function create(
  el: HTMLElement,
  initial: FunctionTableProps,
): { update(p: FunctionTableProps): void; destroy(): void } {
  let props = initial;
  let sortKey = 'total';
  let descending = true;
  const table = document.createElement('table');
  table.className = 'function-table';
  const caption = table.createCaption();
  const head = table.createTHead().insertRow();
  const body = table.createTBody();
  el.appendChild(table);

  for (const col of COLUMNS) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.title = col.title;
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.key = col.key;
    button.textContent = col.label;
    button.addEventListener('click', () => {
      descending = sortKey === col.key ? !descending : col.key !== 'name' && col.key !== 'topCaller';
      sortKey = col.key;
      render();
    });
    th.appendChild(button);
    head.appendChild(th);
  }
  body.addEventListener('click', (event) => {
    const row = (event.target as Element).closest('tr');
    if (row?.dataset.name !== undefined) props.onSelect(row.dataset.name);
  });

  function sorted(): FunctionStats[] {
    const col = COLUMNS.find((c) => c.key === sortKey)!;
    const sign = descending ? -1 : 1;
    return [...props.rows].sort((a, b) => {
      const x = col.value(a);
      const y = col.value(b);
      if (x === y) return a.name < b.name ? -1 : 1;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * sign;
    });
  }

  function render(): void {
    const rows = sorted();
    caption.textContent =
      rows.length > ROW_LIMIT ? `Top ${ROW_LIMIT} of ${rows.length} functions` : `${rows.length} functions`;
    for (const th of head.cells) {
      const key = (th.firstChild as HTMLElement).dataset.key;
      th.setAttribute('aria-sort', key === sortKey ? (descending ? 'descending' : 'ascending') : 'none');
    }
    body.replaceChildren(
      ...rows.slice(0, ROW_LIMIT).map((r) => {
        const tr = document.createElement('tr');
        tr.dataset.name = r.name;
        tr.tabIndex = 0;
        if (r.name === props.selected) tr.className = 'selected';
        for (const col of COLUMNS) {
          const td = tr.insertCell();
          const v = col.value(r);
          td.textContent = v === null ? '—' : typeof v === 'number' ? col.format(v, props.unit) : v;
          // The exact figure behind a rounded one, as `peakscope report --json` gives it.
          if (typeof v === 'number') td.title = Number.isInteger(v) ? formatNumber(v) : v.toFixed(1);
          if (typeof v === 'number' || v === null) td.className = 'num';
        }
        return tr;
      }),
    );
  }

  table.addEventListener('keydown', (event) => {
    const row = (event.target as Element).closest('tr');
    if (event.key === 'Enter' && row?.dataset.name !== undefined) props.onSelect(row.dataset.name);
  });

  render();
  return {
    update(next) {
      const same = next.rows === props.rows && next.unit === props.unit;
      props = next;
      if (same) for (const tr of body.rows) tr.classList.toggle('selected', tr.dataset.name === next.selected);
      else render();
    },
    destroy() {
      table.remove();
    },
  };
}
