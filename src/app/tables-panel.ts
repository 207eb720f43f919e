// The table tabs: callers/callees of the selected function (sandwich), value types, and
// statements. Each view is created when its tab is first shown; the derivations are memoised
// on their inputs, so a redraw of the page does not recompute them.
import './tables-panel.css';
import { figuresKey, statementFigures, type StatementFigures } from '../analysis/attribution-figures.ts';
import type { Attribution } from '../analysis/attribution.ts';
import { computeSandwich } from '../analysis/callers-callees.ts';
import { placeStatements } from '../analysis/loop-finder.ts';
import { firstOf, summaryFor } from '../analysis/run-roles.ts';
import { computeTypeTable } from '../analysis/type-table.ts';
import { formatSpan } from '../formats/spans.ts';
import { stackOf } from '../model/call-tree.ts';
import type { HeapFlame, HeapSummary, StatementProfile, StatementRow } from '../model/profile.ts';
import type { TableSnapshot } from '../views/data-table.ts';
import * as sandwichView from '../views/sandwich.ts';
import * as statementsView from '../views/statements-table.ts';
import { heaviestNodeOf } from '../views/tree-search.ts';
import * as typesView from '../views/types-table.ts';
import type { AppState, LoadedSet, Store } from './store.ts';
import { shows } from './tabs.ts';
import { currentSet, flameModel, type FlameModel } from './view-model.ts';

/** Memoises on reference equality of the arguments of the last call. */
function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; value: R } | null = null;
  return (...args: A) => {
    if (!last || args.some((a, i) => a !== last!.args[i])) last = { args, value: fn(...args) };
    return last.value;
  };
}

const sandwichOf = memo(computeSandwich);
const typeTableOf = memo(computeTypeTable);
const namesOf = memo((rows: FlameModel['functions']) => rows.map((r) => r.name));
const figuresOf = memo((attribution: Attribution | undefined): ((row: StatementRow) => StatementFigures | null) => {
  const figures = attribution ? statementFigures(attribution) : new Map<string, StatementFigures>();
  return (row) => figures.get(figuresKey(row.file, row.span)) ?? null;
});

/** The heap flame the types table reads (the flamegraph's when it is one), its metric and its summary, by role. */
function typeSource(
  state: AppState,
): { flame: HeapFlame; path: string; metric: string; summary: HeapSummary | null; summaryPath: string | null } | null {
  const set = currentSet(state);
  if (!set) return null;
  // Byte-weighted heap flames only (value types are their leaves; a pprof profile has none).
  const flames = [...set.roles['allocated-flame'], ...set.roles['retained-flame']].flatMap((f) =>
    f.profile.format === 'heap-flame' ? [{ ...f, profile: f.profile }] : [],
  );
  const heapMetrics = set.metrics.filter(
    (m) => (m.metric === 'bytes' || m.metric === 'retained') && flames.some((f) => f.index === m.fileIndex),
  );
  const metric = heapMetrics.find((m) => m.key === state.view.metric) ?? heapMetrics[0];
  const flame = metric ? flames.find((f) => f.index === metric.fileIndex) : undefined;
  if (!metric || !flame) return null;
  const summary = summaryFor(set.roles, flame);
  return {
    flame: flame.profile,
    path: flame.path,
    metric: metric.key,
    summary: summary?.profile ?? null,
    summaryPath: summary?.path ?? null,
  };
}

/** A stable lookup function per placement map, so the table's columns are rebuilt only when it changes. */
const functionsOf = memo(
  (functions: Map<StatementRow, string | null> | null) => (row: StatementRow) => functions?.get(row) ?? null,
);

function heaviestSelf(rows: FlameModel['functions']): string | null {
  return (
    rows.reduce<FlameModel['functions'][number] | null>((best, r) => (!best || r.self > best.self ? r : best), null)
      ?.name ?? null
  );
}

/** Each statement's function, per set and statement profile (placed once, on the outlines the worker indexed). */
const placements = new WeakMap<LoadedSet, Map<StatementRow, string | null>>();
function functionsOfStatements(set: LoadedSet, profile: StatementProfile): Map<StatementRow, string | null> {
  let found = placements.get(set);
  if (!found) {
    const outlines = (set.analysis?.sources ?? []).map((s) => s.outline);
    found = new Map(placeStatements(profile, outlines).map((p) => [p.row, p.functionName]));
    placements.set(set, found);
  }
  return found;
}

