// The Export menu: the current flamegraph as SVG or PNG, the call tree as folded stacks or
// gzipped pprof, the current table as CSV, and the whole view as one self-contained HTML file. Everything is made
// in the page and handed to the browser as a Blob download: nothing leaves the machine.
import './export.css';
import type { TableSnapshot } from '../views/data-table.ts';
import { findingsSnapshot, hotLoopsSnapshot } from '../views/export-analysis.ts';
import type { TreeProfile } from '../formats/pprof-encode.ts';
import { toCsv } from '../views/export-csv.ts';
import { EXPORT_CELL_HEIGHT, exportFrames, type FlameExportInput } from '../views/export-flame.ts';
import { toFolded } from '../views/export-folded.ts';
import type { SnapshotData } from '../views/export-snapshot.ts';
import { functionTableSnapshot } from '../views/export-tables.ts';
import { stackOf } from '../model/call-tree.ts';
import { diffFlameState, diffSnapshotData, diffTables } from './export-diff.ts';
import { download, snapshotFile } from './export-file.ts';
import { summaryNotes, totalWords } from './flame-panel.ts';
import type { AppState, Store } from './store.ts';
import type { TablesPanel } from './tables-panel.ts';
import { shows, tabSpec } from './tabs.ts';
import { currentSet, flameModel, type FlameModel } from './view-model.ts';

export const EXPORTS = [
  ['svg', 'Flamegraph as SVG'],
  ['png', 'Flamegraph as PNG'],
  ['folded', 'Call tree as folded stacks'],
  ['pprof', 'Profile as gzipped pprof (go tool pprof)'],
  ['csv', 'Table as CSV'],
  ['html', 'Snapshot as one HTML file'],
] as const;
type ExportKind = (typeof EXPORTS)[number][0];

/** What the export reads from the page besides the store. */
export interface ExportElements {
  /** The flamegraph's box: the export is as wide as the chart. */
  flame: HTMLElement;
  tables: TablesPanel;
  /** The Compare tab: its delta tables are exported as drawn. */
  diff: HTMLElement;
}

interface ExportContext {
  flameWidth(): number;
  tables: TablesPanel;
  diff: HTMLElement;
}

/**
 * Chart width now, or the last one seen while another tab hides the chart. A ResizeObserver
 * remembers it after each layout, so no render has to read `clientWidth` (a forced layout in
 * the middle of a zoom: ~10 ms at the root of a 100 MB flame).
 */
function widthTracker(flame: HTMLElement): () => number {
  let last = 1200;
  const remember = (width: number) => {
    if (width > 0) last = Math.max(200, Math.floor(width));
  };
  new ResizeObserver((entries) => remember(entries[0]?.contentRect.width ?? 0)).observe(flame);
  return () => {
    remember(flame.clientWidth);
    return last;
  };
}

/** A file name part from untrusted text: letters, digits, `._-` only. */
export function fileStem(text: string): string {
  return (
    text
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+|-+$/g, '')
      .slice(0, 80) || 'profile'
  );
}

function exportInput(state: AppState, model: FlameModel, widthPx: number): FlameExportInput {
  const functions = new Map(model.functions.map((r) => [r.name, r]));
  return {
    tree: model.tree,
    weights: model.metric.total,
    unit: model.unit,
    allocs: model.allocs,
    functionRow: (name) => functions.get(name) ?? null,
    zoom: model.zoom,
    widthPx,
    icicle: state.view.icicle,
    typeLeaves: state.view.typeLeaves,
    colorBy: state.view.color,
    matchedNames: model.matchedNames,
  };
}

/**
 * Tables for the snapshot: the findings and hot loops first (the answer), then the current
 * tab's tables, else the top functions (at most 200 rows each).
 */
function snapshotTables(state: AppState, model: FlameModel, ctx: ExportContext): SnapshotData['tables'] {
  const current = ctx.tables.snapshots(state);
  const tables = current.length > 0 ? current : [functionTableSnapshot(model.functions, model.functionsUnit, 200)];
  const analysis = model.set.analysis;
  return [
    ...(analysis && analysis.findings.length > 0 ? [findingsSnapshot(analysis.findings)] : []),
    ...(analysis && analysis.attribution.loops.length > 0 ? [hotLoopsSnapshot(analysis.attribution.loops)] : []),
    ...tables.map((t) => ({ caption: t.caption, header: t.header, rows: t.text.slice(0, 200), numeric: t.numeric })),
  ];
}

function snapshotData(state: AppState, model: FlameModel, ctx: ExportContext): SnapshotData {
  const { frames, zoom, legend } = exportFrames(exportInput(state, model, ctx.flameWidth()));
  return {
    version: 1,
    title: `peakscope: ${model.set.label} — ${model.metric.label} (${model.unit}), ${totalWords(model)}`,
    summary: summaryNotes(model).join(' · '),
    path: ['all', ...stackOf(model.tree, model.zoom)],
    legend,
    width: ctx.flameWidth(),
    cellHeight: EXPORT_CELL_HEIGHT,
    icicle: state.view.icicle,
    frames,
    zoom,
    tables: snapshotTables(state, model, ctx),
  };
}

/** One table as CSV; several (callers and callees, Compare's deltas) get a Table column. */
function tablesToCsv(tables: readonly TableSnapshot[]): string {
  if (tables.length === 1) return toCsv(tables[0]!.header, tables[0]!.values);
  return toCsv(
    ['Table', ...tables[0]!.header],
    tables.flatMap((t) => t.values.map((r) => [t.caption, ...r])),
  );
}

