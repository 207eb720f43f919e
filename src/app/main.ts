// The single page: wires inputs, the worker, the store, the URL hash and the views.
import './style.css';
import * as functionTableView from '../views/function-table.ts';
import * as progressView from '../views/progress.ts';
import * as runsOverviewView from '../views/runs-overview.ts';
import * as sideListView from '../views/side-list.ts';
import { heaviestNodeOf } from '../views/tree-search.ts';
import { stackOf } from '../model/call-tree.ts';
import type { SelectFunction } from './analysis-panels.ts';
import { DeferredPanel, prefetchPanels, type Deferred } from './deferred-panel.ts';
import { wireFlamePanel } from './flame-panel.ts';
import { initialView, syncHash } from './hash-sync.ts';
import { takeEarlyInput } from './early-input.ts';
import { receiveEarlyInput, wireInputs, type InputHandlers } from './input.ts';
import { wireKeyboard } from './keyboard.ts';
import { Loader } from './loader.ts';
import { Loading } from './loading.ts';
import { renderNotices } from './notices.ts';
import { loadDefaultSample, wireGallery } from './samples.ts';
import { Store, type AppState } from './store.ts';
import { shows, TABS } from './tabs.ts';
import { wireSetsDrawer } from './sets-drawer.ts';
import { wireTheme } from './theme.ts';
import { wireToolbar } from './toolbar.ts';
import { currentSet, flameModel, overviewRows } from './view-model.ts';
import { loadRegexEngine, regexEngineReady } from '../views/tree-search.ts';

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

const store = new Store();
const loading = new Loading(store, new Loader(store));

const inputHandlers: InputHandlers = {
  onFiles: (files, origin) => loading.files(files, origin),
  onError: (message) => store.notify(message),
};
wireInputs(byId('drop'), byId<HTMLInputElement>('files'), byId<HTMLInputElement>('folder'), inputHandlers);
// The preboot script stops keeping input as the app's handlers go up; what it kept is loaded last.
const earlyInput = takeEarlyInput();

const progress = progressView.create(byId('progress'), { loading: null, onCancel: () => loading.cancel() });
const sideListProps = {
  onSelect: (id: number) => store.selectSet(id),
  onRemove: (id: number) => store.removeSet(id),
};
const overview = runsOverviewView.create(byId('sets'), {
  rows: [],
  currentId: null,
  onSelect: (id) => store.selectSet(id),
});
const sideList = sideListView.create(byId('sets'), { sets: [], currentId: null, ...sideListProps });
const renderDrawer = wireSetsDrawer(
  byId<HTMLButtonElement>('sets-toggle'),
  document.querySelector<HTMLElement>('.layout')!,
);
const renderToolbar = wireToolbar(store);
const renderFlame = wireFlamePanel(store, {
  flame: byId('flame'),
  breadcrumb: byId('breadcrumb'),
  legend: byId('legend'),
  summary: byId('summary'),
  searchStatus: byId('search-status'),
  focusLine: byId('focus-line'),
});
// Compare, the tables, the advisor and Export are separate chunks (app/deferred-panel.ts).
const diffPanel = new DeferredPanel(store, {
  load: () => import('./diff-panel.ts').then((m) => m.wireDiffPanel(store, byId('diff'), (url) => loadUrl(url, true))),
  draw: (render, state) => render(state),
  needed: (state) => shows(state.view.tab, 'diff'),
});
const renderGallery = wireGallery(byId('gallery'), (url) =>
  store.updateView({ url, tab: 'flame', set: null, zoom: [], selected: null, search: '' }),
);
wireTheme(byId<HTMLSelectElement>('theme'));
const tablesPanel = new DeferredPanel(store, {
  load: () => import('./tables-panel.ts').then((m) => m.wireTablesPanel(store, byId('tables'))),
  draw: (panel, state) => panel.render(state),
  needed: (state) => shows(state.view.tab, 'tables'),
});
const exportMenu = new DeferredPanel(store, {
  load: async () => {
    const [{ wireExport }, tables] = await Promise.all([import('./export.ts'), tablesPanel.request()]);
    return wireExport(store, byId('export'), { flame: byId('flame'), tables, diff: byId('diff') });
  },
  draw: (render, state) => render(state),
  // The menu is never what a tab shows: it comes with the idle prefetch after the first set is drawn.
  needed: () => false,
});

/** Table row, finding or source line → select the function and zoom the flamegraph to its heaviest stack. */
const selectFunction: SelectFunction = (name, source = null, finding = -1) => {
  const model = flameModel(store.get());
  const view = store.get().view;
  const tab = view.tab === 'table' ? 'flame' : view.tab;
  const node = model ? heaviestNodeOf(model.tree, model.metric.total, name) : -1;
  store.chooseFrame(
    { selected: name, tab, ...(model && node > 0 ? { zoom: stackOf(model.tree, node) } : {}) },
    name,
    source,
    finding,
  );
};

