// The flamegraph: the one adapter around d3-flame-graph (toolchain.md). It gets a fresh
// pruned projection on every render (the `Node$1` bug), search matches coloured from our own
// matcher (its search, with `new RegExp(term)`, is never called), our text-only tooltip, and
// our own click handling (zoom re-projects from the clicked node instead of walking the whole
// tree). It draws without transitions (drawAtOnce), so a zoom or search is one painted frame.
import { select, selection, type BaseType, type Selection } from 'd3';
import flamegraph, { type FlameGraph, type FrameNode } from 'd3-flame-graph';
import type { CallTree } from '../model/call-tree.ts';
import { formatPercent } from '../model/units.ts';
import { assignColors, MATCH_COLOR, SMALL_COLOR, type LegendEntry } from './frame-colors.ts';
import { describeWeight, frameDetails, mergedDetails, type FrameContext } from './frame-details.ts';
import { projectFlame, projectionDepth, type ColorBy, type FlameDatum } from './flame-projection.ts';
import { fitLabel } from './frame-label.ts';
import { createTooltip } from './tooltip.ts';
import { textMeasure, toggleClass } from './dom.ts';
import { KeptViews } from './kept-views.ts';
import { markChange, type DiffFrames } from './diff-colors.ts';
import { appendAll } from '../model/arrays.ts';

export interface FlamegraphProps extends FrameContext {
  tree: CallTree;
  /** The zoomed node (0 = everything). */
  zoom: number;
  icicle: boolean;
  typeLeaves: boolean;
  colorBy: ColorBy;
  /** Per name id, 1 when the search matches; null when there is no search. */
  matchedNames: Uint8Array | null;
  /** Keyboard focus (-1 = none) and the function picked in the table. */
  focused: number;
  selectedName: string | null;
  onZoom(node: number): void;
  onLegend?(entries: LegendEntry[]): void;
  /** A differential flamegraph: colours, tooltips and labels by change (views/diff-colors.ts). */
  diff?: DiffFrames | null;
}

export interface FlamegraphView {
  update(props: FlamegraphProps): void;
  destroy(): void;
  /** Node ids drawn right now (for keyboard moves that stay on screen). */
  drawn(): ReadonlySet<number>;
}

const CELL_HEIGHT = 18;
/** d3-flame-graph's label margins (4 px each side) and a pixel for rounding. */
const LABEL_MARGIN_PX = 9;
const RESIZE_DEBOUNCE_MS = 150;

/**
 * d3-flame-graph draws through d3 transitions: a frame's new position, width and label text
 * are set in later animation frames, and new frames' widths grow over d3's default 250 ms
 * whatever transitionDuration says (their transition sets no duration), which held a zoom's
 * last change ~280 ms after the input. While it draws, `transition()` hands back the
 * selection itself (with duration, ease and delay that do nothing), so every attribute is set
 * at once and no transition (two timers a frame) is created.
 */
function drawAtOnce(host: HTMLElement, chart: FlameGraph<FlameDatum>, root: FlameDatum): void {
  const proto = selection.prototype as { transition: unknown };
  const transition = proto.transition;
  proto.transition = function (this: Selection<BaseType, unknown, BaseType, unknown>) {
    return Object.assign(Object.create(this) as object, { duration: itself, ease: itself, delay: itself });
  };
  try {
    select(host).datum(root).call(chart);
  } finally {
    proto.transition = transition;
  }
}

function itself<T>(this: T): T {
  return this;
}

/**
 * Moves a frame's position from its `<g>`'s `translate` (d3-flame-graph's) to its rectangle's and
 * label box's x and y. A transform on each of ~700 `<g>`s gives every frame a transform node of
 * its own in the browser's paint property trees, so each one was styled, pre-painted and painted
 * apart: re-attaching 700 frames took 9.9 ms of style and layout with the transforms and 5.2
 * without (a test page, median of 25), and zoom out to the root of the 100 MB flame ~5 ms less
 * main-thread CPU a round (pre-paint and paint halved; docs/performance.md, seventh session).
 */
