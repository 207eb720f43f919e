// The Export menu: the current flamegraph as SVG or PNG, the call tree as folded stacks, the
// current table as CSV, and the whole view as one self-contained HTML file. Everything is made
// in the page and handed to the browser as a Blob download: nothing leaves the machine.
import './export.css';
import type { TableSnapshot } from '../views/data-table.ts';
import { toCsv } from '../views/export-csv.ts';
import { EXPORT_CELL_HEIGHT, exportFrames, flameSvgText, type FlameExportInput } from '../views/export-flame.ts';
import { toFolded } from '../views/export-folded.ts';
import { snapshotHtml, snapshotScript, SNAPSHOT_CSS, type SnapshotSources } from '../views/export-html.ts';
import { snapshotProgram, type SnapshotData } from '../views/export-snapshot.ts';
import { functionTableSnapshot } from '../views/export-tables.ts';
import { stackOf } from '../model/call-tree.ts';
import type { AppState, Store } from './store.ts';
import type { TablesPanel } from './tables-panel.ts';
import { tabSpec } from './tabs.ts';
import { currentSet, flameModel, type FlameModel } from './view-model.ts';

export const EXPORTS = [
  ['svg', 'Flamegraph as SVG'],
  ['png', 'Flamegraph as PNG'],
  ['folded', 'Call tree as folded stacks'],
  ['csv', 'Table as CSV'],
  ['html', 'Snapshot as one HTML file'],
] as const;
type ExportKind = (typeof EXPORTS)[number][0];

/** What the export reads from the page besides the store. */
export interface ExportElements {
  /** The flamegraph's box: the export is as wide as the chart. */
  flame: HTMLElement;
  /** The summary line above the flamegraph, copied into the snapshot as shown. */
  summary: HTMLElement;
  tables: TablesPanel;
}

interface ExportContext {
  flameWidth(): number;
  summaryText(): string;
  tables: TablesPanel;
}

/** Chart width now, or the last one seen while another tab hides the chart. */
function widthTracker(flame: HTMLElement): () => number {
  let last = 1200;
  return () => {
    const now = Math.floor(flame.clientWidth);
    if (now > 0) last = Math.max(200, now);
    return last;
  };
}

/** A file name part from untrusted text: letters, digits, `._-` only. */
export function fileStem(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 80) || 'profile';
}