let table: ReturnType<typeof functionTableView.create> | null = null;
const analysisPanels = new DeferredPanel(store, {
  load: () =>
    import('./analysis-panels.ts').then((m) =>
      m.wireAnalysisPanels(store, document.querySelector<HTMLElement>('.content')!, selectFunction),
    ),
  draw: (render, state) => render(state),
  needed: (state) => shows(state.view.tab, 'analysis') && !!currentSet(state)?.analysis,
});
const deferredPanels: Deferred[] = [analysisPanels, tablesPanel, diffPanel, exportMenu];
let prefetched = false;

function render(state: AppState): void {
  const tab = state.view.tab;
  if (state.view.regex && state.view.search && !regexEngineReady())
    void loadRegexEngine().then(() => render(store.get()));
  renderToolbar(state);
  // Which regions a tab shows comes from the tab registry; panels hide their own hosts the same way.
  for (const region of [
    'toolbar',
    'summary',
    'breadcrumb',
    'legend',
    'focus-line',
    'flame',
    'table',
    'gallery',
  ] as const)
    byId(region).hidden = !shows(tab, region);
  const model = byId('flame').hidden ? flameModel(state) : renderFlame(state);
  // Without a call tree there is nothing for the flamegraph controls to act on.
  if (!model) byId('toolbar').hidden = true;
  const rows = model?.functions ?? currentSet(state)?.functions?.rows ?? null;
  if (rows && !byId('table').hidden) {
    const props = {
      rows,
      unit: model?.functionsUnit ?? 'bytes',
      selected: state.view.selected,
      onSelect: (name: string) => selectFunction(name),
    } as const;
    if (table) table.update(props);
    else table = functionTableView.create(byId('table'), props);
  } else if (!rows && table) {
    // The set that filled it is gone (removed, or one without a call tree is shown): nothing of it stays.
    table.destroy();
    table = null;
  }
  const set = currentSet(state);
  overview.update({
    rows: overviewRows(state.sets, set),
    currentId: set?.id ?? null,
    onSelect: (id) => store.selectSet(id),
  });
  sideList.update({ sets: state.sets, currentId: set?.id ?? null, ...sideListProps });
  renderDrawer(set?.label ?? null, state.sets.length);
  progress.update({ loading: state.loading, onCancel: () => loading.cancel() });
  renderNotices(byId('notices'), state.notices, (id) => store.dismiss(id));
  renderGallery(state);
  for (const panel of deferredPanels) panel.draw(state);
  if (!prefetched && state.sets.length > 0) {
    prefetched = true;
    // The regex engine too: the first regex search waited ~100 ms for it (the bench's search p95).
    prefetchPanels([...deferredPanels, { request: loadRegexEngine }]);
  }
  byId('empty').textContent =
    state.sets.length === 0 && !state.loading
      ? `Drop a profile to begin, or pick one of the samples (${TABS.indexOf('samples') + 1}).`
      : set && !model && tab !== 'samples' && tab !== 'diff'
        ? 'This set has no call tree to draw (no heap or time flame); its files are listed on the left.'
        : '';
}

/** URLs loaded in this page: going back to one selects its sets instead of loading it again. */
const loadedUrls = new Set<string>();
function loadUrl(url: string, keepView: boolean): void {
  if (loadedUrls.has(url)) return;
  loadedUrls.add(url);
  void loading.url(url, keepView).then((ok) => {
    if (!ok) loadedUrls.delete(url);
  });
}

store.subscribe((state, previous) => {
  if (state.view.url && state.view.url !== previous.view.url) loadUrl(state.view.url, state.view.set !== null);
  // Progress ticks change only the loading state: redraw the bar, not the panels. A load's start
  // is drawn whole: the empty page's "drop a profile" line goes (the worker may draw a first
  // flamegraph above it before the result comes, app/first-paint.ts).
  const onlyProgress =
    (state.loading === null) === (previous.loading === null) &&
    (Object.keys(state) as (keyof AppState)[]).every((key) => key === 'loading' || state[key] === previous[key]);
  if (onlyProgress) progress.update({ loading: state.loading, onCancel: () => loading.cancel() });
  else render(state);
});
wireKeyboard(store, {
  search: byId<HTMLInputElement>('search'),
  flame: byId('flame'),
  dialog: byId<HTMLDialogElement>('keys'),
  keysButton: byId('keys-button'),
  skipLink: document.querySelector<HTMLAnchorElement>('.skip-link')!,
  main: byId('main-view'),
});
const start = initialView();
syncHash(store);
store.setView(start);
render(store.get());
// A file dropped while the app was loading is what the user asked for: no sample then.
const droppedEarly = receiveEarlyInput(earlyInput, inputHandlers) > 0;
if (!droppedEarly && !start.url && !start.diff?.baseUrl && !start.diff?.targetUrl) void loadDefaultSample(loading);
