// The flamegraph: the one adapter around d3-flame-graph (toolchain.md). It gets a fresh
// pruned projection on every render (the `Node$1` bug), search matches coloured from our own
// matcher (its search, with `new RegExp(term)`, is never called), our text-only tooltip, and
// our own click handling (views/flame-pointer.ts: zoom re-projects from the clicked node instead
// of walking the whole tree). It draws without transitions (drawAtOnce), so a zoom or search is
// one painted frame; views/flame-frames.ts finishes and marks the frames it drew.
import { select, selection, type BaseType, type Selection } from 'd3';
import flamegraph, { type FlameGraph } from 'd3-flame-graph';
import type { CallTree } from '../model/call-tree.ts';
import { assignColors, MATCH_COLOR, SMALL_COLOR, type LegendEntry } from './frame-colors.ts';
import { frameDetails, mergedDetails, type FrameContext } from './frame-details.ts';
import { projectFlame, projectionDepth, type ColorBy, type FlameDatum } from './flame-projection.ts';
import { KeptViews } from './kept-views.ts';
import type { DiffFrames } from './diff-colors.ts';
import {
  describeFrames,
  FrameFinisher,
  markFrames,
  rematchFrames,
  type BoundFrame,
  type DrawnFrame,
} from './flame-frames.ts';
import { wirePointer, type FlamePointer } from './flame-pointer.ts';

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
const RESIZE_DEBOUNCE_MS = 150;
/** Views kept hidden for a return (besides the one shown). */
const KEPT_VIEWS = 2;
/** Keys of props whose change needs a new projection (the rest restyle the drawn frames). */
const LAYOUT_KEYS = ['tree', 'weights', 'zoom', 'icicle', 'typeLeaves', 'colorBy', 'diff'] as const;

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
  colorOf: (d: BoundFrame) => string;
  /** The search its frames are coloured for. */
  matchedNames: Uint8Array | null;
  /** The props and width it was drawn for (zoom included). */
  drawnFor: FlamegraphProps;
  width: number;
}

/** Fill by search match, merged frame, the diff's change, then the colour key. */
function colorMapper(
  diff: DiffFrames | null | undefined,
  colors: ReturnType<typeof assignColors>,
): (d: BoundFrame) => string {
  return (d) =>
    d.data.matched
      ? MATCH_COLOR
      : d.data.merged
        ? SMALL_COLOR
        : diff
          ? diff.colorOf(d.data.node)
          : colors.colorOf(d.data.colorKey);
}

export function create(el: HTMLElement, initial: FlamegraphProps): FlamegraphView {
  const chart = new FlameChart(el, initial);
  return { update: (next) => chart.update(next), destroy: () => chart.destroy(), drawn: () => chart.drawn };
}

/** One chart element: the view shown, the views kept for a return, the pointer and the width. */
class FlameChart {
  readonly drawn = new Set<number>();
  private readonly chartEl = document.createElement('div');
  private readonly pointer: FlamePointer;
  private readonly finisher = new FrameFinisher();
  private readonly kept = new KeptViews<DrawnView>(KEPT_VIEWS, (v) => {
    v.chart.destroy();
    v.host.remove();
  });
  private readonly resize: ResizeObserver;
  private resizeTimer: ReturnType<typeof setTimeout> | undefined;
  private view: DrawnView | null = null;
  private width = 0;
  private drawnHidden = false;

  constructor(
    private readonly el: HTMLElement,
    private props: FlamegraphProps,
  ) {
    this.chartEl.className = 'flame-chart';
    el.appendChild(this.chartEl);
    this.pointer = wirePointer(this.chartEl, {
      details: (d) => this.detailsOf(d),
      zoom: (node) => this.props.onZoom(node),
    });
    this.resize = new ResizeObserver(() => this.resized());
    this.resize.observe(this.chartEl);
    this.render();
  }

  update(next: FlamegraphProps): void {
    const previous = this.props;
    this.props = next;
    if (LAYOUT_KEYS.some((k) => previous[k] !== next[k])) return this.render();
    if (previous.matchedNames !== next.matchedNames) this.rematch();
    this.mark();
  }

  destroy(): void {
    this.resize.disconnect();
    clearTimeout(this.resizeTimer);
    this.kept.clear();
    this.view?.chart.destroy();
    this.pointer.destroy();
    this.chartEl.remove();
  }

