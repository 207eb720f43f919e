// The one state store: plain state, explicit actions, subscribers told after every change.
import type { LoadedSetData } from '../worker/protocol.ts';
import type { SetAnalysis } from '../worker/set-analysis.ts';
import type { SourceText } from '../worker/sources.ts';

import type { Bytes } from '../model/units.ts';

/** The tabs live in one registry (tabs.ts); re-exported for the modules that read the view. */
export { TABS, type Tab } from './tabs.ts';

/** The state's shapes live in state.ts; re-exported for the modules that use the store. */
export {
  COLOR_MODES,
  DEFAULT_PANELS,
  DEFAULT_VIEW,
  type ColorMode,
  type ViewState,
  type LoadedSet,
  type LoadingState,
  type Notice,
  type PanelsState,
  type AppState,
} from './state.ts';
import {
  DEFAULT_PANELS,
  DEFAULT_VIEW,
  type AppState,
  type LoadedSet,
  type Notice,
  type PanelsState,
  type ViewState,
} from './state.ts';

type Listener = (state: AppState, previous: AppState) => void;

/** State plus the only functions allowed to change it. */
export class Store {
  private state: AppState = {
    sets: [],
    panels: DEFAULT_PANELS,
    current: null,
    sources: [],
    loading: null,
    notices: [],
    view: DEFAULT_VIEW,
    focus: -1,
  };
  private readonly listeners = new Set<Listener>();
  private nextId = 1;

  get(): AppState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(next: AppState): void {
    const previous = this.state;
    // Another set shown: nothing the panels showed for the old one stays (the limit is the user's).
    if (next.current !== previous.current && next.panels === previous.panels)
      next = { ...next, panels: { ...DEFAULT_PANELS, limit: previous.panels.limit } };
    this.state = next;
    for (const l of this.listeners) l(next, previous);
  }

  // --- loading ---
  loadStarted(jobId: number, label: string, totalBytes: number): void {
    this.set({ ...this.state, loading: { jobId, label, bytesRead: 0, totalBytes } });
  }

  loadProgress(jobId: number, bytesRead: number, totalBytes: number): void {
    const loading = this.state.loading;
    if (loading?.jobId !== jobId) return;
    this.set({ ...this.state, loading: { ...loading, bytesRead, totalBytes } });
  }

  /**
   * Adds the sets and sources of a finished load. Shows the new set `show` picks (the worst run;
   * the first by default) among those with a readable file, unless `keepView` and the view names
   * a set by label (a restored link). A load of nothing readable shows nothing new when a set is
   * shown already: an unreadable file must not hide the good profile (the side list says what
   * went wrong). Returns the load's id (`LoadedSet.load`).
   */
  loadFinished(
    jobId: number,
    sets: LoadedSetData[],
    origin: string,
    keepView = false,
    url: string | null = null,
    sources: readonly SourceText[] = [],
    show: (sets: readonly LoadedSet[]) => LoadedSet | undefined = (s) => s[0],
  ): number {
    const taken = new Set(this.state.sets.map((s) => s.label));
    const load = this.nextId++;
    const added = sets.map((s) => {
      const label = uniqueLabel(baseLabel(s), taken);
      taken.add(label);
      return { ...s, id: this.nextId++, label, load, origin, url };
    });
    const loading = this.state.loading?.jobId === jobId ? null : this.state.loading;
    const all = [...this.state.sets, ...added];
    // A restored link keeps its view: the set it names (once loaded), else the first load's pick.
    const wanted = this.state.view.set;
    const unreadable = (s: LoadedSetData) => s.files.length > 0 && s.files.every((f) => f.error);
    const readable = added.filter((s) => !unreadable(s));
    const pick = () => (readable.length > 0 ? show(readable) : this.state.sets.length === 0 ? added[0] : undefined);
    const shown = !keepView
      ? pick()
      : wanted !== null
        ? all.find((s) => s.label === wanted)
        : this.state.current === null
          ? pick()
          : undefined;
    const view =
      keepView || !shown
        ? this.state.view
        : { ...this.state.view, set: shown.label, zoom: [], selected: null, metric: null };
    const current = shown?.id ?? this.state.current;
    const known = new Set(this.state.sources.map((t) => t.path));
    const joined = [...this.state.sources, ...sources.filter((t) => !known.has(t.path)).map((t) => ({ ...t, load }))];
    this.set({
      ...this.state,
      sets: all,
      current,
      sources: joined,
      loading,
      view,
      focus: keepView ? this.state.focus : -1,
    });
    return load;
  }

  /** Puts a recomputed analysis on sets (sources that arrived later joined their runs). */
  analysed(analyses: ReadonlyMap<number, SetAnalysis>): void {
    if (analyses.size === 0) return;
    this.set({
      ...this.state,
      sets: this.state.sets.map((s) => (analyses.has(s.id) ? { ...s, analysis: analyses.get(s.id)! } : s)),
    });
  }

