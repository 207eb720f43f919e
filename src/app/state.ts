// The shapes of the page's state and their defaults: what the one store (store.ts) holds. Plain
// data; the store alone changes it.
import type { LoadedSetData } from '../worker/protocol.ts';
import type { SourceText } from '../worker/sources.ts';
import type { DiffView } from './diff-state.ts';
import { DEFAULT_PEAK_LIMIT } from '../analysis/peaks.ts';
import type { Span } from '../model/profile.ts';
import type { Bytes } from '../model/units.ts';
import type { Tab } from './tabs.ts';

export const COLOR_MODES = ['type', 'file', 'package'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

/** What the user is looking at; everything here round-trips through the URL hash. */
export interface ViewState {
  /** Label of the selected set (unique in the page; untrusted), or null. The store selects by id. */
  set: string | null;
  /** Metric key of the set (`bytes`, `bytes-2` for its second allocated flame …), or null for the first. */
  metric: string | null;
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
  /** Unique across loads and never reused: `name` can repeat when the same folder is dropped twice. */
  id: number;
  /** The name shown and written to the URL, unique in the page: the folder, the file names, or `loose files 2`. */
  label: string;
  /** Which load brought it (sets of one load share their event logs' per-file peaks). */
  load: number;
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

/**
 * What the analysis panels show besides the view (transient, not in the URL): set by explicit
 * actions (a finding, a line or a frame chosen), reset when another set is shown.
 */
export interface PanelsState {
  /** The finding shown in the source view, or -1. */
  finding: number;
  /** The frame the user last chose (zoom, table row, finding, source line); its `def` opens. */
  frame: string | null;
  /** A source and span chosen explicitly (a finding's statement, a clicked line); wins over `frame`. */
  source: { path: string; highlight: Span | null } | null;
  /** The peaks table's limit and selected BUCK file. */
  limit: Bytes;
  module: string | null;
  /** The statement row chosen in the Statements tab (its key). */
  statement: string | null;
  /** Which search match Enter zoomed to last (-1: none yet); a new search starts over. */
  match: number;
}

export const DEFAULT_PANELS: PanelsState = {
  finding: 0,
  frame: null,
  source: null,
  limit: DEFAULT_PEAK_LIMIT,
  module: null,
  statement: null,
  match: -1,
};

export interface AppState {
  sets: LoadedSet[];
  panels: PanelsState;
  /** Id of the set shown (not in the URL; `view.set` holds its label for links). */
  current: number | null;
  /** Every Starlark source loaded so far (with the load that brought it): sources join the runs they belong to whenever they arrive. */
  sources: (SourceText & { load: number })[];
  loading: LoadingState | null;
  notices: Notice[];
  view: ViewState;
  /** The frame the keyboard is on (a node of the shown tree), -1 for none. Not in the URL. */
  focus: number;
}

export const DEFAULT_VIEW: ViewState = {
  set: null,
  metric: null,
  zoom: [],
  search: '',
  regex: false,
  selected: null,
  tab: 'flame',
  url: null,
  icicle: true,
  typeLeaves: true,
  color: 'type',
};