function download(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

function exportInput(state: AppState, model: FlameModel, widthPx: number): FlameExportInput {
  const functions = new Map(model.functions.map((r) => [r.name, r]));
  return {
    tree: model.tree, weights: model.metric.total, unit: model.unit, allocs: model.allocs,
    functionRow: (name) => functions.get(name) ?? null, zoom: model.zoom, widthPx,
    icicle: state.view.icicle, typeLeaves: state.view.typeLeaves, colorBy: state.view.color, matchedNames: model.matchedNames,
  };
}

/** Tables for the snapshot: the current tab's, else the top functions (at most 200 rows each). */
function snapshotTables(state: AppState, model: FlameModel, ctx: ExportContext): SnapshotData['tables'] {
  const current = ctx.tables.snapshots(state);
  const tables = current.length > 0 ? current : [functionTableSnapshot(model.functions, model.functionsUnit, 200)];
  return tables.map((t) => ({ caption: t.caption, header: t.header, rows: t.text.slice(0, 200), numeric: t.numeric }));
}

function snapshotData(state: AppState, model: FlameModel, ctx: ExportContext): SnapshotData {
  const { frames, zoom, legend } = exportFrames(exportInput(state, model, ctx.flameWidth()));
  return {
    version: 1,
    title: `peakscope: ${model.set.label}, ${model.metric.label}`,
    summary: ctx.summaryText(),
    path: ['all', ...stackOf(model.tree, model.zoom)],
    legend, width: ctx.flameWidth(), cellHeight: EXPORT_CELL_HEIGHT, icicle: state.view.icicle,
    frames, zoom, tables: snapshotTables(state, model, ctx),
  };
}

/** Draws an SVG text onto a canvas at `scale` and encodes it as PNG. */
async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('this browser cannot draw on a canvas');
  g.scale(scale, scale);
  g.drawImage(img, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** CSP sources by SHA-256 hash; a random nonce where hashing is unavailable (plain-http hosts). */
async function inlineSources(script: string, style: string): Promise<SnapshotSources> {
  if (crypto.subtle) {
    const hash = async (text: string) => `'sha256-${base64(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))))}'`;
    return { script: await hash(script), style: await hash(style) };
  }
  const nonce = base64(crypto.getRandomValues(new Uint8Array(18)));
  return { script: `'nonce-${nonce}'`, style: `'nonce-${nonce}'`, nonce };
}

/** The CSV of the current tab's table(s); several tables (callers, callees) get a Table column. */
function tablesCsv(state: AppState, model: FlameModel | null, ctx: ExportContext): string | null {
  let tables: TableSnapshot[] = ctx.tables.snapshots(state);
  const rows = model?.functions ?? currentSet(state)?.functions?.rows ?? null;
  if (tables.length === 0 && tabSpec(state.view.tab).table === 'functions' && rows) {
    tables = [functionTableSnapshot(rows, model?.functionsUnit ?? 'bytes')];
  }
  if (tables.length === 0) return null;
  if (tables.length === 1) return toCsv(tables[0]!.header, tables[0]!.values);
  return toCsv(['Table', ...tables[0]!.header], tables.flatMap((t) => t.values.map((r) => [t.caption, ...r])));
}

async function run(kind: ExportKind, store: Store, ctx: ExportContext): Promise<void> {
  const state = store.get();
  const model = flameModel(state);
  const stem = `peakscope-${fileStem(currentSet(state)?.label ?? '')}-${model?.metric.key ?? 'tables'}`;
  if (kind === 'csv') {
    const csv = tablesCsv(state, model, ctx);
    if (csv === null) throw new Error('this tab has no table to export');
    return download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${stem}-${state.view.tab}.csv`);
  }
  if (!model) throw new Error('this set has no call tree to export');
  if (kind === 'folded') {
    const text = toFolded(model.tree, { rootFrame: model.set.roles.roleOf[model.metric.fileIndex] === 'time-flame' ? 'root' : null });
    return download(new Blob([text], { type: 'text/plain;charset=utf-8' }), `${stem}.folded.txt`);
  }
  const data = snapshotData(state, model, ctx);
  if (kind === 'svg') return download(new Blob([flameSvgText(document, data)], { type: 'image/svg+xml' }), `${stem}.svg`);
  if (kind === 'png') {
    const svg = snapshotProgram().drawFlame(document, data, data.zoom);
    const png = await svgToPng(flameSvgText(document, data), Number(svg.getAttribute('width')), Number(svg.getAttribute('height')));
    return download(png, `${stem}.png`);
  }
  const script = snapshotScript();
  const html = snapshotHtml(document, data, script, await inlineSources(script, SNAPSHOT_CSS));
  download(new Blob([html], { type: 'text/html;charset=utf-8' }), `${stem}.html`);
}

/** Builds the menu in `host`; returns the render function that enables what applies. */
export function wireExport(store: Store, host: HTMLElement, els: ExportElements): (state: AppState) => void {
  const ctx: ExportContext = { flameWidth: widthTracker(els.flame), summaryText: () => els.summary.textContent ?? '', tables: els.tables };
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
    b.textContent = label;
    b.addEventListener('click', () => {
      menu.open = false;
      run(kind, store, ctx).catch((e: unknown) => store.notify(`Export failed: ${e instanceof Error ? e.message : String(e)}`));
    });
    return b;
  });
  list.append(...buttons);
  menu.append(summary, list);
  host.append(menu);
  const refresh = (state: AppState) => {
    ctx.flameWidth(); // remember the width while the chart is visible
    // The Compare tab draws its own (differential) flamegraph, which these exports do not cover.
    const spec = tabSpec(state.view.tab);
    const flame = flameModel(state) !== null && spec.flameExports;
    const functions = spec.table === 'functions' && Boolean(currentSet(state)?.functions);
    const table = functions || ctx.tables.snapshots(state).length > 0;
    for (const b of buttons) b.disabled = b.dataset.export === 'csv' ? !table : !flame;
  };
  // Opening the menu checks again what applies, so it never depends on the last page render.
  menu.addEventListener('toggle', () => {
    if (menu.open) refresh(store.get());
  });
  return refresh;
}
