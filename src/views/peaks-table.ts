// Per-file Starlark peaks from Buck2 event logs: a real <table> with a gauge against the limit
// (2 GiB by default, settable), failed over-limit loads flagged, a histogram of peaks, and for the
// chosen file the `buck2 profile loading` commands that profile it. Text only.
import { peakHistogram, profileCommands, type FilePeak } from '../analysis/peaks.ts';
import { formatBytes, parseSize, type Bytes } from '../model/units.ts';
import { type Panel, el, mountPanel } from './dom.ts';
import { maxOf } from '../model/arrays.ts';

export interface PeaksTableProps {
  rows: readonly FilePeak[];
  limit: Bytes;
  /** The module id whose commands are shown, or null. */
  selected: string | null;
  onSelect(moduleId: string): void;
  onLimit(limit: Bytes): void;
}

/** Against the file's own limit when its error states one (`row.limitBytes`). */
function gauge(row: FilePeak): HTMLElement {
  const size = row.peakBytes ?? row.reportedBytes;
  const limit = row.limitBytes;
  const bar = el('span', 'gauge');
  const fill = el('span', `gauge-fill${row.overLimit ? ' over' : ''}`);
  fill.style.width = `${Math.min(100, size === null ? 0 : (size / limit) * 100).toFixed(1)}%`;
  bar.append(fill);
  bar.title = size === null ? 'no size known' : `${((size / limit) * 100).toFixed(1)}% of ${formatBytes(limit)}`;
  return bar;
}

function peakRow(row: FilePeak, props: PeaksTableProps): HTMLTableRowElement {
  const tr = el(
    'tr',
    `${row.overLimit ? 'over-limit' : ''}${row.moduleId === props.selected ? ' selected' : ''}`.trim(),
  );
  tr.dataset.module = row.moduleId;
  const peak =
    row.peakBytes !== null
      ? formatBytes(row.peakBytes)
      : row.reportedBytes !== null
        ? `failed at ~${formatBytes(row.reportedBytes)}`
        : 'failed';
  const ownLimit = row.limitBytes === props.limit ? '' : ` of ${formatBytes(row.limitBytes)}`;
  const percent = row.percentOfLimit === null ? '' : `${row.percentOfLimit.toFixed(1)}%${ownLimit}`;
  const name = el('button', 'module', row.moduleId);
  name.type = 'button';
  // Listeners keep only what they use: one that closed over `props` kept every row alive (264k
  // rows, a third of the page's memory, for the 1 GB bench log) while the table was shown.
  const { onSelect } = props;
  name.addEventListener('click', () => onSelect(row.moduleId));
  const cells = [
    el('td'),
    el('td', 'num', peak),
    el('td', 'num', percent),
    el('td'),
    el('td', 'num', row.targetCount === null ? '' : String(row.targetCount)),
    el('td', 'num', row.durationMicros === null ? '' : `${(row.durationMicros / 1000).toFixed(0)} ms`),
    el(
      'td',
      'error',
      `${row.overLimit ? 'OVER LIMIT' : ''}${row.overLimit && row.error ? ': ' : ''}${row.error ?? ''}`,
    ),
  ];
  cells[0]!.append(name);
  cells[3]!.append(gauge(row));
  tr.append(...cells);
  return tr;
}

function histogram(props: PeaksTableProps): HTMLElement {
  const buckets = peakHistogram(props.rows, props.limit);
  const box = el('div', 'peak-histogram');
  box.setAttribute('aria-label', 'Histogram of peaks');
  const most = maxOf(
    buckets.map((b) => b.count),
    1,
  );
  for (const b of buckets) {
    const bar = el('div', `bucket${b.overLimit ? ' over' : ''}`);
    const fill = el('span', 'bar');
    fill.style.height = `${(b.count / most) * 60}px`;
    bar.append(
      el('span', 'count', String(b.count)),
      fill,
      el('span', 'label', b.overLimit ? `≥ ${formatBytes(b.from)}` : `${formatBytes(b.from)}–`),
    );
    bar.title = `${b.count} file(s) from ${formatBytes(b.from)}${b.to === Infinity ? ' up' : ` to ${formatBytes(b.to)}`}`;
    box.append(bar);
  }
  return box;
}

function commandsFor(moduleId: string): HTMLElement {
  const box = el('div', 'profile-commands');
  box.append(el('p', '', `To see where ${moduleId}'s memory goes, profile it (run from the repository root):`));
  for (const c of profileCommands(moduleId)) box.append(el('pre', '', c.command), el('p', 'why', c.why));
  box.append(
    el(
      'p',
      'why',
      "Then drop the output folders here together with the package's BUCK file and the .bzl files it loads.",
    ),
  );
  return box;
}

function limitInput(props: PeaksTableProps): HTMLElement {
  const label = el('label', 'limit', 'Limit ');
  const input = el('input');
  input.value = formatBytes(props.limit);
  input.size = 10;
  const { onLimit, limit } = props;
  input.addEventListener('change', () => {
    const bytes = parseSize(input.value);
    if (bytes !== null && bytes > 0) onLimit(bytes);
    else input.value = formatBytes(limit);
  });
  label.append(input);
  return label;
}

/** Rows drawn at most: a big build's log has hundreds of thousands of BUCK files. */
export const SHOWN_ROWS = 500;

/**
 * The heaviest SHOWN_ROWS files plus every failed load (rows come sorted by peak), so the DOM
 * stays small while no failure is hidden; the histogram still counts every file.
 */
export function rowsToShow(rows: readonly FilePeak[]): readonly FilePeak[] {
  return rows.length <= SHOWN_ROWS ? rows : rows.filter((r, i) => i < SHOWN_ROWS || r.error !== null);
}

export function create(root: HTMLElement, initial: PeaksTableProps): Panel<PeaksTableProps> {
  return mountPanel(root, 'peaks', 'peaks-panel', initial, (box, props) => {
    const table = el('table', 'peaks-table');
    const shown = rowsToShow(props.rows);
    const count =
      shown.length === props.rows.length
        ? `${props.rows.length} BUCK file(s)`
        : `${shown.length} of ${props.rows.length} BUCK files (the ${SHOWN_ROWS} highest peaks and every failed load; \`peakscope report\` lists all)`;
    table.createCaption().textContent = `${count}, highest peak first. Peaks are Buck2's starlark_peak_allocated_bytes: measured with GC on, Starlark arena bytes only.`;
    const head = table.createTHead().insertRow();
    for (const h of ['BUCK file', 'peak', '% of limit', 'gauge', 'targets', 'duration', 'error'])
      head.append(el('th', '', h));
    const body = table.createTBody();
    for (const row of shown) body.append(peakRow(row, props));
    const selected = props.rows.find((r) => r.moduleId === props.selected);
    box.replaceChildren(
      el('h2', '', 'Per-file peaks (event log)'),
      limitInput(props),
      histogram(props),
      table,
      ...(selected ? [commandsFor(selected.moduleId)] : []),
    );
  });
}
