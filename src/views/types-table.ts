// Bytes and counts per value type as a sortable <table>: bytes from the heap flame's type
// leaves, counts from the summary CSV of the same run. A row click highlights that type's
// leaves in the flamegraph (an exact-name search). Text only.
import type { TypeRow, TypeTable } from '../analysis/type-table.ts';
import { formatBytes, formatNumber, formatPercent } from '../model/units.ts';
import * as dataTable from './data-table.ts';

export interface TypesTableProps {
  table: TypeTable | null;
  /** Where the bytes and counts come from, for the caption (file paths; untrusted text). */
  flamePath: string | null;
  summaryPath: string | null;
  selected: string | null;
  onSelect(type: string): void;
}

export const TYPE_COLUMNS: readonly dataTable.Column<TypeRow>[] = [
  {
    key: 'type',
    label: 'Type',
    title: 'Starlark value type (the last frame of a heap flame line)',
    value: (r) => r.type,
  },
  {
    key: 'bytes',
    label: 'Bytes',
    title: 'sum of this type’s leaves in the heap flame',
    value: (r) => r.bytes,
    format: formatBytes,
  },
  {
    key: 'share',
    label: 'Share',
    title: 'of all bytes in the heap flame',
    value: (r) => r.share,
    format: (v) => formatPercent(v, 1),
  },
  {
    key: 'count',
    label: 'Values',
    title: 'values allocated: the summary CSV column of this type (TOTALS row)',
    value: (r) => r.count,
  },
  {
    key: 'perValue',
    label: 'Bytes per value',
    title: 'bytes ÷ values: the average size of one value',
    value: (r) => r.bytesPerValue,
    format: (v) => formatBytes(Math.round(v)),
  },
  { key: 'stacks', label: 'Stacks', title: 'distinct call stacks that allocated this type', value: (r) => r.stacks },
  {
    key: 'top',
    label: 'Top allocator',
    title: 'the function that allocated the most bytes of this type itself',
    value: (r) => r.topFunction || '(top level)',
  },
  {
    key: 'topBytes',
    label: 'Its bytes',
    title: 'bytes of this type the top allocator allocated itself',
    value: (r) => r.topFunctionBytes,
    format: formatBytes,
  },
];

const NO_FLAME =
  'Value types need a heap flame (heap-allocated, heap-flame-allocated or a retained mode); this set has none.';

function captionOf(props: TypesTableProps): string {
  const t = props.table;
  if (!t) return '';
  const parts = [
    `${t.rows.length} value types, ${formatBytes(t.totalBytes)} (${formatNumber(t.totalBytes)} bytes) in ${props.flamePath ?? 'the heap flame'}`,
  ];
  if (t.totalCount !== null)
    parts.push(
      `${formatNumber(t.totalCount)} values counted in ${props.summaryPath ?? 'the summary'} (it leaves out allocations made outside any function)`,
    );
  else parts.push('no heap summary of the same run is loaded, so there are no counts');
  return parts.join('; ');
}

export function create(
  host: HTMLElement,
  initial: TypesTableProps,
): { update(p: TypesTableProps): void; destroy(): void; table: dataTable.DataTable<TypeRow> } {
  let props = initial;
  const tableProps = (): dataTable.DataTableProps<TypeRow> => ({
    rows: props.table?.rows ?? [],
    columns: TYPE_COLUMNS,
    caption: captionOf(props),
    rowKey: (r) => r.type,
    selected: props.selected,
    onSelect: (type) => props.onSelect(type),
    sort: { key: 'bytes', descending: true },
  });
  const section = dataTable.createSection(host, 'types-panel', 'types-table', tableProps());
  const render = () => section.show(tableProps(), props.table ? null : NO_FLAME);
  render();
  return {
    update(next) {
      props = next;
      render();
    },
    destroy: section.destroy,
    table: section.table,
  };
}
