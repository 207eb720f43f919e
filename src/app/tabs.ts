// The one registry of tabs. The tab bar, the number keys, the key list, which page regions
// each tab shows and which exports apply are all derived from this list: adding a tab is one
// entry here plus its panel.

/** Regions of the page (element ids in index.html) a tab may show. */
export type Region =
  | 'toolbar'
  | 'summary'
  | 'breadcrumb'
  | 'legend'
  | 'focus-line'
  | 'flame'
  | 'table'
  | 'tables'
  | 'gallery'
  | 'diff'
  | 'analysis';

export interface TabSpec {
  id: string;
  label: string;
  /** The regions this tab shows; every other region is hidden. */
  regions: readonly Region[];
  /** Which table the CSV export takes: the top functions, the tables panel's, or none. */
  table: 'functions' | 'panel' | null;
  /** Whether the flamegraph exports (SVG, PNG, folded, HTML snapshot) apply on this tab. */
  flameExports: boolean;
}

const FLAME_REGIONS = ['toolbar', 'summary', 'breadcrumb', 'legend', 'focus-line', 'flame'] as const;

export const TAB_REGISTRY = [
  { id: 'flame', label: 'Flamegraph', regions: [...FLAME_REGIONS, 'analysis'], table: null, flameExports: true },
  {
    id: 'table',
    label: 'Top functions',
    regions: ['summary', 'table', 'analysis'],
    table: 'functions',
    flameExports: true,
  },
  {
    id: 'both',
    label: 'Both',
    regions: [...FLAME_REGIONS, 'table', 'analysis'],
    table: 'functions',
    flameExports: true,
  },
  { id: 'samples', label: 'Samples', regions: ['summary', 'gallery'], table: null, flameExports: true },
  { id: 'diff', label: 'Compare', regions: ['diff'], table: null, flameExports: false },
  {
    id: 'sandwich',
    label: 'Callers/callees',
    regions: ['toolbar', 'summary', 'tables'],
    table: 'panel',
    flameExports: true,
  },
  { id: 'types', label: 'Types', regions: ['toolbar', 'summary', 'tables'], table: 'panel', flameExports: true },
  { id: 'statements', label: 'Statements', regions: ['summary', 'tables'], table: 'panel', flameExports: true },
] as const satisfies readonly TabSpec[];

export type Tab = (typeof TAB_REGISTRY)[number]['id'];

/** Tab ids in bar order; key `N` picks the Nth. */
export const TABS: readonly Tab[] = TAB_REGISTRY.map((t) => t.id);

export function tabSpec(tab: Tab): TabSpec {
  return TAB_REGISTRY.find((t) => t.id === tab)!;
}

/** Whether `tab` shows `region`. */
export function shows(tab: Tab, region: Region): boolean {
  return tabSpec(tab).regions.includes(region);
}

/** The key-list line for the tab keys: `1 – 8`, `tabs: flamegraph, top functions, …`. */
export function tabKeysLine(): [string, string] {
  return [`1 – ${TABS.length}`, `tabs: ${TAB_REGISTRY.map((t) => t.label.toLowerCase()).join(', ')}`];
}
