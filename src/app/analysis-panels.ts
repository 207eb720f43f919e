// Wires the advisor's views to the store: findings (with the peak figures), the source view and
// the per-file peaks table. A finding click shows its function in the flamegraph and its
// statement in the source; a frame click opens its `def`; a line click selects its function.
import './analysis-panels.css';
import { frameFile, frameNameOf, profileFileFor, sourceFor } from '../analysis/loop-finder.ts';
import { DEFAULT_PEAK_LIMIT, computeFilePeaks } from '../analysis/peaks.ts';
import { indexStarlarkSource, type SourceIndex } from '../analysis/starlark-source.ts';
import type { Span } from '../model/profile.ts';
import { formatBytes, type Bytes } from '../model/units.ts';
import * as findingsPanel from '../views/findings-panel.ts';
import * as peaksTable from '../views/peaks-table.ts';
import * as sourceView from '../views/source-view.ts';
import type { SetAnalysis } from '../worker/set-analysis.ts';
import type { AppState, LoadedSet, Store } from './store.ts';
import { shows } from './tabs.ts';
import { currentSet } from './view-model.ts';

/** What the panels show besides the store's view: which finding, which source and span. */
interface PanelState {
  setId: number;
  finding: number;
  sourcePath: string | null;
  highlight: Span | null;
  /** The frame last opened, so a re-render does not move the source away from a finding. */
  frame: string | null;
  /** The store's selected function and zoomed frame at the last render: whichever changes is opened. */
  seen: [string | null, string | null];
  limit: Bytes;
  module: string | null;
}

/** Source indexes per set, built once (the worker sends text, the page indexes it for clicks). */
const indexes = new WeakMap<LoadedSet, SourceIndex[]>();
function indexesOf(set: LoadedSet, analysis: SetAnalysis): SourceIndex[] {
  let found = indexes.get(set);
  if (!found) indexes.set(set, (found = analysis.sources.map((s) => indexStarlarkSource(s.path, s.text))));
  return found;
}

function knownFiles(set: LoadedSet): Set<string> {
  const files = new Set<string>();
  for (const { profile } of set.roles.statement) for (const r of profile.rows) files.add(r.file);
  for (const row of set.functions?.rows ?? []) {
    const file = frameFile(row.name);
    if (file) files.add(file);
  }
  return files;
}

/** The selected function and the zoomed frame of the flamegraph. */
function framesOf(state: AppState): [string | null, string | null] {
  return [state.view.selected, state.view.zoom[state.view.zoom.length - 1] ?? null];
}

/** The frame the user just chose: a new zoom (frame click) wins over an unchanged selection. */
function chosenFrame(now: [string | null, string | null], seen: [string | null, string | null]): string | null {
  if (now[1] !== seen[1] && now[1] !== null) return now[1];
  if (now[0] !== seen[0] && now[0] !== null) return now[0];
  return null;
}

