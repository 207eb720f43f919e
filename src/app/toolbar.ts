// The controls above the flamegraph: tabs, metric, flame/icicle, type leaves, colour, search.
import { COLOR_MODES, TABS, type AppState, type ColorMode, type Store, type Tab } from './store.ts';
import { currentSet, METRIC_LABELS } from './view-model.ts';
import type { MetricName } from '../worker/protocol.ts';

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

/** Search typing is applied after this pause, so each keystroke does not re-search. */
const SEARCH_DEBOUNCE_MS = 120;

export function wireToolbar(store: Store): (state: AppState) => void {
  const metric = byId<HTMLSelectElement>('metric');
  const flameToggle = byId<HTMLInputElement>('flame-toggle');
  const types = byId<HTMLInputElement>('types-toggle');
  const color = byId<HTMLSelectElement>('color');
  const search = byId<HTMLInputElement>('search');
  const regex = byId<HTMLInputElement>('regex');
  const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role=tab][data-tab]')];

  for (const tab of tabs) tab.addEventListener('click', () => store.updateView({ tab: tab.dataset.tab as Tab }));
  metric.addEventListener('change', () => store.updateView({ metric: metric.value as MetricName, zoom: store.get().view.zoom }));
  flameToggle.addEventListener('change', () => store.updateView({ icicle: !flameToggle.checked }));
  types.addEventListener('change', () => store.updateView({ typeLeaves: types.checked }));
  color.addEventListener('change', () => {
    if ((COLOR_MODES as readonly string[]).includes(color.value)) store.updateView({ color: color.value as ColorMode });
  });
  let timer: ReturnType<typeof setTimeout> | null = null;
  search.addEventListener('input', () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => store.search(search.value), SEARCH_DEBOUNCE_MS);
  });
  regex.addEventListener('change', () => store.search(search.value, regex.checked));

  return (state) => {
    const v = state.view;
    for (const tab of tabs) tab.setAttribute('aria-selected', String(tab.dataset.tab === v.tab));
    const set = currentSet(state);
    const options = set?.metrics.map((m) => m.metric) ?? [];
    if (metric.dataset.options !== options.join()) {
      metric.replaceChildren(...options.map((m) => new Option(METRIC_LABELS[m], m)));
      metric.dataset.options = options.join();
    }
    metric.value = v.metric && options.includes(v.metric) ? v.metric : (options[0] ?? '');
    metric.disabled = options.length < 2;
    flameToggle.checked = !v.icicle;
    types.checked = v.typeLeaves;
    color.value = v.color;
    regex.checked = v.regex;
    if (document.activeElement !== search && search.value !== v.search) search.value = v.search;
  };
}

export { TABS };
