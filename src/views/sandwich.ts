// The sandwich: one function with its callers above and its callees below, each as a sortable
// <table> with shares of the function's total. A row re-centres the sandwich on that function;
// "Show in flamegraph" zooms the flamegraph to its heaviest stack. Text only.
import type { Sandwich, SandwichEntry } from '../analysis/callers-callees.ts';
import { formatNumber, formatPercent, formatValue, type MetricUnit } from '../model/units.ts';
import * as dataTable from './data-table.ts';
import { el, replaceChildrenWith } from './dom.ts';

export interface SandwichProps {
  /** The function's sandwich, or null when none is chosen or it is not in this tree. */
  sandwich: Sandwich | null;
  /** The name asked for (shown when it has no sandwich). */
  requested: string | null;
  /** Function names to pick from, heaviest first. */
  names: readonly string[];
  unit: MetricUnit;
  /** The whole tree's weight, for "% of all". */
  grandTotal: number;
  onPick(name: string): void;
  onShowInFlame(name: string): void;
}

/** A row: a caller/callee, the top level (`''`), or the function's own self weight. */
interface Row extends SandwichEntry {
  kind: 'frame' | 'top' | 'self';
}

export const TOP_LEVEL_LABEL = '(top level)';
export const SELF_LABEL = '(self: recorded in the function itself)';

function columns(props: SandwichProps): dataTable.Column<Row>[] {
  const fmt = (v: number) => formatValue(v, props.unit);
  return [
    {
      key: 'name',
      label: 'Function',
      title: 'file.function as the profiler names it',
      value: (r) => (r.kind === 'top' ? TOP_LEVEL_LABEL : r.kind === 'self' ? SELF_LABEL : r.name),
    },
    {
      key: 'weight',
      label: 'Weight',
      title: 'what flows through this caller or callee',
      value: (r) => r.weight,
      format: fmt,
    },
    {
      key: 'share',
      label: 'Share',
      title: "of the selected function's total",
      value: (r) => r.share,
      format: (v) => formatPercent(v, 1),
    },
    {
      key: 'all',
      label: '% of all',
      title: 'of the whole profile',
      value: (r) => (props.grandTotal > 0 ? r.weight / props.grandTotal : 0),
      format: (v) => formatPercent(v, 1),
    },
  ];
}

function callerRows(s: Sandwich): Row[] {
  return s.callers.map((e) => ({ ...e, kind: e.name === '' ? 'top' : 'frame' }));
}

function calleeRows(s: Sandwich): Row[] {
  const self: Row = { name: '', weight: s.self, share: s.total > 0 ? s.self / s.total : 0, kind: 'self' };
  return [...s.callees.map((e): Row => ({ ...e, kind: 'frame' })), ...(s.self > 0 ? [self] : [])];
}

function summaryText(props: SandwichProps): string {
  const s = props.sandwich;
  if (!s)
    return props.requested
      ? `“${props.requested}” is not a function of this call tree; pick one above.`
      : 'Pick a function above, or click a row of Top functions.';
  const total = `${formatValue(s.total, props.unit)} in all (${formatPercent(s.total, props.grandTotal)} of the profile)`;
  const times = s.occurrences === 1 ? 'on 1 stack' : `on ${formatNumber(s.occurrences)} stacks`;
  return `${s.name}: ${total}, ${formatValue(s.self, props.unit)} itself, ${times}. Recursion is counted once.`;
}

/** The picker row: a function name input with suggestions, and "Show in flamegraph". */
function buildHead(): {
  head: HTMLElement;
  input: HTMLInputElement;
  names: HTMLDataListElement;
  show: HTMLButtonElement;
} {
  const head = el('div', 'sandwich-head');
  const label = el('label', '', 'Function ');
  const input = el('input');
  input.type = 'search';
  input.name = 'sandwich-function';
  input.setAttribute('list', 'sandwich-names');
  input.autocomplete = 'off';
  input.spellcheck = false;
  const names = el('datalist');
  names.id = 'sandwich-names';
  label.append(input, names);
  const show = el('button', '', 'Show in flamegraph');
  show.type = 'button';
  head.append(label, show);
  return { head, input, names, show };
}

function tableProps(props: SandwichProps, rows: Row[], caption: string): dataTable.DataTableProps<Row> {
  return {
    rows,
    columns: columns(props),
    caption,
    selected: null,
    rowKey: (r) => (r.kind === 'frame' ? r.name : null),
    onSelect: (name) => props.onPick(name),
    sort: { key: 'weight', descending: true },
  };
}

export function create(
  host: HTMLElement,
  initial: SandwichProps,
): { update(p: SandwichProps): void; destroy(): void; tables(): dataTable.DataTable<Row>[] } {
  let props = initial;
  const { head, input, names, show } = buildHead();
  const summary = el('p', 'sandwich-summary');
  const callersHost = el('div', 'table-wrap');
  const calleesHost = el('div', 'table-wrap');
  const box = el('section', 'sandwich');
  box.append(
    head,
    summary,
    el('h3', '', 'Callers: who calls it'),
    callersHost,
    el('h3', '', 'Callees: what it calls'),
    calleesHost,
  );
  host.append(box);
  input.addEventListener('change', () => {
    if (props.names.includes(input.value)) props.onPick(input.value);
  });
  show.addEventListener('click', () => {
    if (props.sandwich) props.onShowInFlame(props.sandwich.name);
  });
  const callers = dataTable.create(callersHost, tableProps(props, [], ''), 'sandwich-callers');
  const callees = dataTable.create(calleesHost, tableProps(props, [], ''), 'sandwich-callees');
  let drawnNames: readonly string[] = [];

  function render(): void {
    const s = props.sandwich;
    if (drawnNames !== props.names) {
      replaceChildrenWith(
        names,
        props.names.map((n) => new Option(n)),
      );
      drawnNames = props.names;
    }
    if (document.activeElement !== input) input.value = s?.name ?? props.requested ?? '';
    show.disabled = !s;
    summary.textContent = summaryText(props);
    callers.update(tableProps(props, s ? callerRows(s) : [], s ? `Callers of ${s.name}` : 'Callers'));
    callees.update(tableProps(props, s ? calleeRows(s) : [], s ? `Callees of ${s.name}` : 'Callees'));
  }

  render();
  return {
    update(next) {
      const changed = next.sandwich !== props.sandwich || next.names !== props.names || next.unit !== props.unit;
      props = next;
      if (changed) render();
    },
    destroy: () => box.remove(),
    tables: () => [callers, callees],
  };
}
