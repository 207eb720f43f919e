// The one state store: plain state, explicit actions, subscribers told after every change.
import type { LoadedSetData, MetricName } from '../worker/protocol.ts';
import type { DiffView } from './diff-state.ts';

/** The tabs of the main area; `1`–`8` on the keyboard pick them in this order. */
export const TABS = ['flame', 'table', 'both', 'samples', 'diff', 'sandwich', 'types', 'statements'] as const;
export type Tab = (typeof TABS)[number];

export const COLOR_MODES = ['type', 'file', 'package'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

/** What the user is looking at; everything here round-trips through the URL hash. */
export interface ViewState {
  /** Name of the selected set (its directory; untrusted), or null for the first. */
  set: string | null;
  metric: MetricName | null;
  /** The zoomed frame as a stack path from the outermost frame; [] = whole tree. */
  zoom: string[];
  search: string;
  regex: boolean;
  /** A function name chosen in the table. */
  selected: string | null;
  tab: Tab;
  /** The URL the profile was loaded from, kept so a shared link reloads it. */
  url: string | null;
  /** Icicle (root on top) unless false. */
  icicle: boolean;
  typeLeaves: boolean;
  color: ColorMode;
  /** The Compare tab (base and target sets, how their difference is drawn); absent until used. */
  diff?: DiffView;
}

export interface LoadedSet extends LoadedSetData {
  /** Unique across loads: `name` can repeat when the same folder is dropped twice. */
  id: number;
  /** Where it came from, for the side list (“drop”, “paste”, a URL, a sample). */
  origin: string;
  /** The `#url=` it was loaded from, so a link to a comparison can load it again. */
  url: string | null;
}

export interface LoadingState {
  jobId: number;
  label: string;
  bytesRead: number;
  totalBytes: number;
}

/** A message for the user, in words; `level` picks the styling only. */
export interface Notice {
  id: number;
  level: 'error' | 'info';
  text: string;
}

export interface AppState {
  sets: LoadedSet[];
  loading: LoadingState | null;
  notices: Notice[];
  view: ViewState;
  /** The frame the keyboard is on (a node of the shown tree), -1 for none. Not in the URL. */
  focus: number;
}

export const DEFAULT_VIEW: ViewState = {
  set: null, metric: null, zoom: [], search: '', regex: false, selected: null,
  tab: 'flame', url: null, icicle: true, typeLeaves: true, color: 'type',
};

type Listener = (state: AppState, previous: AppState) => void;

/** State plus the only functions allowed to change it. */
export class Store {
  private state: AppState = { sets: [], loading: null, notices: [], view: DEFAULT_VIEW, focus: -1 };
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
   * Adds the sets of a finished load; selects the first new one with a readable file unless the
   * view names one. A load of nothing readable selects nothing when a set is shown already: an
   * unreadable file must not hide the good profile (the side list says what went wrong).
   */
  loadFinished(jobId: number, sets: LoadedSetData[], origin: string, keepView = false, url: string | null = null): void {
    const added = sets.map((s) => ({ ...s, id: this.nextId++, origin, url }));
    const loading = this.state.loading?.jobId === jobId ? null : this.state.loading;
    const unreadable = (s: LoadedSetData) => s.files.length > 0 && s.files.every((f) => f.error);
    const pick = added.find((s) => !unreadable(s)) ?? (this.state.sets.length === 0 ? added[0] : undefined);
    const view = keepView || !pick ? this.state.view : { ...this.state.view, set: pick.name, zoom: [], selected: null, metric: null };
    this.set({ ...this.state, sets: [...this.state.sets, ...added], loading, view, focus: keepView ? this.state.focus : -1 });
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

  removeSet(id: number): void {
    this.set({ ...this.state, sets: this.state.sets.filter((s) => s.id !== id) });
  }

  // --- view ---
  /** Replaces the view as a whole (URL hash restore, back/forward). */
  setView(view: ViewState): void {
    this.set({ ...this.state, view, focus: -1 });
  }

  updateView(change: Partial<ViewState>): void {
    const focus = 'set' in change || 'metric' in change ? -1 : this.state.focus;
    this.set({ ...this.state, view: { ...this.state.view, ...change }, focus });
  }

  focusFrame(node: number): void {
    this.set({ ...this.state, focus: node });
  }

  selectSet(name: string): void {
    this.updateView({ set: name, zoom: [], selected: null, metric: null });
  }

  zoomTo(path: string[]): void {
    this.updateView({ zoom: path });
  }

  search(text: string, regex = this.state.view.regex): void {
    this.updateView({ search: text, regex });
  }

  selectFunction(name: string | null): void {
    this.updateView({ selected: name });
  }
}
