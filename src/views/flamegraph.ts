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
import { projectFlame, type ColorBy, type FlameDatum } from './flame-projection.ts';
import { fitLabel } from './frame-label.ts';
import { createTooltip } from './tooltip.ts';
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

/** Rows below `root` in a projection (it is small: bounded by what fits on screen). */
function depthOf(root: FlameDatum): number {
  let deepest = 0;
  const stack: [FlameDatum, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [d, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const c of d.children) stack.push([c, depth + 1]);
  }
  return deepest;
}

/** Text width in the label's own font (canvas measureText: no layout). */
function textMeasure(label: HTMLElement): (text: string) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return (text) => text.length * 6.6;
  ctx.font = getComputedStyle(label).font;
  return (text) => ctx.measureText(text).width;
}

/** Keys of props whose change needs a new projection (the rest restyle the drawn frames). */
const LAYOUT_KEYS = ['tree', 'weights', 'zoom', 'icicle', 'typeLeaves', 'colorBy', 'diff'] as const;

type Frame = FrameNode<FlameDatum>;

export function create(el: HTMLElement, initial: FlamegraphProps): FlamegraphView {
  const chartEl = document.createElement('div');
  chartEl.className = 'flame-chart';
  el.appendChild(chartEl);
  const tooltip = createTooltip(document.body);
  let props = initial;
  let chart: FlameGraph<FlameDatum> | null = null;
  let root: FlameDatum | null = null;
  let width = 0;
  let drawnHidden = false;
  /** Fill of a drawn frame: search matches first (our matcher sets `matched`, never d3-flame-graph's search). */
  let colorOf: (d: Frame) => string = () => SMALL_COLOR;
  const drawn = new Set<number>();

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

  function render(): void {
    // The frame under the pointer is replaced: its mouseout never comes, so no tooltip may stay.
    tooltip.hide();
    chart?.destroy();
    chartEl.replaceChildren();
    drawnHidden = chartEl.clientWidth === 0;
    width = Math.max(200, Math.floor(chartEl.clientWidth || el.clientWidth || 960));
    const projection = projectFlame(props.tree, props.weights, {
      root: props.zoom,
      widthPx: width,
      typeLeaves: props.typeLeaves,
      colorBy: props.colorBy,
      matchedNames: props.matchedNames,
    });
    root = projection.root;
    const colors = assignColors(projection.weightByKey);
    props.onLegend?.(colors.legend);
    colorOf = (d) =>
      d.data.matched
        ? MATCH_COLOR
        : d.data.merged
          ? SMALL_COLOR
          : props.diff
            ? props.diff.colorOf(d.data.node)
            : colors.colorOf(d.data.colorKey);
    chart = flamegraph<FlameDatum>()
      .width(width)
      .cellHeight(CELL_HEIGHT)
      .minFrameSize(1)
      .transitionDuration(0)
      .inverted(props.icicle)
      .sort((a, b) => (a.data.merged ? 1 : b.data.merged ? -1 : b.data.value - a.data.value))
      .tooltip(hoverTip)
      .setColorMapper((d) => colorOf(d));
    drawAtOnce(chartEl, chart, root);
    // d3-flame-graph leaves three empty rows under an icicle (root on top): no blank band on a phone.
    if (props.icicle)
      select(chartEl)
        .select('svg')
        .attr('height', (depthOf(root) + 1) * CELL_HEIGHT + 2);
    fitLabels();
    select(chartEl).select('svg').attr('role', 'group').attr('aria-label', 'flamegraph; click a frame to zoom');
    label();
  }

  /**
   * Label text that keeps the end of the name (frame-label.ts) where d3-flame-graph would cut
   * it at the end. d3-flame-graph hides the label of a frame narrower than 35 px but not its
   * foreignObject, which the browser still styles, lays out and paints as a box of its own.
   * Hiding the box too takes 684 of the 697 label boxes at the root of the 100 MB flame out of
   * that work (zoom out to the root: median ~55 → ~42 ms).
   */
  function fitLabels(): void {
    let measure: ((text: string) => number) | null = null;
    for (const g of chartEl.querySelectorAll<SVGGElement>('g.frame')) {
      const box = g.querySelector('foreignObject');
      const label = box?.firstElementChild as HTMLElement | null;
      if (!box || !label) continue;
      if (label.style.display === 'none') {
        box.style.display = 'none';
        continue;
      }
      measure ??= textMeasure(label);
      label.textContent = fitLabel(
        g.getAttribute('name') ?? '',
        Number(box.getAttribute('width')) - LABEL_MARGIN_PX,
        measure,
      );
    }
  }

  /** aria-labels, the focused frame and the selected function's frames. */
  function label(): void {
    drawn.clear();
    const total = props.weights[0]!;
    select(chartEl)
      .selectAll<SVGGElement, Frame>('g.frame')
      .each(function (d) {
        drawn.add(d.data.node);
        const g = select(this);
        // Faded ancestors are drawn as wide as the zoomed frame; their label keeps their own weight.
        const value = d.data.merged ? d.data.value : props.weights[d.data.node]!;
        g.attr('aria-label', `${d.data.name}: ${describeWeight(value, props.unit)}, ${formatPercent(value, total)}`);
        g.classed('focused', !d.data.merged && d.data.node === props.focused);
        g.classed('selected', !d.data.merged && props.selectedName !== null && d.data.name === props.selectedName);
        if (props.diff && !d.data.merged) markChange(g, props.diff, d.data.node);
      });
  }

  /**
   * Marks matches on the current projection (bounded by what is drawn) and recolours the drawn
   * frames; a search changes nothing else, so the chart is not redrawn.
   */
  function rematch(): void {
    if (!root || !chart) return;
    const stack = [root];
    while (stack.length > 0) {
      const d = stack.pop()!;
      d.matched =
        props.matchedNames !== null && d.node > 0 && !d.merged && props.matchedNames[props.tree.name[d.node]!] === 1;
      appendAll(stack, d.children);
    }
    select(chartEl).selectAll<SVGGElement, Frame>('g.frame').select('rect').attr('fill', colorOf);
    label();
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
      if (LAYOUT_KEYS.some((k) => previous[k] !== next[k])) render();
      else if (previous.matchedNames !== next.matchedNames) rematch();
      else label();
    },
    destroy() {
      resize.disconnect();
      clearTimeout(resizeTimer);
      chart?.destroy();
      tooltip.destroy();
      chartEl.remove();
    },
    drawn: () => drawn,
  };
}