function placeFrame(g: SVGGElement): void {
  const shift = g.transform.baseVal.consolidate()?.matrix;
  if (!shift || shift.a !== 1 || shift.b !== 0 || shift.c !== 0 || shift.d !== 1) return;
  g.removeAttribute('transform');
  for (const part of g.children) {
    part.setAttribute('x', String(shift.e));
    part.setAttribute('y', String(shift.f));
  }
}

/** Keys of props whose change needs a new projection (the rest restyle the drawn frames). */
const LAYOUT_KEYS = ['tree', 'weights', 'zoom', 'icicle', 'typeLeaves', 'colorBy', 'diff'] as const;

type Frame = FrameNode<FlameDatum>;

/**
 * A drawn chart. A view left by a zoom is kept, hidden in place (the `kept` class:
 * `content-visibility: hidden`), so a return to it (zoom out to the whole tree, the most common
 * move) shows its frames again instead of projecting, partitioning and creating ~700 frames. A
 * detached view re-attached had all its 1,478 elements styled and laid out again at the root of
 * the 100 MB flame; one hidden in place keeps its style and layout (56 elements styled, ~6 ms
 * less main-thread CPU a zoom out), and the browser only paints it.
 */
interface DrawnView {
  host: HTMLDivElement;
  chart: FlameGraph<FlameDatum>;
  root: FlameDatum;
  frames: DrawnFrame[];
  legend: LegendEntry[];
  /** Fill of a frame: search matches first (our matcher sets `matched`, never d3-flame-graph's search). */
  colorOf: (d: Frame) => string;
  /** The search its frames are coloured for. */
  matchedNames: Uint8Array | null;
  /** The props and width it was drawn for (zoom included). */
  drawnFor: FlamegraphProps;
  width: number;
}

interface DrawnFrame {
  g: SVGGElement;
  d: FlameDatum;
}

/** Views kept hidden for a return (besides the one shown). */
const KEPT_VIEWS = 2;

