// The Compare tab: pick a base and a target among the loaded sets, see a differential
// flamegraph (colour by change, width by target or by the larger side) and the delta tables.
// Its state lives in the URL hash (app/diff-state.ts) like every other view.
import './diff-panel.css';
import type { FlameComparison } from '../analysis/diff-sets.ts';
import { stackOf } from '../model/call-tree.ts';
import { formatNumber, formatValue } from '../model/units.ts';
import * as breadcrumbView from '../views/breadcrumb.ts';
import { DIFF_SCALE_LEGEND } from '../views/diff-colors.ts';
import { relativeChange, signedValue } from '../views/diff-details.ts';
import * as diffTablesView from '../views/diff-tables.ts';
import * as flameView from '../views/flamegraph.ts';
import { diffModel, pickSides, sidesOf, type DiffModel } from './diff-model.ts';
import { DEFAULT_DIFF, type DiffView } from './diff-state.ts';
import type { AppState, Store } from './store.ts';
import { shows } from './tabs.ts';

interface Controls {
  base: HTMLSelectElement;
  target: HTMLSelectElement;
  swap: HTMLButtonElement;
  tree: HTMLSelectElement;
  width: HTMLSelectElement;
  scale: HTMLSelectElement;
}

function select(
  label: string,
  name: string,
  options: [string, string][],
): { wrap: HTMLLabelElement; el: HTMLSelectElement } {
  const wrap = document.createElement('label');
  const el = document.createElement('select');
  el.name = name;
  el.append(...options.map(([value, text]) => new Option(text, value)));
  wrap.append(`${label} `, el);
  return { wrap, el };
}

/** The controls row; every change goes through the store (and so into the URL). */
function buildControls(
  host: HTMLElement,
  change: (c: Partial<DiffView>, state: AppState) => void,
  store: Store,
): Controls {
  const row = document.createElement('div');
  row.className = 'diff-controls toolbar';
  const base = select('Base', 'diff-base', []);
  const target = select('Target', 'diff-target', []);
  const swap = document.createElement('button');
  swap.type = 'button';
  swap.textContent = '⇄ Swap';
  const tree = select('Tree', 'diff-tree', [
    ['heap', 'heap flame (bytes)'],
    ['time', 'time flame (ms)'],
  ]);
  const width = select('Width', 'diff-width', [
    ['target', 'by target'],
    ['max', 'by the larger side'],
  ]);
  const scale = select('Colour', 'diff-scale', [
    ['absolute', 'absolute change'],
    ['share', 'change of share of total'],
  ]);
  row.append(base.wrap, swap, target.wrap, tree.wrap, width.wrap, scale.wrap);
  host.appendChild(row);
  const state = () => store.get();
  const urlOf = (name: string) => sidesOf(state().sets).find((s) => s.name === name)?.url ?? null;
  base.el.addEventListener('change', () =>
    change({ base: base.el.value, baseUrl: urlOf(base.el.value), zoom: [] }, state()),
  );
  target.el.addEventListener('change', () =>
    change({ target: target.el.value, targetUrl: urlOf(target.el.value), zoom: [] }, state()),
  );
  swap.addEventListener('click', () => {
    const v = { ...DEFAULT_DIFF, ...state().view.diff };
    change(
      { base: target.el.value, target: base.el.value, baseUrl: v.targetUrl, targetUrl: v.baseUrl, zoom: [] },
      state(),
    );
  });
  tree.el.addEventListener('change', () =>
    change({ tree: tree.el.value === 'time' ? 'time' : 'heap', zoom: [] }, state()),
  );
  width.el.addEventListener('change', () => change({ width: width.el.value === 'max' ? 'max' : 'target' }, state()));
  scale.el.addEventListener('change', () =>
    change({ scale: scale.el.value === 'share' ? 'share' : 'absolute' }, state()),
  );
  return { base: base.el, target: target.el, swap, tree: tree.el, width: width.el, scale: scale.el };
}

function syncOptions(el: HTMLSelectElement, names: string[], value: string | null): void {
  if (el.dataset.options !== names.join('\u0000')) {
    el.replaceChildren(...names.map((n) => new Option(n, n)));
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
    ...DIFF_SCALE_LEGEND.map((e) => swatch(e.color, e.key)),
    swatch('var(--bg)', 'new (solid outline)', 'new'),
    swatch('var(--bg)', 'gone (dashed outline, width "by the larger side")', 'gone'),
  );
  host.appendChild(legend);
  return legend;
}

/** What each compared pair of trees measures. */
const FLAME_WORDS: Record<FlameComparison['role'], string> = {
  'allocated-flame': 'allocated bytes',
  'retained-flame': 'retained bytes',
  'time-flame': 'time',
};

/** `base → target: total 6.33 MiB → 178 KiB (-6.16 MiB, -97.3%)`, plus what was compared. */
export function summaryLines(model: DiffModel): string[] {
  const lines = [`${model.base.name} → ${model.target.name}`];
  const f = model.flame;
  if (f) {
    const base = f.diff.base.total[0]!;
    const target = f.diff.target.total[0]!;
    const pct = relativeChange(base, target);
    const exact = f.diff.unit === 'bytes' ? ` = ${formatNumber(target - base)} bytes` : '';
    lines.push(
      `${FLAME_WORDS[f.role]}: ${formatValue(base, f.diff.unit)} → ${formatValue(target, f.diff.unit)} (${signedValue(target - base, f.diff.unit)}${exact}${pct ? `, ${pct}` : ''})`,
    );
    lines.push(`flamegraph of ${f.basePath} against ${f.targetPath}`);
  } else lines.push('no heap or time flame in both sets: tables only');
  return [...lines, ...model.comparison.notes];
}