/** The current tab's table(s): its own, or the top functions on the Top functions and Both tabs. */
function currentTables(state: AppState, model: FlameModel | null, ctx: ExportContext): TableSnapshot[] {
  const tables = ctx.tables.snapshots(state);
  const rows = model?.functions ?? currentSet(state)?.functions?.rows ?? null;
  if (tables.length === 0 && tabSpec(state.view.tab).table === 'functions' && rows) {
    return [functionTableSnapshot(rows, model?.functionsUnit ?? 'bytes')];
  }
  return tables;
}

const FILE_ENDS: Record<ExportKind, string> = {
  svg: 'svg',
  png: 'png',
  folded: 'folded.txt',
  pprof: 'pb.gz',
  csv: 'csv',
  html: 'html',
};

/** Why an export does not apply to what is shown (null when it does): said next to the item. */
function whyNot(kind: ExportKind, state: AppState, ctx: ExportContext): string | null {
  if (shows(state.view.tab, 'diff')) {
    const { model, why } = diffFlameState(state);
    if (kind === 'folded' || kind === 'pprof')
      return 'Compare shows two call trees: export each from its own flamegraph';
    if (kind === 'csv') return diffTables(ctx.diff).length > 0 ? null : (why ?? 'no table to compare yet');
    return kind === 'html' && model ? null : why;
  }
  if (kind === 'csv') return currentTables(state, flameModel(state), ctx).length > 0 ? null : 'this tab shows no table';
  if (flameModel(state)) return null;
  return currentSet(state) ? 'this set has no heap or time flame to draw' : 'load a profile first';
}

async function run(kind: ExportKind, store: Store, ctx: ExportContext): Promise<void> {
  const state = store.get();
  const why = whyNot(kind, state, ctx);
  if (why) throw new Error(why);
  const diff = shows(state.view.tab, 'diff') ? diffFlameState(state).model : null;
  const model = flameModel(state);
  const stem = diff
    ? `peakscope-compare-${fileStem(diff.base.name)}-vs-${fileStem(diff.target.name)}`
    : `peakscope-${fileStem(currentSet(state)?.label ?? '')}-${model?.metric.key ?? 'tables'}`;
  const name = `${stem}${kind === 'csv' && !diff ? `-${state.view.tab}` : ''}.${FILE_ENDS[kind]}`;
  if (kind === 'csv') {
    const csv = tablesToCsv(diff ? diffTables(ctx.diff) : currentTables(state, model, ctx));
    return download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), name);
  }
  if (diff)
    return download(
      await snapshotFile(kind as 'svg' | 'png' | 'html', diffSnapshotData(state, diff, ctx.flameWidth(), ctx.diff)),
      name,
    );
  if (!model) return;
  if (kind === 'folded') {
    const format = model.set.files[model.metric.fileIndex]?.profile?.format;
    const text = toFolded(model.tree, { rootFrame: format === 'time-flame' ? 'root' : null });
    return download(new Blob([text], { type: 'text/plain;charset=utf-8' }), name);
  }
  if (kind === 'pprof') return download(await pprofBlob(model), name);
  download(await snapshotFile(kind, snapshotData(state, model, ctx)), name);
}

/** The file behind the flamegraph as gzipped pprof, in its own unit and exact weights. */
async function pprofBlob(model: FlameModel): Promise<Blob> {
  // Loaded when first used: the encoder brings protobuf and gzip code the first paint never needs.
  const { profileAsPprof } = await import('../formats/pprof-encode.ts');
  const file = model.set.files[model.metric.fileIndex]!;
  const kind = model.metric.metric === 'retained' ? 'retained' : 'allocated';
  const bytes = profileAsPprof(file.profile as TreeProfile, kind, `peakscope export of ${file.path}`);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/gzip' });
}

/** Builds the menu in `host`; returns the render function that enables what applies. */
export function wireExport(store: Store, host: HTMLElement, els: ExportElements): (state: AppState) => void {
  const ctx: ExportContext = { flameWidth: widthTracker(els.flame), tables: els.tables, diff: els.diff };
  const menu = document.createElement('details');
  menu.className = 'export-menu';
  const summary = document.createElement('summary');
  summary.textContent = 'Export';
  const list = document.createElement('div');
  list.className = 'export-items';
  const buttons = EXPORTS.map(([kind, label]) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.export = kind;
    b.append(label);
    b.addEventListener('click', () => {
      menu.open = false;
      run(kind, store, ctx).catch((e: unknown) =>
        store.notify(`Export failed: ${e instanceof Error ? e.message : String(e)}`),
      );
    });
    return b;
  });
  list.append(...buttons);
  menu.append(summary, list);
  host.append(menu);
  const refresh = (state: AppState) => {
    for (const [i, [kind, label]] of EXPORTS.entries()) {
      const why = whyNot(kind, state, ctx);
      const b = buttons[i]!;
      b.disabled = why !== null;
      b.replaceChildren(
        label,
        ...(why ? [Object.assign(document.createElement('span'), { className: 'why', textContent: why })] : []),
      );
    }
  };
  // Opening the menu checks again what applies, so it never depends on the last page render.
  menu.addEventListener('toggle', () => {
    if (menu.open) refresh(store.get());
  });
  return refresh;
}
