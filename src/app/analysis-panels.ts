// Wires the advisor's views to the store: findings (with the peak figures), the source view and
// the per-file peaks table. Sources arrive indexed (their outlines, from the worker): no parser here. A finding click shows its function in the flamegraph and its
// statement in the source; a frame click opens its `def`; a line click selects its function.
import './analysis-panels.css';
import { frameFile, frameNameOf, profileFileFor, sourceFor } from '../analysis/loop-finder.ts';
import { computeFilePeaks } from '../analysis/peaks.ts';
import type { Span } from '../model/profile.ts';
import { formatBytes } from '../model/units.ts';
import * as findingsPanel from '../views/findings-panel.ts';
import * as peaksTable from '../views/peaks-table.ts';
import * as sourceView from '../views/source-view.ts';
import type { SetAnalysis } from '../worker/set-analysis.ts';
import type { AppState, LoadedSet, PanelsState, Store } from './store.ts';
import { shows } from './tabs.ts';
import { currentSet } from './view-model.ts';

function knownFiles(set: LoadedSet): Set<string> {
  const files = new Set<string>();
  for (const { profile } of set.roles.statement) for (const r of profile.rows) files.add(r.file);
  for (const row of set.functions?.rows ?? []) {
    const file = frameFile(row.name);
    if (file) files.add(file);
  }
  return files;
}

/** A frame's `def` in the set's sources, as a source and span to show; null when none is known. */
function frameSource(analysis: SetAnalysis, name: string | null): { path: string; highlight: Span } | null {
  const file = name ? frameFile(name) : null;
  const index = file ? sourceFor(file, analysis.sources)?.outline : null;
  const def = index?.defs.find((d) => d.name === name!.slice(file!.length + 1) && d.kind === 'def');
  return index && def ? { path: index.path, highlight: def.span } : null;
}

/**
 * What the source view shows, derived from the store alone: a span chosen explicitly, else the
 * chosen frame's `def`, else the first finding's statement, else the first source.
 */
function shownSource(analysis: SetAnalysis, panels: PanelsState): { path: string | null; highlight: Span | null } {
  const first = panels.frame === null ? analysis.findings[0] : undefined;
  return (
    panels.source ??
    frameSource(analysis, panels.frame) ??
    (first
      ? { path: first.sourcePath, highlight: first.span }
      : { path: analysis.sources[0]?.path ?? null, highlight: null })
  );
}

/** The app's way to choose a frame: select it (and zoom to it), showing `source` (a span) when given. */
export type SelectFunction = (name: string, source?: PanelsState['source'], finding?: number) => void;

export function wireAnalysisPanels(
  store: Store,
  content: HTMLElement,
  selectFunction: SelectFunction,
): (state: AppState) => void {
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
  // The last drawn inputs: a redraw of the page with the same set, analysis and panels is skipped.
  let drawn: [LoadedSet, PanelsState] | null = null;

  function sourceProps(
    set: LoadedSet,
    analysis: SetAnalysis,
    shown: { path: string | null; highlight: Span | null },
  ): sourceView.SourceViewProps | null {
    const matched = analysis.sources.find((s) => s.path === shown.path);
    if (!matched) return null;
    const { outline: index, text } = matched;
    const file = profileFileFor(index.path, knownFiles(set));
    const lines = new Map<number, sourceView.LineFigures>();
    for (const { profile } of set.roles.statement) {
      for (const r of profile.rows) {
        if (r.file !== file) continue;
        const at = lines.get(r.span.line) ?? { seconds: 0, count: 0, bytes: null };
        lines.set(r.span.line, { ...at, seconds: at.seconds + r.seconds, count: at.count + r.count });
      }
    }
    for (const s of analysis.attribution.statements) {
      if (s.file !== file) continue;
      const at = lines.get(s.span.line) ?? { seconds: 0, count: 0, bytes: null };
      lines.set(s.span.line, { ...at, bytes: (at.bytes ?? 0) + s.own + s.calls });
    }
    const rows = new Map((set.functions?.metric === 'bytes' ? set.functions.rows : []).map((r) => [r.name, r]));
    const gutter = new Map(
      index.defs.flatMap((d) => {
        const row = rows.get(frameNameOf(file, d));
        return row ? [[d.span.line, formatBytes(row.total)] as const] : [];
      }),
    );
    const loops = index.loops
      .filter((l) => l.kind !== 'comprehension')
      .map((l) => {
        const hot = analysis.attribution.loops.find(
          (x) => x.file === file && x.span.line === l.span.line && x.span.column === l.span.column,
        );
        const extra = hot
          ? `; ${formatBytes(hot.bytes)} allocated with this as the innermost loop (${formatBytes(hot.throughBytes)} while it ran), via ${hot.frames.join(' → ')}`
          : '';
        return { span: l.span, label: `for ${l.targets.join(', ')} in ${l.iterable}${extra}` };
      });
    return {
      path: index.path,
      text,
      lines,
      gutter,
      loops,
      highlight: shown.highlight,
      ...(index.unreadable === undefined ? {} : { problem: index.unreadable }),
      onLine: (line) => {
        const def = [...index.defs]
          .reverse()
          .find((d) => d.kind === 'def' && line >= d.span.line && line < Math.max(d.span.endLine, d.span.line + 1));
        selectFunction(frameNameOf(file, def ?? null), {
          path: index.path,
          highlight: { line, column: 1, endLine: line, endColumn: 1 },
        });
      },
    };
  }

  function render(state: AppState): void {
    const set = currentSet(state);
    const analysis = set?.analysis;
    const visible = !!set && !!analysis && shows(state.view.tab, 'analysis');
    root.hidden = !visible;
    if (!visible || !set || !analysis) {
      drawn = null;
      return;
    }
    if (drawn && drawn[0] === set && drawn[1] === state.panels) return;
    drawn = [set, state.panels];
    renderPanels(set, analysis, state.panels);
  }

  function renderPanels(set: LoadedSet, analysis: SetAnalysis, panels: PanelsState): void {
    const fProps: findingsPanel.FindingsPanelProps = {
      findings: analysis.findings,
      selected: analysis.findings.length > 0 ? panels.finding : -1,
      hasSources: analysis.sources.length > 0,
      estimate: analysis.estimate,
      hotLoops: analysis.attribution.loops,
      onSelect: (i) => {
        const f = analysis.findings[i]!;
        selectFunction(f.function, { path: f.sourcePath, highlight: f.span }, i);
      },
    };
    const advisable = analysis.findings.length > 0 || analysis.sources.length > 0 || analysis.estimate !== null;
    if (!advisable) {
      findings?.destroy();
      findings = null;
    } else if (findings) findings.update(fProps);
    else findings = findingsPanel.create(columns, fProps);
    const sProps = sourceProps(set, analysis, shownSource(analysis, panels));
    if (!sProps) {
      source?.destroy();
      source = null;
    } else if (source) source.update(sProps);
    else source = sourceView.create(columns, sProps);
    renderPeaks(set, panels);
  }

  function renderPeaks(set: LoadedSet, panels: PanelsState): void {
    const logs = set.roles['event-log'].map((f) => f.profile);
    if (logs.length === 0) {
      peaks?.destroy();
      peaks = null;
      return;
    }
    const props: peaksTable.PeaksTableProps = {
      rows: computeFilePeaks(logs, panels.limit),
      limit: panels.limit,
      selected: panels.module,
      onSelect: (moduleId) => store.selectModule(moduleId),
      onLimit: (limit) => store.setPeakLimit(limit),
    };
    if (peaks) peaks.update(props);
    else peaks = peaksTable.create(root, props);
  }

  return render;
}
