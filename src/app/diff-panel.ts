// The Compare tab: pick a base and a target among the loaded sets, see a differential
// flamegraph (colour by change, width by target or by the larger side) and the delta tables.
// Its state lives in the URL hash (app/diff-state.ts) like every other view.
import './diff-panel.css';
import { stackOf } from '../model/call-tree.ts';
import { formatValue } from '../model/units.ts';
import * as breadcrumbView from '../views/breadcrumb.ts';
import { changeColor, UNCHANGED_COLOR } from '../views/diff-colors.ts';
import { relativeChange, signedValue } from '../views/diff-details.ts';
import * as diffTablesView from '../views/diff-tables.ts';
import * as flameView from '../views/flamegraph.ts';
import { diffModel, pickSides, sidesOf, type DiffModel } from './diff-model.ts';
import { DEFAULT_DIFF, type DiffView } from './diff-state.ts';
import type { AppState, Store } from './store.ts';

interface Controls {
  base: HTMLSelectElement;
  target: HTMLSelectElement;
  swap: HTMLButtonElement;
  tree: HTMLSelectElement;
  width: HTMLSelectElement;
  scale: HTMLSelectElement;
}

function select(label: string, name: string, options: [string, string][]): { wrap: HTMLLabelElement; el: HTMLSelectElement } {
  const wrap = document.createElement('label');
  const el = document.createElement('select');
  el.name = name;
  el.append(...options.map(([value, text]) => new Option(text, value)));
  wrap.append(`${label} `, el);
  return { wrap, el };
}

/** The controls row; every change goes through the store (and so into the URL). */
function buildControls(host: HTMLElement, change: (c: Partial<DiffView>, state: AppState) => void, store: Store): Controls {
  const row = document.createElement('div');
  row.className = 'diff-controls toolbar';
  const base = select('Base', 'diff-base', []);
  const target = select('Target', 'diff-target', []);
  const swap = document.createElement('button');
  swap.type = 'button';
  swap.textContent = '⇄ Swap';
  const tree = select('Tree', 'diff-tree', [['heap', 'heap flame (bytes)'], ['time', 'time flame (ms)']]);
  const width = select('Width', 'diff-width', [['target', 'by target'], ['max', 'by the larger side']]);
  const scale = select('Colour', 'diff-scale', [['absolute', 'absolute change'], ['share', 'change of share of total']]);
  row.append(base.wrap, swap, target.wrap, tree.wrap, width.wrap, scale.wrap);
  host.appendChild(row);
  const state = () => store.get();
  const urlOf = (name: string) => sidesOf(state().sets).find((s) => s.name === name)?.url ?? null;
  base.el.addEventListener('change', () => change({ base: base.el.value, baseUrl: urlOf(base.el.value), zoom: [] }, state()));
  target.el.addEventListener('change', () => change({ target: target.el.value, targetUrl: urlOf(target.el.value), zoom: [] }, state()));
  swap.addEventListener('click', () => {
    const v = { ...DEFAULT_DIFF, ...state().view.diff };
    change({ base: target.el.value, target: base.el.value, baseUrl: v.targetUrl, targetUrl: v.baseUrl, zoom: [] }, state());
  });
  tree.el.addEventListener('change', () => change({ tree: tree.el.value === 'time' ? 'time' : 'heap', zoom: [] }, state()));
  width.el.addEventListener('change', () => change({ width: width.el.value === 'max' ? 'max' : 'target' }, state()));
  scale.el.addEventListener('change', () => change({ scale: scale.el.value === 'share' ? 'share' : 'absolute' }, state()));
  return { base: base.el, target: target.el, swap, tree: tree.el, width: width.el, scale: scale.el };
}

function syncOptions(el: HTMLSelectElement, names: string[], value: string | null): void {
  if (el.dataset.options !== names.join('\u0000')) {
    el.replaceChildren(...names.map((n) => new Option(n || '(loose files)', n)));
    el.dataset.options = names.join('\u0000');
  }
  el.value = value ?? '';
}

/** The legend: the diverging scale, then the outline marks of frames on one side only. */
function buildLegend(host: HTMLElement): HTMLElement {
  const legend = document.createElement('div');
  legend.className = 'diff-legend legend';
  const swatch = (color: string, text: string, cls = '') => {
    const item = document.createElement('span');
    const box = document.createElement('span');
    box.className = `swatch ${cls}`;
    box.style.background = color;
    item.append(box, text);
    return item;
  };
  legend.append(
    swatch(changeColor(-1), 'shrank most'), swatch(changeColor(-0.1), 'shrank'), swatch(UNCHANGED_COLOR, 'unchanged'),
    swatch(changeColor(0.1), 'grew'), swatch(changeColor(1), 'grew most'),
    swatch('#fff', 'new (solid outline)', 'new'), swatch('#fff', 'gone (dashed outline, width "by the larger side")', 'gone'),
  );
  host.appendChild(legend);
  return legend;
}

