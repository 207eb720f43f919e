// A real <table> sortable by clicking a column header (aria-sort says how), rows selectable by
// click or Enter, long tables cut at a row limit the caption states. The sandwich, types and
// statements tables are all this view with their own columns. Cells get text only.
import { el, replaceChildrenWith } from './dom.ts';
import { formatNumber } from '../model/units.ts';

/** A column: how to read a row's raw value (also what CSV gets) and how to show it. */
export interface Column<R> {
  key: string;
  label: string;
  /** Header tooltip: what the number means. */
  title: string;
  value(row: R): number | string | null;
  /** Text for a number (defaults to en-US grouping). */
  format?(value: number, row: R): string;
}

export interface DataTableProps<R> {
  rows: readonly R[];
  columns: readonly Column<R>[];
  caption: string;
  /** Identity of a row for selection; null = the row cannot be selected. */
  rowKey(row: R): string | null;
  selected: string | null;
  onSelect?(key: string): void;
  /** Initial sort; the user's later choice is kept across updates. */
  sort: { key: string; descending: boolean };
  /** Rows drawn at most (all rows are still sorted and exported). */
  limit?: number;
}

/** A table's content for export: raw values (CSV) and the text shown (HTML snapshot). */
export interface TableSnapshot {
  caption: string;
  header: string[];
  values: (number | string | null)[][];
  text: string[][];
  numeric: boolean[];
}

export interface DataTable<R> {
  update(props: DataTableProps<R>): void;
  /** Every row in the current order (not cut at the limit). */
  snapshot(): TableSnapshot;
  destroy(): void;
}

const DEFAULT_LIMIT = 1000;

/** Compares raw cell values: nulls last, numbers by value, text by code point. */
export function compareCells(x: number | string | null, y: number | string | null, descending: boolean): number {
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return (x < y ? -1 : 1) * (descending ? -1 : 1);
}

/** Rows in the order of `sort`, stable (equal cells keep the given order). */
export function sortRows<R>(
  rows: readonly R[],
  columns: readonly Column<R>[],
  sort: { key: string; descending: boolean },
): R[] {
  const col = columns.find((c) => c.key === sort.key) ?? columns[0]!;
  return rows
    .map((row, i) => ({ row, i, v: col.value(row) }))
    .sort((a, b) => compareCells(a.v, b.v, sort.descending) || a.i - b.i)
    .map((x) => x.row);
}

/** A cell as shown: '—' for no value, numbers through the column's format. */
export function cellText<R>(col: Column<R>, row: R): string {
  const v = col.value(row);
  return v === null ? '—' : typeof v === 'number' ? (col.format?.(v, row) ?? formatNumber(v)) : v;
}

/** Rows (already in order) as an export snapshot. */
export function tableSnapshot<R>(caption: string, rows: readonly R[], columns: readonly Column<R>[]): TableSnapshot {
  return {
    caption,
    header: columns.map((c) => c.label),
    values: rows.map((r) => columns.map((c) => c.value(r))),
    text: rows.map((r) => columns.map((c) => cellText(c, r))),
    numeric: columns.map((c) => rows.length > 0 && typeof c.value(rows[0]!) !== 'string'),
  };
}

type Sort = { key: string; descending: boolean };

/** Header cells whose buttons sort; a new column starts descending for numbers, ascending for text. */
function headerCells<R>(props: DataTableProps<R>, sort: Sort, onSort: (next: Sort) => void): HTMLTableCellElement[] {
  return props.columns.map((col) => {
    const th = el('th');
    th.scope = 'col';
    th.title = col.title;
    th.setAttribute('aria-sort', col.key === sort.key ? (sort.descending ? 'descending' : 'ascending') : 'none');
    const button = el('button', '', col.label);
    button.type = 'button';
    button.dataset.key = col.key;
    button.addEventListener('click', () => {
      const numeric = props.rows.length > 0 && typeof col.value(props.rows[0]!) === 'number';
      onSort({ key: col.key, descending: sort.key === col.key ? !sort.descending : numeric });
    });
    th.append(button);
    return th;
  });
}

/** A row with text cells; numbers carry their exact figure as a title (as `peakscope report --json` gives it). */
function rowElement<R>(props: DataTableProps<R>, row: R): HTMLTableRowElement {
  const key = props.rowKey(row);
  const tr = el('tr', key !== null && key === props.selected ? 'selected' : '');
  if (key !== null && props.onSelect) {
    tr.dataset.key = key;
    tr.tabIndex = 0;
  }
  for (const col of props.columns) {
    const v = col.value(row);
    const td = el('td', typeof v === 'string' ? '' : 'num', cellText(col, row));
    if (typeof v === 'number') td.title = Number.isInteger(v) ? formatNumber(v) : String(v);
    tr.append(td);
  }
  return tr;
}

export function create<R>(host: HTMLElement, initial: DataTableProps<R>, className = ''): DataTable<R> {
  let props = initial;
  let sort: Sort = { ...initial.sort };
  let ordered: R[] = [];
  // Shares the top functions table's look (style.css `.function-table`).
  const table = el('table', `data-table function-table ${className}`.trim());
  const caption = table.createCaption();
  const head = table.createTHead().insertRow();
  const body = table.createTBody();
  host.append(table);

  function render(): void {
    ordered = sortRows(props.rows, props.columns, sort);
    const limit = props.limit ?? DEFAULT_LIMIT;
    const count = (n: number) => formatNumber(n);
    caption.textContent =
      ordered.length > limit
        ? `${props.caption} (first ${count(limit)} of ${count(ordered.length)} rows shown; CSV has all)`
        : props.caption;
    head.replaceChildren(
      ...headerCells(props, sort, (next) => {
        sort = next;
        render();
      }),
    );
    replaceChildrenWith(
      body,
      ordered.slice(0, limit).map((row) => rowElement(props, row)),
    );
  }

  const pick = (event: Event) => {
    const key = (event.target as Element).closest('tr')?.dataset.key;
    if (key !== undefined) props.onSelect?.(key);
  };
  body.addEventListener('click', pick);
  body.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') pick(event);
  });

  render();
  return {
    update(next) {
      const same = next.rows === props.rows && next.columns === props.columns && next.caption === props.caption;
      props = next;
      if (!same) return render();
      for (const tr of body.rows)
        tr.classList.toggle('selected', tr.dataset.key !== undefined && tr.dataset.key === next.selected);
    },
    snapshot: () => tableSnapshot(props.caption, ordered, props.columns),
    destroy: () => table.remove(),
  };
}

/** A table in its own section, or a note in its place when there is nothing to tabulate. */
export interface TableSection<R> {
  /** Shows the table with `props`, or `note` instead when it is not null. */
  show(props: DataTableProps<R>, note: string | null): void;
  table: DataTable<R>;
  destroy(): void;
}

export function createSection<R>(
  host: HTMLElement,
  sectionClass: string,
  tableClass: string,
  initial: DataTableProps<R>,
): TableSection<R> {
  const box = el('section', sectionClass);
  const note = el('p', 'empty');
  const wrap = el('div', 'table-wrap');
  box.append(note, wrap);
  host.append(box);
  const table = create(wrap, initial, tableClass);
  return {
    show(props, text) {
      note.textContent = text ?? '';
      note.hidden = text === null;
      wrap.hidden = text !== null;
      table.update(props);
    },
    table,
    destroy: () => box.remove(),
  };
}
