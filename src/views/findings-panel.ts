// The advisor's findings, each with its evidence, confidence and a link to the Buck2 guide, and
// the peak figures with the kind of bound each is. A click on a finding asks the app to show its
// function in the flamegraph and its statement in the source view. Text only.
import type { Finding } from '../analysis/advisor.ts';
import type { HotLoop } from '../analysis/attribution.ts';
import type { PeakEstimate } from '../analysis/peak-estimate.ts';
import { spanLabel } from '../model/profile.ts';
import { formatBytes } from '../model/units.ts';
import { type Panel, el, externalLink, mountPanel } from './dom.ts';

export interface FindingsPanelProps {
  findings: readonly Finding[];
  /** Index of the finding shown in the source view, or -1. */
  selected: number;
  /** Whether Starlark sources were given (without them the rules cannot name a statement). */
  hasSources: boolean;
  estimate: PeakEstimate | null;
  /** The attribution's loops by bytes, named when no rule fires. */
  hotLoops: readonly HotLoop[];
  onSelect(index: number): void;
}

/** How many hot loops are named without a finding. */
const HOT_LOOPS_SHOWN = 3;

/** Where the bytes went when no rule explains them: the top loops with bytes and file:line. */
function hotLoopList(loops: readonly HotLoop[]): HTMLElement[] {
  if (loops.length === 0) return [];
  const list = el('ol', 'hot-loops');
  for (const l of loops.slice(0, HOT_LOOPS_SHOWN)) {
    const via = l.frames.length > 1 ? ` (allocated in ${l.frames.slice(1).join(' → ')})` : '';
    list.append(el('li', '', `${formatBytes(l.bytes)} — ${l.file}:${l.span.line} in ${l.function}: ${l.header}${via}`));
  }
  return [el('p', 'hot-loops-title', 'Hot loops by attributed bytes:'), list];
}

/**
 * The rules write code in Markdown backticks (`f(x)`): each pair becomes a <code> element
 * holding its text; an unpaired backtick stays as it is. Text only, never markup.
 */
export function textWithCode(tag: 'p' | 'li', className: string, text: string): HTMLElement {
  const box = el(tag, className);
  const parts = text.split('`');
  if (parts.length % 2 === 0) parts.splice(-2, 2, `${parts.at(-2)}\`${parts.at(-1)}`);
  parts.forEach((part, i) => {
    if (i % 2 === 1) box.append(el('code', '', part));
    else if (part) box.append(part);
  });
  return box;
}

const KIND_WORDS = { 'best-estimate': 'best estimate', 'upper-bound': 'upper bound', measured: 'measured' } as const;

function findingItem(f: Finding, index: number, props: FindingsPanelProps): HTMLLIElement {
  const li = el('li', `finding confidence-${f.confidence}${index === props.selected ? ' selected' : ''}`);
  li.dataset.cause = f.cause;
  const head = el('button', 'finding-head');
  head.type = 'button';
  head.append(
    el('span', 'cause', f.cause),
    el('span', 'confidence', f.confidence),
    el('span', 'where', `${f.file}:${spanLabel(f.span)} in ${f.function}`),
    el('span', 'bytes', formatBytes(f.bytes)),
  );
  head.addEventListener('click', () => props.onSelect(index));
  const evidence = el('ul', 'evidence');
  for (const line of f.evidence) evidence.append(textWithCode('li', '', line));
  const why = el('p', 'why', `How sure: ${f.confidence} — ${f.confidenceReason}.`);
  const guide = el('p', 'guide');
  guide.append('Guide: ', externalLink(f.guide, 'Debugging Excess Starlark Peak Memory'));
  li.append(head, textWithCode('p', 'message', f.message), evidence, why, guide);
  return li;
}

function estimateSection(estimate: PeakEstimate): HTMLElement {
  const section = el('section', 'peak-estimate');
  section.append(el('h3', '', 'What drove the peak'));
  const table = el('table', 'estimate-table');
  for (const fig of estimate.figures) {
    const row = table.insertRow();
    row.append(
      el('td', 'num', formatBytes(fig.bytes)),
      el('td', `kind ${fig.kind}`, KIND_WORDS[fig.kind]),
      el('td', '', `${fig.label}: ${fig.explanation}`),
    );
  }
  const calls = el('ol', 'top-level-calls');
  for (const c of estimate.topLevelCalls.slice(0, 5))
    calls.append(el('li', '', `${c.name} — ${formatBytes(c.bytes)} (${(c.share * 100).toFixed(1)}%)`));
  const notes = el('ul', 'honest-notes');
  for (const n of estimate.notes) notes.append(el('li', '', n));
  section.append(table, el('p', 'calls-title', 'Top-level calls (children of module) by bytes:'), calls, notes);
  return section;
}

export function create(root: HTMLElement, initial: FindingsPanelProps): Panel<FindingsPanelProps> {
  return mountPanel(root, 'findings', 'findings-panel', initial, (box, props) => {
    const title = el('h2', '', props.findings.length > 0 ? `Findings (${props.findings.length})` : 'Findings');
    const list = el('ol', 'finding-list');
    props.findings.forEach((f, i) => list.append(findingItem(f, i, props)));
    const empty =
      props.findings.length > 0
        ? []
        : [
            el(
              'p',
              'empty-findings',
              props.hasSources
                ? 'No rule fired on this set: no pattern of the guide both appears in the sources and carries a large share of the bytes.'
                : 'Drop or pick the .bzl/BUCK sources (or the folder holding them), now or later, to get findings at a function and statement.',
            ),
            ...hotLoopList(props.hotLoops),
          ];
    box.replaceChildren(title, ...empty, list, ...(props.estimate ? [estimateSection(props.estimate)] : []));
  });
}