export function wireAnalysisPanels(store: Store, content: HTMLElement, selectFunction: (name: string) => void): (state: AppState) => void {
  const root = document.createElement('div');
  root.id = 'analysis';
  root.className = 'analysis';
  const columns = document.createElement('div');
  columns.className = 'analysis-columns';
  root.append(columns);
  content.append(root);
  let findings: ReturnType<typeof findingsPanel.create> | null = null;
  let source: ReturnType<typeof sourceView.create> | null = null;
  let peaks: ReturnType<typeof peaksTable.create> | null = null;
  let panel: PanelState = { setId: -1, finding: -1, sourcePath: null, highlight: null, frame: null, seen: [null, null], limit: DEFAULT_PEAK_LIMIT, module: null };
  let lastKey = '';

  const rerender = () => {
    lastKey = '';
    render(store.get());
  };

  function openFrame(set: LoadedSet, analysis: SetAnalysis, name: string): void {
    const file = frameFile(name);
    const index = file ? sourceFor(file, indexesOf(set, analysis)) : null;
    const def = index?.defs.find((d) => d.name === name.slice(file!.length + 1) && d.kind === 'def');
    panel = { ...panel, frame: name, ...(index && def ? { sourcePath: index.path, highlight: def.span, finding: -1 } : {}) };
  }

  function sourceProps(set: LoadedSet, analysis: SetAnalysis): sourceView.SourceViewProps | null {
    const index = indexesOf(set, analysis).find((s) => s.path === panel.sourcePath);
    const text = analysis.sources.find((s) => s.path === panel.sourcePath)?.text;
    if (!index || text === undefined) return null;
    const file = profileFileFor(index.path, knownFiles(set));
    const lines = new Map<number, sourceView.LineFigures>();
    for (const { profile } of set.roles.statement) {
      for (const r of profile.rows) {
        if (r.file !== file) continue;
        const at = lines.get(r.span.line) ?? { seconds: 0, count: 0 };
        lines.set(r.span.line, { seconds: at.seconds + r.seconds, count: at.count + r.count });
      }
    }
    const rows = new Map((set.functions?.metric === 'bytes' ? set.functions.rows : []).map((r) => [r.name, r]));
    const gutter = new Map(index.defs.flatMap((d) => {
      const row = rows.get(frameNameOf(file, d));
      return row ? [[d.span.line, formatBytes(row.total)] as const] : [];
    }));
    const loops = index.loops.filter((l) => l.kind !== 'comprehension').map((l) => {
      const found = analysis.loops.find((x) => x.file === file && x.span.line === l.span.line && x.span.column === l.span.column);
      const extra = found ? `; ≈ ${found.iterationsEstimate.toFixed(1)} iterations per start (statement counts)` : '';
      return { span: l.span, label: `for ${l.targets.join(', ')} in ${l.iterable}${extra}` };
    });
    return {
      path: index.path, text, lines, gutter, loops, highlight: panel.highlight,
      onLine: (line) => {
        const def = [...index.defs].reverse().find((d) => d.kind === 'def' && line >= d.span.line && line < Math.max(d.span.endLine, d.span.line + 1));
        const name = frameNameOf(file, def ?? null);
        panel = { ...panel, frame: name, highlight: { line, column: 1, endLine: line, endColumn: 1 }, finding: -1 };
        selectFunction(name);
        rerender();
      },
    };
  }

  function render(state: AppState): void {
    const set = currentSet(state);
    const analysis = set?.analysis;
    const visible = !!set && !!analysis && shows(state.view.tab, 'analysis');
    root.hidden = !visible;
    if (!visible || !set || !analysis) return;
    if (panel.setId !== set.id) {
      const first = analysis.findings[0];
      panel = { ...panel, setId: set.id, finding: first ? 0 : -1, sourcePath: first?.sourcePath ?? analysis.sources[0]?.path ?? null, highlight: first?.span ?? null, frame: null, seen: framesOf(state), module: null };
    }
    const now = framesOf(state);
    const frame = chosenFrame(now, panel.seen);
    panel = { ...panel, seen: now };
    if (frame && frame !== panel.frame) openFrame(set, analysis, frame);
    const key = JSON.stringify([set.id, panel]);
    if (key === lastKey) return;
    lastKey = key;
    renderPanels(set, analysis);
  }

  function renderPanels(set: LoadedSet, analysis: SetAnalysis): void {
    const fProps: findingsPanel.FindingsPanelProps = {
      findings: analysis.findings, selected: panel.finding, hasSources: analysis.sources.length > 0, estimate: analysis.estimate,
      onSelect: (i) => {
        const f = analysis.findings[i]!;
        panel = { ...panel, finding: i, sourcePath: f.sourcePath, highlight: f.span, frame: f.function };
        selectFunction(f.function);
        rerender();
      },
    };
    const advisable = analysis.findings.length > 0 || analysis.sources.length > 0 || analysis.estimate !== null;
    if (!advisable) {
      findings?.destroy();
      findings = null;
    } else if (findings) findings.update(fProps);
    else findings = findingsPanel.create(columns, fProps);
    const sProps = sourceProps(set, analysis);
    if (!sProps) {
      source?.destroy();
      source = null;
    } else if (source) source.update(sProps);
    else source = sourceView.create(columns, sProps);
    renderPeaks(set);
  }

  function renderPeaks(set: LoadedSet): void {
    const logs = set.roles['event-log'].map((f) => f.profile);
    if (logs.length === 0) {
      peaks?.destroy();
      peaks = null;
      return;
    }
    const props: peaksTable.PeaksTableProps = {
      rows: computeFilePeaks(logs, panel.limit), limit: panel.limit, selected: panel.module,
      onSelect: (moduleId) => {
        panel = { ...panel, module: moduleId };
        rerender();
      },
      onLimit: (limit) => {
        panel = { ...panel, limit };
        rerender();
      },
    };
    if (peaks) peaks.update(props);
    else peaks = peaksTable.create(root, props);
  }

  return render;
}