/** The tab's parts; each redraws only what changed. */
class DiffPanel {
  private readonly controls: Controls;
  private readonly summary = Object.assign(document.createElement('div'), { className: 'summary diff-summary' });
  private readonly legend: HTMLElement;
  private readonly crumbs = Object.assign(document.createElement('nav'), { className: 'breadcrumb' });
  private readonly flameHost = Object.assign(document.createElement('div'), { className: 'flame diff-flame' });
  private readonly tablesHost = Object.assign(document.createElement('div'), { className: 'table-wrap' });
  private readonly requested = new Set<string>();
  private flame: flameView.FlamegraphView | null = null;
  private breadcrumb: ReturnType<typeof breadcrumbView.create> | null = null;
  private tables: ReturnType<typeof diffTablesView.create> | null = null;
  private tabled: DiffModel['comparison'] | null = null;

  constructor(
    private readonly store: Store,
    private readonly host: HTMLElement,
    private readonly loadUrl: (url: string) => void,
  ) {
    this.controls = buildControls(host, (c, state) => this.change(c, state), store);
    host.appendChild(this.summary);
    this.legend = buildLegend(host);
    this.crumbs.setAttribute('aria-label', 'Compare zoom path');
    host.append(this.crumbs, this.flameHost, this.tablesHost);
  }

  /** Applies a change on top of what is shown (defaults included), so the URL names it all. */
  private change(c: Partial<DiffView>, state: AppState): void {
    const { base, target } = pickSides(state);
    const shown = {
      ...DEFAULT_DIFF,
      base: base?.name ?? null,
      target: target?.name ?? null,
      baseUrl: base?.url ?? null,
      targetUrl: target?.url ?? null,
    };
    this.store.updateView({ diff: { ...shown, ...state.view.diff, ...c } });
  }

  /** A shared link names the URLs the sets came from: load those not loaded yet, once. */
  private ensureLoaded(state: AppState): void {
    for (const url of [state.view.diff?.baseUrl, state.view.diff?.targetUrl]) {
      if (!url || this.requested.has(url) || state.sets.some((s) => s.url === url)) continue;
      this.requested.add(url);
      this.loadUrl(url);
    }
  }

  private syncControls(state: AppState, model: DiffModel | null): void {
    const names = sidesOf(state.sets).map((s) => s.name);
    const sides = pickSides(state);
    syncOptions(this.controls.base, names, sides.base?.name ?? null);
    syncOptions(this.controls.target, names, sides.target?.name ?? null);
    const view = { ...DEFAULT_DIFF, ...state.view.diff };
    this.controls.tree.value = view.tree;
    this.controls.width.value = view.width;
    this.controls.scale.value = view.scale;
    this.controls.tree.disabled = !(model?.comparison.heapFlame && model.comparison.timeFlame);
  }

  private drawFlame(state: AppState, model: DiffModel): void {
    const f = model.flame;
    this.flameHost.hidden = this.crumbs.hidden = this.legend.hidden = !f;
    if (!f) return;
    const tree = f.diff.base;
    const props: flameView.FlamegraphProps = {
      tree,
      weights: model.widths!,
      unit: f.diff.unit,
      allocs: null,
      functionRow: () => null,
      zoom: model.zoom,
      icicle: state.view.icicle,
      typeLeaves: state.view.typeLeaves,
      colorBy: 'type',
      matchedNames: null,
      focused: -1,
      selectedName: null,
      diff: model.frames,
      onZoom: (node) => this.change({ zoom: stackOf(tree, node) }, this.store.get()),
    };
    if (this.flame) this.flame.update(props);
    else this.flame = flameView.create(this.flameHost, props);
    const path = stackOf(tree, model.zoom);
    const crumbProps = {
      path,
      onZoom: (depth: number) => this.change({ zoom: path.slice(0, depth) }, this.store.get()),
    };
    if (this.breadcrumb) this.breadcrumb.update(crumbProps);
    else this.breadcrumb = breadcrumbView.create(this.crumbs, crumbProps);
  }

  private drawTables(model: DiffModel): void {
    this.tablesHost.hidden = false;
    if (!this.tables) this.tables = diffTablesView.create(this.tablesHost, { comparison: model.comparison });
    else if (this.tabled !== model.comparison) this.tables.update({ comparison: model.comparison });
    this.tabled = model.comparison;
  }

  render(state: AppState): void {
    this.host.hidden = !shows(state.view.tab, 'diff');
    if (this.host.hidden) return;
    this.ensureLoaded(state);
    const model = diffModel(state);
    this.syncControls(state, model);
    if (!model) {
      this.summary.textContent = state.loading
        ? 'Loading…'
        : 'Load two profile sets (for example a case before and after its fix) to compare them.';
      this.flameHost.hidden = this.crumbs.hidden = this.tablesHost.hidden = this.legend.hidden = true;
      return;
    }
    this.summary.replaceChildren(
      ...summaryLines(model).map((text) => Object.assign(document.createElement('div'), { textContent: text })),
    );
    this.drawFlame(state, model);
    this.drawTables(model);
  }
}

/** Wires the tab; returns the render function main.ts calls on every state change. */
export function wireDiffPanel(
  store: Store,
  host: HTMLElement,
  loadUrl: (url: string) => void,
): (state: AppState) => void {
  const panel = new DiffPanel(store, host, loadUrl);
  return (state) => panel.render(state);
}
