// The controls above the flamegraph: tabs, metric, flame/icicle, type leaves, colour, search.
import { COLOR_MODES, type AppState, type ColorMode, type Store } from './store.ts';
import { TAB_REGISTRY, TABS, type Tab } from './tabs.ts';
import { currentSet } from './view-model.ts';

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
  const tabs = tabBar(store, document.querySelector<HTMLElement>('nav.tabs')!);
  metric.addEventListener('change', () => store.updateView({ metric: metric.value, zoom: store.get().view.zoom }));
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
    for (const tab of tabs) {
      const selected = tab.dataset.tab === v.tab;
      tab.setAttribute('aria-selected', String(selected));
      // One Tab stop for the whole bar (WAI-ARIA tabs): the selected tab; arrows move between tabs.
      tab.tabIndex = selected ? 0 : -1;
    }
    const set = currentSet(state);
    const metrics = set?.metrics ?? [];
    const options = metrics.map((m) => m.key);
    if (metric.dataset.options !== options.join()) {
      metric.replaceChildren(...metrics.map((m) => new Option(m.label, m.key)));
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

/**
 * The tab bar, made from the registry: one button per tab (`role=tab`, its number key shown),
 * ← → Home End move between tabs and select them (automatic activation).
 */
function tabBar(store: Store, nav: HTMLElement): HTMLButtonElement[] {
  const list = document.createElement('div');
  list.className = 'tab-list';
  list.setAttribute('role', 'tablist');
  list.setAttribute('aria-label', 'Views');
  const buttons = TAB_REGISTRY.map((spec, i) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.setAttribute('role', 'tab');
    b.dataset.tab = spec.id;
    b.id = `tab-${spec.id}`;
    const key = document.createElement('kbd');
    key.textContent = String(i + 1);
    b.append(`${spec.label} `, key);
    b.addEventListener('click', () => store.updateView({ tab: spec.id }));
    return b;
  });
  list.addEventListener('keydown', (event) => {
    const at = TABS.indexOf(store.get().view.tab);
    const next = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    const tab: Tab = TABS[(next + TABS.length) % TABS.length]!;
    store.updateView({ tab });
    buttons[TABS.indexOf(tab)]!.focus();
  });
  list.append(...buttons);
  nav.prepend(list);
  return buttons;
}