  loadEnded(jobId: number, notice: string | null, level: Notice['level'] = 'error'): void {
    const loading = this.state.loading?.jobId === jobId ? null : this.state.loading;
    const notices = notice ? [...this.state.notices, { id: this.nextId++, level, text: notice }] : this.state.notices;
    this.set({ ...this.state, loading, notices });
  }

  notify(text: string, level: Notice['level'] = 'error'): void {
    this.set({ ...this.state, notices: [...this.state.notices, { id: this.nextId++, level, text }] });
  }

  dismiss(id: number): void {
    this.set({ ...this.state, notices: this.state.notices.filter((n) => n.id !== id) });
  }

  /** Removes a set; when it was shown, the newest remaining set is shown and the view forgets the old one. */
  removeSet(id: number): void {
    const sets = this.state.sets.filter((s) => s.id !== id);
    // The sources of a load whose last set is gone go with it (a load of sources alone stays).
    const load = this.state.sets.find((s) => s.id === id)?.load;
    const sources = sets.some((s) => s.load === load)
      ? this.state.sources
      : this.state.sources.filter((t) => t.load !== load);
    if (this.state.current !== id && this.state.view.set !== this.state.sets.find((s) => s.id === id)?.label)
      return this.set({ ...this.state, sets, sources });
    const next = sets[sets.length - 1] ?? null;
    const view = { ...this.state.view, set: next?.label ?? null, zoom: [], selected: null, metric: null, search: '' };
    this.set({ ...this.state, sets, sources, current: next?.id ?? null, view, focus: -1 });
  }

  // --- view ---
  /** Replaces the view as a whole (URL hash restore, back/forward). */
  setView(view: ViewState): void {
    const named = this.state.sets.find((s) => s.label === view.set);
    this.set({ ...this.state, view, current: named?.id ?? this.state.current, focus: -1 });
  }

  updateView(change: Partial<ViewState>): void {
    const focus = 'set' in change || 'metric' in change ? -1 : this.state.focus;
    this.set({ ...this.state, view: { ...this.state.view, ...change }, focus });
  }

  focusFrame(node: number): void {
    this.set({ ...this.state, focus: node });
  }

  /** Shows a set by its id (labels are for links; ids never repeat). */
  selectSet(id: number): void {
    const set = this.state.sets.find((s) => s.id === id);
    if (!set) return;
    const view = { ...this.state.view, set: set.label, zoom: [], selected: null, metric: null };
    this.set({ ...this.state, view, current: id, focus: -1 });
  }

  /**
   * The user chose a frame (zoomed to it, picked its row, a finding, a source line): the view
   * changes and the panels show its source; `source` names a span explicitly, `finding` which.
   */
  chooseFrame(
    change: Partial<ViewState>,
    frame: string | null,
    source: PanelsState['source'] = null,
    finding = -1,
  ): void {
    const panels = { ...this.state.panels, frame, source, finding };
    const focus = 'set' in change || 'metric' in change ? -1 : this.state.focus;
    this.set({ ...this.state, view: { ...this.state.view, ...change }, panels, focus });
  }

  zoomTo(path: string[]): void {
    this.chooseFrame({ zoom: path }, path[path.length - 1] ?? null);
  }

  setPeakLimit(limit: Bytes): void {
    this.set({ ...this.state, panels: { ...this.state.panels, limit } });
  }

  selectModule(moduleId: string | null): void {
    this.set({ ...this.state, panels: { ...this.state.panels, module: moduleId } });
  }

  selectStatement(key: string | null): void {
    this.set({ ...this.state, panels: { ...this.state.panels, statement: key } });
  }

  /** Zooms to search match `index` (Enter / Shift+Enter walk the matches). */
  zoomToMatch(index: number, path: string[], node: number): void {
    this.set({
      ...this.state,
      view: { ...this.state.view, zoom: path },
      panels: { ...this.state.panels, frame: path[path.length - 1] ?? null, source: null, finding: -1, match: index },
      focus: node,
    });
  }

  /** A new search: the walk over its matches starts over. */
  search(text: string, regex = this.state.view.regex): void {
    const panels =
      text === this.state.view.search && regex === this.state.view.regex
        ? this.state.panels
        : { ...this.state.panels, match: -1 };
    this.set({ ...this.state, view: { ...this.state.view, search: text, regex }, panels });
  }

  selectFunction(name: string | null): void {
    this.chooseFrame({ selected: name }, name);
  }
}

/** A set's name in words: its folder, else (loose files) their names when few, else `loose files`. */
function baseLabel(set: LoadedSetData): string {
  if (set.name) return set.name;
  const names = set.files.map((f) => f.path.slice(f.path.lastIndexOf('/') + 1));
  return names.length > 0 && names.length <= 3 ? names.join(', ') : 'loose files';
}

/** `label`, or `label 2`, `label 3` … when taken. */
function uniqueLabel(label: string, taken: ReadonlySet<string>): string {
  if (!taken.has(label)) return label;
  let n = 2;
  while (taken.has(`${label} ${n}`)) n++;
  return `${label} ${n}`;
}