/** `^dict$` with regex characters of the name escaped: an exact-name search. */
export function exactNamePattern(name: string): string {
  return `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
}

/** What the current tab's tables hold, for CSV and the HTML snapshot. */
export interface TablesPanel {
  render(state: AppState): void;
  /** [] when the tab shows none of these tables. */
  snapshots(state: AppState): TableSnapshot[];
}

/** The three tabs, one method each; views are made when their tab is first shown. */
class TablesPanelView implements TablesPanel {
  private readonly parts = {
    sandwich: document.createElement('div'),
    types: document.createElement('div'),
    statements: document.createElement('div'),
  };
  private sandwich: ReturnType<typeof sandwichView.create> | null = null;
  private types: ReturnType<typeof typesView.create> | null = null;
  private statements: ReturnType<typeof statementsView.create> | null = null;

  constructor(
    private readonly store: Store,
    private readonly host: HTMLElement,
  ) {
    host.append(this.parts.sandwich, this.parts.types, this.parts.statements);
  }

  render(state: AppState): void {
    const tab = state.view.tab;
    this.host.hidden = !shows(tab, 'tables');
    this.parts.sandwich.hidden = tab !== 'sandwich';
    this.parts.types.hidden = tab !== 'types';
    this.parts.statements.hidden = tab !== 'statements';
    if (tab === 'sandwich') this.drawSandwich(state);
    else if (tab === 'types') this.drawTypes(state);
    else if (tab === 'statements') this.drawStatements(state);
  }

  snapshots(state: AppState): TableSnapshot[] {
    const tab = state.view.tab;
    if (tab === 'sandwich' && this.sandwich) return this.sandwich.tables().map((t) => t.snapshot());
    if (tab === 'types' && this.types) return [this.types.table.snapshot()];
    if (tab === 'statements' && this.statements) return [this.statements.table.snapshot()];
    return [];
  }

  /** Selects a function and zooms the flamegraph to its heaviest stack. */
  private showInFlame(name: string): void {
    const model = flameModel(this.store.get());
    const node = model ? heaviestNodeOf(model.tree, model.metric.total, name) : -1;
    this.store.chooseFrame(
      { selected: name, tab: 'flame', ...(model && node > 0 ? { zoom: stackOf(model.tree, node) } : {}) },
      name,
    );
  }

  private drawSandwich(state: AppState): void {
    const model = flameModel(state);
    // Without a selection: the function that allocated (or spent) the most itself.
    const requested = state.view.selected ?? (model ? heaviestSelf(model.functions) : null);
    const props: sandwichView.SandwichProps = {
      sandwich: model && requested ? sandwichOf(model.tree, model.metric.total, requested) : null,
      requested,
      names: model ? namesOf(model.functions) : [],
      unit: model?.unit ?? 'bytes',
      grandTotal: model?.metric.total[0] ?? 0,
      onPick: (name) => this.store.selectFunction(name),
      onShowInFlame: (name) => this.showInFlame(name),
    };
    if (this.sandwich) this.sandwich.update(props);
    else this.sandwich = sandwichView.create(this.parts.sandwich, props);
  }

  private drawTypes(state: AppState): void {
    const source = typeSource(state);
    const table = source ? typeTableOf(source.flame.tree, source.summary) : null;
    const searched = state.view.regex
      ? table?.rows.find((r) => exactNamePattern(r.type) === state.view.search)
      : undefined;
    const props: typesView.TypesTableProps = {
      table,
      flamePath: source?.path ?? null,
      summaryPath: source?.summaryPath ?? null,
      selected: searched?.type ?? null,
      // A row highlights that type's leaves in the flamegraph (exact-name search over the whole tree).
      onSelect: (type) =>
        this.store.updateView({
          search: exactNamePattern(type),
          regex: true,
          zoom: [],
          tab: 'flame',
          metric: source?.metric ?? null,
        }),
    };
    if (this.types) this.types.update(props);
    else this.types = typesView.create(this.parts.types, props);
  }

  private drawStatements(state: AppState): void {
    const set = currentSet(state);
    const file = set ? firstOf(set.roles, 'statement') : null;
    const profile = file?.profile ?? null;
    const functions = set && profile ? functionsOfStatements(set, profile) : null;
    const props: statementsView.StatementsTableProps = {
      profile,
      path: file?.path ?? null,
      spanText: formatSpan,
      selected: state.panels.statement,
      functionOf: functionsOf(functions),
      figuresOf: figuresOf(set?.analysis?.attribution),
      onSelect: (key) => this.pickStatement(key, profile, functions),
    };
    if (this.statements) this.statements.update(props);
    else this.statements = statementsView.create(this.parts.statements, props);
  }

  /** A statement whose function is a frame of the call tree is selected there; others only marked. */
  private pickStatement(
    key: string,
    profile: StatementProfile | null,
    functions: Map<StatementRow, string | null> | null,
  ): void {
    this.store.selectStatement(key);
    const row = profile?.rows.find((r) => statementsView.statementKey(r, formatSpan) === key);
    const name = row ? functions?.get(row) : null;
    if (name && flameModel(this.store.get())?.functions.some((f) => f.name === name)) this.showInFlame(name);
  }
}

export function wireTablesPanel(store: Store, host: HTMLElement): TablesPanel {
  return new TablesPanelView(store, host);
}
