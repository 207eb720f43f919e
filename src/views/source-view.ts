// A Starlark source with the profiles laid over it: per-line allocated bytes from the stack-led
// attribution (a statement's own allocations and its callees'), time and Count heat from the
// statement profile, per-function bytes in the gutter at each `def`, loops marked with the bytes
// whose innermost loop they are, the chosen statement highlighted. A click on a line asks the app
// to select that line's function. Text only.
import type { Span } from '../model/profile.ts';
import { formatBytes, formatNumber } from '../model/units.ts';
import { type Panel, el, mountPanel } from './dom.ts';
import { maxOf } from '../model/arrays.ts';

export interface LineFigures {
  seconds: number;
  count: number;
  /** Attributed bytes of the statements that start on the line (null when no attribution). */
  bytes: number | null;
}

export interface SourceViewProps {
  /** Path as given (untrusted text). */
  path: string;
  text: string;
  /** Statement figures by 1-based line (a statement counts on the line it starts). */
  lines: ReadonlyMap<number, LineFigures>;
  /** Gutter text by line: the bytes of the function a `def` line starts. */
  gutter: ReadonlyMap<number, string>;
  loops: readonly { span: Span; label: string }[];
  highlight: Span | null;
  /** Why the file could not be indexed (its lines then carry no bytes); absent when it was. */
  problem?: string;
  /** A line of the file was clicked. */
  onLine(line: number): void;
}

function within(span: Span, line: number): boolean {
  return (
    line >= span.line &&
    (line < span.endLine || (line === span.endLine && (span.endColumn > 1 || span.line === span.endLine)))
  );
}

function heat(value: number, max: number): string {
  const alpha = max > 0 ? Math.min(1, value / max) : 0;
  // The colour is the theme's (--heat-rgb in app/theme.css); the text on it stays ≥ 4.5:1 up to 0.7.
  return alpha > 0 ? `rgb(var(--heat-rgb) / ${(0.08 + alpha * 0.62).toFixed(3)})` : '';
}

function row(
  props: SourceViewProps,
  line: number,
  code: string,
  max: { seconds: number; count: number; bytes: number },
): HTMLTableRowElement {
  const tr = el('tr', 'src-line');
  tr.dataset.line = String(line);
  const figures = props.lines.get(line);
  const loop = props.loops.find((l) => l.span.line === line);
  if (props.loops.some((l) => within(l.span, line))) tr.classList.add('in-loop');
  if (props.highlight && within(props.highlight, line)) tr.classList.add('hl');
  const bytes = el('td', 'heat alloc', figures?.bytes ? formatBytes(figures.bytes) : '');
  bytes.style.background = heat(figures?.bytes ?? 0, max.bytes);
  const time = el('td', 'heat time', figures ? `${(figures.seconds * 1000).toFixed(0)} ms` : '');
  time.style.background = heat(figures?.seconds ?? 0, max.seconds);
  const count = el('td', 'heat count', figures ? formatNumber(figures.count) : '');
  count.style.background = heat(figures?.count ?? 0, max.count);
  const mark = el('td', 'loop-mark', loop ? '↻' : '');
  if (loop) {
    mark.title = loop.label;
    tr.classList.add('loop-head');
  }
  tr.append(
    el('td', 'gutter', props.gutter.get(line) ?? ''),
    bytes,
    time,
    count,
    mark,
    el('td', 'line-no', String(line)),
    el('td', 'code', code),
  );
  tr.addEventListener('click', () => props.onLine(line));
  return tr;
}

export function create(root: HTMLElement, initial: SourceViewProps): Panel<SourceViewProps> {
  return mountPanel(root, 'source-view', 'source-view', initial, (box, props) => {
    const figures = [...props.lines.values()];
    const max = {
      seconds: maxOf(
        figures.map((f) => f.seconds),
        0,
      ),
      count: maxOf(
        figures.map((f) => f.count),
        0,
      ),
      bytes: maxOf(
        figures.map((f) => f.bytes ?? 0),
        0,
      ),
    };
    const table = el('table', 'source');
    const head = table.createTHead().insertRow();
    for (const [label, title] of [
      ['bytes', 'allocated by the function a def starts (heap profile, GC off)'],
      [
        'alloc',
        'allocated by the statements starting on this line and the defs they call (stack-led attribution, GC off)',
      ],
      ['time', 'statement time on this line'],
      ['count', 'statement Count: 1 + the calls evaluated in the statement, per run (not runs)'],
      ['', 'loop'],
      ['', ''],
      [props.path, ''],
    ] as const) {
      const th = el('th', '', label);
      th.title = title;
      head.append(th);
    }
    const body = table.createTBody();
    props.text.split('\n').forEach((code, i) => body.append(row(props, i + 1, code.replace(/\r$/, ''), max)));
    const problem = props.problem === undefined ? [] : [el('p', 'problem', `Not indexed: ${props.problem}`)];
    box.replaceChildren(...problem, table);
    // Scroll the view itself, not the page: the flamegraph above stays where the user left it.
    const hl = box.querySelector<HTMLElement>('tr.hl');
    if (hl) box.scrollTop = Math.max(0, hl.offsetTop - box.clientHeight / 2);
  });
}
