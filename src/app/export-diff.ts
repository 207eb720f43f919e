// What the Export menu exports on the Compare tab: its differential flamegraph (colours, words
// and legend of the change) and its delta tables, as drawn. The tables are read back from the
// tab's own <table> elements, so the export says exactly what the screen says.
import { stackOf } from '../model/call-tree.ts';
import type { TableSnapshot } from '../views/data-table.ts';
import { EXPORT_CELL_HEIGHT, exportFrames } from '../views/export-flame.ts';
import type { SnapshotData } from '../views/export-snapshot.ts';
import { diffModel, type DiffModel } from './diff-model.ts';
import { summaryLines } from './diff-panel.ts';
import type { AppState } from './store.ts';

/** The Compare tab's delta tables as shown (caption, headers, cell text). */
export function diffTables(host: HTMLElement): TableSnapshot[] {
  return [...host.querySelectorAll<HTMLTableElement>('table.diff-table')].map((table) => {
    const header = [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
    const rows = [...table.tBodies].flatMap((body) => [...body.rows]);
    const text = rows.map((tr) => [...tr.cells].map((td) => td.textContent ?? ''));
    const numeric = header.map((_, i) => rows.length > 0 && rows[0]!.cells[i]?.classList.contains('num') === true);
    return { caption: table.caption?.textContent ?? '', header, values: text, text, numeric };
  });
}

/** Whether the Compare tab has a flamegraph to export, and why not when it has none. */
export function diffFlameState(state: AppState): { model: DiffModel | null; why: string | null } {
  const model = diffModel(state);
  if (!model) return { model, why: 'load two profile sets to compare' };
  return { model, why: model.flame ? null : 'these sets have no heap or time flame in common' };
}

/** The snapshot of the Compare tab: its flamegraph when it has one, and its tables. */
export function diffSnapshotData(state: AppState, model: DiffModel, width: number, host: HTMLElement): SnapshotData {
  const f = model.flame;
  const empty = { frames: { name: [], value: [], parent: [], color: [], detail: [] }, zoom: 0, legend: [] };
  const flame =
    f && model.widths && model.frames
      ? exportFrames({
          tree: f.diff.base,
          weights: model.widths,
          unit: f.diff.unit,
          allocs: null,
          functionRow: () => null,
          zoom: model.zoom,
          widthPx: width,
          icicle: state.view.icicle,
          typeLeaves: state.view.typeLeaves,
          colorBy: 'type',
          matchedNames: null,
          diff: model.frames,
        })
      : empty;
  const [sides, ...rest] = summaryLines(model);
  const how = `widths by ${model.view.width === 'target' ? 'the target' : 'the larger side'}, colours by ${model.view.scale === 'share' ? 'share of total' : 'absolute change'}`;
  return {
    version: 1,
    title: `peakscope: compare ${sides} — ${rest[0] ?? 'tables only'} (${how})`,
    summary: rest.slice(1).join(' · '),
    path: f ? ['all', ...stackOf(f.diff.base, model.zoom)] : ['all'],
    width,
    cellHeight: EXPORT_CELL_HEIGHT,
    icicle: state.view.icicle,
    ...flame,
    tables: diffTables(host).map((t) => ({ caption: t.caption, header: t.header, rows: t.text, numeric: t.numeric })),
  };
}
