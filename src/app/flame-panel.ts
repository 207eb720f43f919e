// Wires the flamegraph, its breadcrumb, legend, search status and totals line to the store.
import type { FunctionStats } from '../analysis/function-table.ts';
import { stackOf } from '../model/call-tree.ts';
import { formatNumber, formatPercent } from '../model/units.ts';
import * as breadcrumbView from '../views/breadcrumb.ts';
import { describeWeight, frameDetails, type FrameContext } from '../views/frame-details.ts';
import * as flameView from '../views/flamegraph.ts';
import { renderLegend } from '../views/legend.ts';
import type { AppState, Store } from './store.ts';
import { flameModel, type FlameModel } from './view-model.ts';
import { removeFirstPaint } from './first-paint.ts';

export interface FlamePanelElements {
  flame: HTMLElement;
  breadcrumb: HTMLElement;
  legend: HTMLElement;
  summary: HTMLElement;
  searchStatus: HTMLElement;
  focusLine: HTMLElement;
}

const COLOR_TITLES = { type: 'Value types', file: 'Files', package: 'Packages' } as const;

/** Table rows by name, built once per set rather than once per redraw. */
const functionsByName = memoByArray((rows: readonly FunctionStats[]) => new Map(rows.map((r) => [r.name, r])));

function memoByArray<A extends object, R>(fn: (a: A) => R): (a: A) => R {
  const cache = new WeakMap<A, R>();
  return (a) => {
    if (!cache.has(a)) cache.set(a, fn(a));
    return cache.get(a)!;
  };
}

export function wireFlamePanel(store: Store, els: FlamePanelElements): (state: AppState) => FlameModel | null {
  let flame: flameView.FlamegraphView | null = null;
  let breadcrumb: ReturnType<typeof breadcrumbView.create> | null = null;

  return (state) => {
    const model = flameModel(state);
    if (!model) {
      flame?.destroy();
      breadcrumb?.destroy();
      flame = breadcrumb = null;
      for (const el of [els.legend, els.summary, els.searchStatus, els.focusLine]) el.replaceChildren();
      return null;
    }
    const functions = functionsByName(model.functions);
    const props: flameView.FlamegraphProps = {
      tree: model.tree,
      weights: model.metric.total,
      unit: model.unit,
      allocs: model.allocs,
      functionRow: (name) => functions.get(name) ?? null,
      frameSource: frameSourceOf(model),
      zoom: model.zoom,
      icicle: state.view.icicle,
      typeLeaves: state.view.typeLeaves,
      colorBy: state.view.color,
      matchedNames: model.matchedNames,
      focused: state.focus,
      selectedName: state.view.selected,
      onZoom: (node) => store.zoomTo(stackOf(model.tree, node)),
      onLegend: (entries) => renderLegend(els.legend, COLOR_TITLES[state.view.color], entries, model.unit),
    };
    if (flame) flame.update(props);
    else {
      flame = flameView.create(els.flame, props);
      removeFirstPaint(els.flame);
    }
    const path = stackOf(model.tree, model.zoom);
    const bcProps = { path, onZoom: (depth: number) => store.zoomTo(path.slice(0, depth)) };
    if (breadcrumb) breadcrumb.update(bcProps);
    else breadcrumb = breadcrumbView.create(els.breadcrumb, bcProps);
    showSummary(els.summary, model);
    showSearch(els.searchStatus, model);
    els.focusLine.textContent =
      state.focus >= 0 && state.focus < model.tree.name.length ? frameDetails(props, state.focus).join(' · ') : '';
    return model;
  };
}

/** pprof frames' full paths and lines, by node. */
function frameSourceOf(model: FlameModel): FrameContext['frameSource'] {
  const profile = model.set.files[model.metric.fileIndex]?.profile;
  if (profile?.format !== 'pprof') return undefined;
  return (node) => profile.frames[model.tree.name[node]!] ?? null;
}

/**
 * `total allocated bytes: 31.7 MiB (33,206,672 bytes)`, marked partial when the file was cut
 * short (its last stacks are missing, so the total is a lower bound).
 */
export function totalWords(model: FlameModel): string {
  const words = `total ${model.metric.label}: ${describeWeight(model.metric.total[0]!, model.unit)}`;
  const cut = model.set.files[model.metric.fileIndex]?.truncated;
  return cut ? `${words} — partial: the file is cut short (${cut.message}), so the total is a lower bound` : words;
}

function showSummary(el: HTMLElement, model: FlameModel): void {
  el.textContent = [`${model.set.label} — ${totalWords(model)}`, ...summaryNotes(model)].join(' · ');
}

/** What the totals line says besides the total: how the figures were made, where the zoom stopped. */
export function summaryNotes(model: FlameModel): string[] {
  const parts: string[] = [];
  const profile = model.set.files[model.metric.fileIndex]?.profile;
  // pprof profiles carry their own meaning (Bazel's memory profile: retained at dump, sampled).
  if (profile?.format === 'pprof')
    parts.push(`${profile.sampleType.type}/${profile.sampleType.unit}: ${profile.semantics}`);
  if (model.metric.estimated)
    parts.push(
      'allocations per stack are estimated from the summary CSV (a function’s count is spread over its stacks by bytes)',
    );
  if (!model.zoomFound) parts.push('the linked zoom path is not in this profile; showing the nearest frame');
  return parts;
}

function showSearch(el: HTMLElement, model: FlameModel): void {
  el.classList.toggle('error', model.searchError !== null);
  if (model.searchError) el.textContent = model.searchError;
  else if (!model.search) el.textContent = '';
  else {
    const s = model.search;
    el.textContent =
      s.count === 0
        ? 'no matches'
        : `${formatNumber(s.count)} match${s.count === 1 ? '' : 'es'}: ${describeWeight(s.weight, model.unit)}, ${formatPercent(s.weight, model.metric.total[0]!)} of total`;
  }
}