/** `base → target: total 6.33 MiB → 178 KiB (-6.16 MiB, -97.3%)`, plus what was compared. */
function summaryLines(model: DiffModel): string[] {
  const lines = [`${model.base.name || '(loose files)'} → ${model.target.name || '(loose files)'}`];
  const f = model.flame;
  if (f) {
    const base = f.diff.base.total[0]!;
    const target = f.diff.target.total[0]!;
    const pct = relativeChange(base, target);
    const exact = f.diff.unit === 'bytes' ? ` = ${(target - base).toLocaleString('en-US')} bytes` : '';
    lines.push(`${f.format === 'heap-flame' ? 'allocated bytes' : 'time'}: ${formatValue(base, f.diff.unit)} → ${formatValue(target, f.diff.unit)} (${signedValue(target - base, f.diff.unit)}${exact}${pct ? `, ${pct}` : ''})`);
    lines.push(`flamegraph of ${f.basePath} against ${f.targetPath}`);
  } else lines.push('no heap or time flame in both sets: tables only');
  return [...lines, ...model.comparison.notes];
}

/** Wires the tab; returns the render function main.ts calls on every state change. */
export function wireDiffPanel(store: Store, host: HTMLElement, loadUrl: (url: string) => void): (state: AppState) => void {
  const change = (c: Partial<DiffView>, state: AppState) => {
    const { base, target } = pickSides(state);
    const current = { ...DEFAULT_DIFF, base: base?.name ?? null, target: target?.name ?? null, baseUrl: base?.url ?? null, targetUrl: target?.url ?? null, ...state.view.diff };
    store.updateView({ diff: { ...current, ...c } });
  };
  const controls = buildControls(host, change, store);
  const summary = document.createElement('div');
  summary.className = 'summary diff-summary';
  host.appendChild(summary);
  const legend = buildLegend(host);
  const crumbs = document.createElement('nav');
  crumbs.className = 'breadcrumb';
  crumbs.setAttribute('aria-label', 'Compare zoom path');
  const flameHost = document.createElement('div');
  flameHost.className = 'flame diff-flame';
  const tablesHost = document.createElement('div');
  tablesHost.className = 'table-wrap';
  host.append(crumbs, flameHost, tablesHost);
  const requested = new Set<string>();
  let flame: flameView.FlamegraphView | null = null;
  let breadcrumb: ReturnType<typeof breadcrumbView.create> | null = null;
  let tables: ReturnType<typeof diffTablesView.create> | null = null;
  let tabled: DiffModel['comparison'] | null = null;

  const ensureLoaded = (state: AppState) => {
    for (const url of [state.view.diff?.baseUrl, state.view.diff?.targetUrl]) {
      if (!url || requested.has(url) || state.sets.some((s) => s.url === url)) continue;
      requested.add(url);
      loadUrl(url);
    }
  };

  const drawFlame = (state: AppState, model: DiffModel) => {
    const f = model.flame;
    flameHost.hidden = crumbs.hidden = legend.hidden = !f;
    if (!f) return;
    const tree = f.diff.base;
    const props: flameView.FlamegraphProps = {
      tree, weights: model.widths!, unit: f.diff.unit, allocs: null, functionRow: () => null,
      zoom: model.zoom, icicle: state.view.icicle, typeLeaves: state.view.typeLeaves, colorBy: 'type',
      matchedNames: null, focused: -1, selectedName: null, diff: model.frames,
      onZoom: (node) => change({ zoom: stackOf(tree, node) }, store.get()),
    };
    if (flame) flame.update(props);
    else flame = flameView.create(flameHost, props);
    const path = stackOf(tree, model.zoom);
    const crumbProps = { path, onZoom: (depth: number) => change({ zoom: path.slice(0, depth) }, store.get()) };
    if (breadcrumb) breadcrumb.update(crumbProps);
    else breadcrumb = breadcrumbView.create(crumbs, crumbProps);
  };

  return (state) => {
    host.hidden = state.view.tab !== 'diff';
    if (host.hidden) return;
    ensureLoaded(state);
    const model = diffModel(state);
    const names = sidesOf(state.sets).map((s) => s.name);
    const sides = pickSides(state);
    syncOptions(controls.base, names, sides.base?.name ?? null);
    syncOptions(controls.target, names, sides.target?.name ?? null);
    const view = { ...DEFAULT_DIFF, ...state.view.diff };
    controls.tree.value = view.tree;
    controls.width.value = view.width;
    controls.scale.value = view.scale;
    controls.tree.disabled = !(model?.comparison.heapFlame && model.comparison.timeFlame);
    if (!model) {
      summary.textContent = state.loading ? 'Loading…' : 'Load two profile sets (for example a case before and after its fix) to compare them.';
      flameHost.hidden = crumbs.hidden = tablesHost.hidden = legend.hidden = true;
      return;
    }
    summary.replaceChildren(...summaryLines(model).map((text) => Object.assign(document.createElement('div'), { textContent: text })));
    drawFlame(state, model);
    tablesHost.hidden = false;
    if (!tables) tables = diffTablesView.create(tablesHost, { comparison: model.comparison });
    else if (tabled !== model.comparison) tables.update({ comparison: model.comparison });
    tabled = model.comparison;
  };
}