  private detailsOf(d: FlameDatum): string[] {
    const props = this.props;
    if (props.diff && !d.merged) return props.diff.details(d.node);
    return d.merged ? mergedDetails(props, d.merged, d.value, d.node) : frameDetails(props, d.node);
  }

  /**
   * Dragging a window edge fires many resizes: redraw once they pause. A chart that was drawn
   * while hidden (no width of its own) redraws at once when it is shown.
   */
  private resized(): void {
    clearTimeout(this.resizeTimer);
    const fresh = () => Math.floor(this.chartEl.clientWidth) !== this.width && this.chartEl.clientWidth > 0;
    if (fresh() && this.drawnHidden) this.render();
    else this.resizeTimer = setTimeout(() => fresh() && this.render(), RESIZE_DEBOUNCE_MS);
  }

  private render(): void {
    // The frame under the pointer is replaced: its mouseout never comes, so no tooltip may stay.
    this.pointer.hide();
    this.drawnHidden = this.chartEl.clientWidth === 0;
    this.width = Math.max(200, Math.floor(this.chartEl.clientWidth || this.el.clientWidth || 960));
    if (this.view) this.kept.keep(hide(this.view));
    const back = this.kept.take(
      (v) => this.sameLayout(v),
      (v) => v.drawnFor.zoom === this.props.zoom,
    );
    // Shown where it is: drawing new views first and moving the kept ones behind the shown one
    // (tried, to keep the shown view first) had the root view's whole subtree styled again from
    // the second zoom out on (1,478 elements instead of 56, Chromium 156).
    back?.host.classList.remove('kept');
    this.view = back ?? this.draw();
    this.props.onLegend?.(this.view.legend);
    if (this.view.matchedNames !== this.props.matchedNames) this.rematch();
    this.mark();
  }

  /** Same drawing: every layout prop but the zoom, and the width. */
  private sameLayout(v: DrawnView): boolean {
    return v.width === this.width && LAYOUT_KEYS.every((k) => k === 'zoom' || v.drawnFor[k] === this.props[k]);
  }

  /** Projects and draws the zoomed subtree into a new host at the end of the chart. */
  private draw(): DrawnView {
    const props = this.props;
    const host = this.chartEl.appendChild(document.createElement('div'));
    const projection = projectFlame(props.tree, props.weights, {
      root: props.zoom,
      widthPx: this.width,
      typeLeaves: props.typeLeaves,
      colorBy: props.colorBy,
      matchedNames: props.matchedNames,
    });
    const colors = assignColors(projection.weightByKey);
    const colorOf = colorMapper(props.diff, colors);
    const chart = this.newChart(colorOf);
    const root = projection.root;
    drawAtOnce(host, chart, root);
    const svg = select(host).select('svg');
    // d3-flame-graph leaves three empty rows under an icicle (root on top): no blank band on a phone.
    if (props.icicle) svg.attr('height', (projectionDepth(root) + 1) * CELL_HEIGHT + 2);
    svg.attr('role', 'group').attr('aria-label', 'flamegraph; click a frame to zoom');
    this.finisher.finish(host);
    const frames = describeFrames(host, props);
    const { legend } = colors;
    return {
      host,
      chart,
      root,
      frames,
      legend,
      colorOf,
      matchedNames: props.matchedNames,
      drawnFor: props,
      width: this.width,
    };
  }

  private newChart(colorOf: (d: BoundFrame) => string): FlameGraph<FlameDatum> {
    return flamegraph<FlameDatum>()
      .width(this.width)
      .cellHeight(CELL_HEIGHT)
      .minFrameSize(1)
      .transitionDuration(0)
      .inverted(this.props.icicle)
      .sort((a, b) => (a.data.merged ? 1 : b.data.merged ? -1 : b.data.value - a.data.value))
      .tooltip(this.pointer.hoverTip)
      .setColorMapper((d) => colorOf(d));
  }

  private rematch(): void {
    const view = this.view;
    if (!view) return;
    rematchFrames(view.host, view.root, this.props.tree, this.props.matchedNames, view.colorOf);
    view.matchedNames = this.props.matchedNames;
  }

  /** The drawn nodes, the focused frame and the selected function's frames. */
  private mark(): void {
    markFrames(this.view?.frames ?? [], this.props.focused, this.props.selectedName, this.drawn);
  }
}

/** Hides a view for a return; focus and selection marks are only on the shown view. */
function hide(left: DrawnView): DrawnView {
  left.host.classList.add('kept');
  markFrames(left.frames, -1, null, new Set()); // no focus, no selection
  return left;
}
