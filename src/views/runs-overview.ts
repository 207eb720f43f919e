// The overview of a load that holds several runs: one row per run, worst first (files over the
// peak-memory limit, then the highest peak, then the largest allocation), a click shows it.
import type { RunRank } from '../analysis/run-ranking.ts';
import { formatBytes } from '../model/units.ts';
import { el, mountPanel, type Panel } from './dom.ts';

export interface OverviewRow {
  id: number;
  label: string;
  rank: RunRank;
}

export interface RunsOverviewProps {
  /** Worst first. */
  rows: readonly OverviewRow[];
  currentId: number | null;
  onSelect(id: number): void;
}

const bytesOrDash = (b: number | null) => (b === null ? '—' : formatBytes(b));

function row(r: OverviewRow, props: RunsOverviewProps): HTMLTableRowElement {
  const tr = el('tr', r.id === props.currentId ? 'selected' : '');
  tr.dataset.setId = String(r.id);
  const name = el('button', 'run-name', r.label);
  name.type = 'button';
  name.addEventListener('click', () => props.onSelect(r.id));
  const first = el('td');
  first.append(name);
  tr.append(
    first,
    el('td', 'num', r.rank.overLimit > 0 ? String(r.rank.overLimit) : '—'),
    el('td', 'num', bytesOrDash(r.rank.peak)),
    el('td', 'num', bytesOrDash(r.rank.allocated)),
  );
  return tr;
}

function render(box: HTMLElement, props: RunsOverviewProps): void {
  box.hidden = props.rows.length < 2;
  if (box.hidden) return box.replaceChildren();
  const table = el('table', 'runs-table');
  table.append(el('caption', '', `${props.rows.length} runs in this load, worst first`));
  const head = table.createTHead().insertRow();
  for (const h of ['run', 'over limit', 'peak', 'allocated']) head.append(el('th', '', h));
  table.createTBody().append(...props.rows.map((r) => row(r, props)));
  box.replaceChildren(el('h2', '', 'Overview'), table);
}

export function create(host: HTMLElement, initial: RunsOverviewProps): Panel<RunsOverviewProps> {
  return mountPanel(host, 'runs-overview', 'runs-overview', initial, render);
}