export function create(el: HTMLElement, initial: FlamegraphProps): FlamegraphView {
  const chartEl = document.createElement('div');
  chartEl.className = 'flame-chart';
  el.appendChild(chartEl);
  const tooltip = createTooltip(document.body);
  let props = initial;
  let view: DrawnView | null = null;
  const kept = new KeptViews<DrawnView>(KEPT_VIEWS, (v) => {
    v.chart.destroy();
    v.host.remove();
  });
  let width = 0;
  let drawnHidden = false;
  const drawn = new Set<number>();
  /** Label text width, measured in the labels' font (read once, from the first label drawn). */
  let measure: ((text: string) => number) | null = null;

  const detailsOf = (d: FlameDatum): string[] =>
    props.diff && !d.merged
      ? props.diff.details(d.node)
      : d.merged
        ? mergedDetails(props, d.merged, d.value, d.node)
        : frameDetails(props, d.node);

  /** Where a click zoomed: the redrawn frame under a still pointer gets no tooltip until it moves. */
  let zoomedAt: { x: number; y: number } | null = null;

  // d3-flame-graph calls show/hide on hover; we fill our own element with text.
  const hoverTip = Object.assign(() => {}, {
    show(event: MouseEvent, d: Frame) {
      if (zoomedAt && zoomedAt.x === event.clientX && zoomedAt.y === event.clientY) return hoverTip;
      zoomedAt = null;
      tooltip.show(detailsOf(d.data), event.clientX, event.clientY);
      return hoverTip;
    },
    hide() {
      tooltip.hide();
      return hoverTip;
    },
  });

  function frameOf(target: EventTarget | null): Frame | null {
    const g = (target as Element | null)?.closest?.('g.frame');
    return g ? (select(g).datum() as Frame) : null;
  }

  // Capture phase: we zoom by re-projecting, so d3-flame-graph's own click-zoom never runs.
  chartEl.addEventListener(
    'click',
    (event) => {
      const frame = frameOf(event.target);
      if (!frame) return;
      event.stopPropagation();
      tooltip.hide();
      zoomedAt = { x: event.clientX, y: event.clientY };
      props.onZoom(frame.data.node);
    },
    true,
  );

  /** Same drawing: every layout prop but the zoom, and the width. */
  const sameLayout = (v: DrawnView) =>
    v.width === width && LAYOUT_KEYS.every((k) => k === 'zoom' || v.drawnFor[k] === props[k]);

  function render(): void {
    // The frame under the pointer is replaced: its mouseout never comes, so no tooltip may stay.
    tooltip.hide();
    drawnHidden = chartEl.clientWidth === 0;
    width = Math.max(200, Math.floor(chartEl.clientWidth || el.clientWidth || 960));
    if (view) kept.keep(hide(view));
    const back = kept.take(sameLayout, (v) => v.drawnFor.zoom === props.zoom);
    view = back ?? draw();
    if (back) show(back);
    props.onLegend?.(view.legend);
    if (view.matchedNames !== props.matchedNames) rematch();
    mark();
  }

  /** Hides a view for a return; focus and selection marks are only on the shown view. */
  function hide(left: DrawnView): DrawnView {
    left.host.classList.add('kept');
    for (const { g } of left.frames) {
      toggleClass(g, 'focused', false);
      toggleClass(g, 'selected', false);
    }
    return left;
  }

  /**
   * Shows a kept view where it is. Views are never moved: drawing new views first and moving the
   * kept ones behind the shown one (tried, to keep the shown view first) had the root view's
   * whole subtree styled again from the second zoom out on (1,478 elements instead of 56,
   * Chromium 156).
   */
  function show(back: DrawnView): void {
    back.host.classList.remove('kept');
  }

  /** Projects and draws the zoomed subtree into a new host at the end of the chart. */
  function draw(): DrawnView {
    const host = chartEl.appendChild(document.createElement('div'));
    const projection = projectFlame(props.tree, props.weights, {
      root: props.zoom,
      widthPx: width,
      typeLeaves: props.typeLeaves,
      colorBy: props.colorBy,
      matchedNames: props.matchedNames,
    });
    const root = projection.root;
    const colors = assignColors(projection.weightByKey);
    const diff = props.diff;
    const colorOf = (d: Frame) =>
      d.data.matched
        ? MATCH_COLOR
        : d.data.merged
          ? SMALL_COLOR
          : diff
            ? diff.colorOf(d.data.node)
            : colors.colorOf(d.data.colorKey);
    const chart = flamegraph<FlameDatum>()
      .width(width)
      .cellHeight(CELL_HEIGHT)
      .minFrameSize(1)
      .transitionDuration(0)
      .inverted(props.icicle)
      .sort((a, b) => (a.data.merged ? 1 : b.data.merged ? -1 : b.data.value - a.data.value))
      .tooltip(hoverTip)
      .setColorMapper((d) => colorOf(d));
    drawAtOnce(host, chart, root);
    const svg = select(host).select('svg');
    // d3-flame-graph leaves three empty rows under an icicle (root on top): no blank band on a phone.
    if (props.icicle) svg.attr('height', (projectionDepth(root) + 1) * CELL_HEIGHT + 2);
    svg.attr('role', 'group').attr('aria-label', 'flamegraph; click a frame to zoom');
    fitLabels(host);
    const frames = describe(host);
    const legend = colors.legend;
    return { host, chart, root, frames, legend, colorOf, matchedNames: props.matchedNames, drawnFor: props, width };
  }

  /**
   * Label text that keeps the end of the name (frame-label.ts) where d3-flame-graph would cut
   * it at the end. d3-flame-graph hides the label of a frame narrower than 35 px but not its
   * foreignObject, which the browser still styles, lays out and paints as a box of its own.
   * Removing the box takes 684 of the 697 label boxes at the root of the 100 MB flame out of
   * that work (hiding it: zoom out to the root, median ~55 → ~42 ms; removing it also spares
   * its own style, a third of the elements a re-attached view is styled for). Every render
   * draws a new chart, so d3-flame-graph never looks for a removed box again.
   */
  function fitLabels(host: HTMLElement): void {
    for (const g of host.querySelectorAll<SVGGElement>('g.frame')) {
      placeFrame(g);
      const box = g.querySelector('foreignObject');
      const label = box?.firstElementChild as HTMLElement | null;
      if (!box || !label) continue;
      if (label.style.display === 'none') {
        box.remove();
        continue;
      }
      // Once per view: getComputedStyle on a new label forces a style pass over the whole new
      // chart in the middle of the draw (~20 ms a zoom at the root of a 100 MB flame).
      measure ??= textMeasure(label);
      label.textContent = fitLabel(
        g.getAttribute('name') ?? '',
        Number(box.getAttribute('width')) - LABEL_MARGIN_PX,
        measure,
      );
    }
  }

  /**
   * aria-labels (and the diff's marks), once per drawing: they depend only on layout props.
   * Returns the drawn frames, for marking the focused and selected ones without a DOM query.
   */
  function describe(host: HTMLElement): DrawnFrame[] {
    const total = props.weights[0]!;
    const frames: DrawnFrame[] = [];
    select(host)
      .selectAll<SVGGElement, Frame>('g.frame')
      .each(function (d) {
        frames.push({ g: this, d: d.data });
        const g = select(this);
        // Faded ancestors are drawn as wide as the zoomed frame; their label keeps their own weight.
        const value = d.data.merged ? d.data.value : props.weights[d.data.node]!;
        g.attr('aria-label', `${d.data.name}: ${describeWeight(value, props.unit)}, ${formatPercent(value, total)}`);
        if (props.diff && !d.data.merged) markChange(g, props.diff, d.data.node);
      });
    return frames;
  }

  /** The drawn nodes, the focused frame and the selected function's frames. */
  function mark(): void {
    drawn.clear();
    for (const { g, d } of view?.frames ?? []) {
      drawn.add(d.node);
      toggleClass(g, 'focused', !d.merged && d.node === props.focused);
      toggleClass(g, 'selected', !d.merged && props.selectedName !== null && d.name === props.selectedName);
    }
  }

  /**
   * Marks matches on the current projection (bounded by what is drawn) and recolours the frames
   * whose match changed; a search changes nothing else, so the chart is not redrawn.
   */
  function rematch(): void {
    if (!view) return;
    const changed = new Set<FlameDatum>();
    const stack = [view.root];
    while (stack.length > 0) {
      const d = stack.pop()!;
      const matched =
        props.matchedNames !== null && d.node > 0 && !d.merged && props.matchedNames[props.tree.name[d.node]!] === 1;
      if (matched !== d.matched) changed.add(d);
      d.matched = matched;
      appendAll(stack, d.children);
    }
    view.matchedNames = props.matchedNames;
    if (changed.size === 0) return;
    const colorOf = view.colorOf;
    select(view.host)
      .selectAll<SVGGElement, Frame>('g.frame')
      .filter((d) => changed.has(d.data))
      .select('rect')
      .attr('fill', colorOf);
  }

  chartEl.addEventListener('mouseleave', () => tooltip.hide());

  // Dragging a window edge fires many resizes: redraw once they pause. A chart that was drawn
  // while hidden (no width of its own) redraws at once when it is shown.
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  const resize = new ResizeObserver(() => {
    clearTimeout(resizeTimer);
    const fresh = () => Math.floor(chartEl.clientWidth) !== width && chartEl.clientWidth > 0;
    if (fresh() && drawnHidden) render();
    else resizeTimer = setTimeout(() => fresh() && render(), RESIZE_DEBOUNCE_MS);
  });
  resize.observe(chartEl);
  render();

  return {
    update(next) {
      const previous = props;
      props = next;
      if (LAYOUT_KEYS.some((k) => previous[k] !== next[k])) return render();
      if (previous.matchedNames !== next.matchedNames) rematch();
      mark();
    },
    destroy() {
      resize.disconnect();
      clearTimeout(resizeTimer);
      kept.clear();
      view?.chart.destroy();
      tooltip.destroy();
      chartEl.remove();
    },
    drawn: () => drawn,
  };
}
