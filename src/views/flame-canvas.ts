// The flamegraph's first picture on a canvas, drawn by the parse worker on the OffscreenCanvas the
// preboot script hands it (tools/worker-preboot-plugin.ts), before the page has the parsed tree.
// It draws the same pruned projection (flame-projection.ts) with the same colours
// (frame-colors.ts), labels (frame-label.ts) and layout as the interactive chart's first frame:
// d3's partition, the children order and the 1 px cut that views/flamegraph.ts gives
// d3-flame-graph. The partition is worked out here as d3 works it out, to the last bit
// (test/views/flame-canvas.test.ts holds it to d3's): d3's passes over node objects of its own
// took ~6 of the ~27 ms of the worker's cold first picture in Chromium. Nothing here is
// interactive; the d3-flame-graph view replaces it.
import { assignColors, MATCH_COLOR, SMALL_COLOR } from './frame-colors.ts';
import { fitLabel } from './frame-label.ts';
import type { FlameDatum, Projection } from './flame-projection.ts';

/** As the live chart (views/flamegraph.ts and the label CSS in app/style.css). */
export const CANVAS_CELL_HEIGHT = 18;
export const CANVAS_LABEL_FONT = "11px system-ui, 'DejaVu Sans', sans-serif";
/** d3-flame-graph shows no label on a frame narrower than this. */
const MIN_LABEL_WIDTH = 35;
/** The label's left margin, and both margins plus a pixel for rounding (views/flamegraph.ts). */
const LABEL_LEFT_PX = 4;
const LABEL_MARGIN_PX = 9;
/** d3-flame-graph's `.fade` opacity, for ancestors of a zoomed frame. */
const FADE_OPACITY = 0.6;

export interface CanvasFrame {
  x: number;
  y: number;
  width: number;
  name: string;
  fill: string;
  fade: boolean;
}

export interface CanvasLayout {
  width: number;
  height: number;
  frames: CanvasFrame[];
}

/** The chart's children order: heaviest first, a merged "N small frames" node last. */
function chartOrder(a: FlameDatum, b: FlameDatum): number {
  return a.merged ? 1 : b.merged ? -1 : b.value - a.value;
}

/**
 * What d3's `hierarchy(root).sum(…)` gives each frame with d3-flame-graph's reappraisal: its
 * own part is its value less its children's (a faded frame, an ancestor of the zoomed one, has
 * none, so it is as wide as what it holds), plus its children's sums added last child first,
 * as d3 adds them, so that every sum is d3's to the last bit.
 */
function partitionSums(root: FlameDatum): Map<FlameDatum, number> {
  const order: FlameDatum[] = [root];
  for (let i = 0; i < order.length; i++) for (const c of order[i]!.children) order.push(c);
  const sums = new Map<FlameDatum, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const d = order[i]!;
    let shown = 0;
    for (const c of d.children) shown += c.fade ? 0 : c.value;
    let sum = +(d.fade ? 0 : d.value - shown) || 0;
    for (let k = d.children.length - 1; k >= 0; k--) sum += sums.get(d.children[k]!)!;
    sums.set(d, sum);
  }
  return sums;
}

/** A frame's span of the chart's width (0 to 1) and its row. */
interface Span {
  datum: FlameDatum;
  depth: number;
  x0: number;
  x1: number;
}

/**
 * d3's `partition()` of that hierarchy with its children in chart order, in d3's breadth-first
 * order: a frame's children split its span in proportion to their sums, from its left edge.
 */
function partitionSpans(root: FlameDatum): Span[] {
  const sums = partitionSums(root);
  const spans: Span[] = [{ datum: root, depth: 0, x0: 0, x1: 1 }];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    const sum = sums.get(span.datum)!;
    const k = sum && (span.x1 - span.x0) / sum;
    let x = span.x0;
    for (const c of [...span.datum.children].sort(chartOrder)) {
      spans.push({ datum: c, depth: span.depth + 1, x0: x, x1: (x += sums.get(c)! * k) });
    }
    if (span.x1 < span.x0) span.x0 = span.x1 = (span.x0 + span.x1) / 2;
  }
  return spans;
}

/**
 * Frame boxes in CSS pixels, as d3-flame-graph lays out `projection.root` at `width` with
 * `minFrameSize(1)`: a faded ancestor is as wide as what it holds, every other frame its value;
 * root on top (`icicle`) or at the bottom. The height is the live chart's for that direction.
 */
export function layoutFlameCanvas(projection: Projection, width: number, icicle: boolean): CanvasLayout {
  const shown = partitionSpans(projection.root).filter((s) => (s.x1 - s.x0) * width > 1);
  const maxDepth = shown.reduce((m, s) => Math.max(m, s.depth), 0);
  // views/flamegraph.ts trims an icicle to its rows; d3-flame-graph leaves three rows under a flame.
  const height = icicle ? (maxDepth + 1) * CANVAS_CELL_HEIGHT + 2 : (maxDepth + 3) * CANVAS_CELL_HEIGHT;
  const colors = assignColors(projection.weightByKey);
  const frames = shown.map(({ datum, depth, x0, x1 }) => ({
    x: x0 * width,
    y: icicle ? depth * CANVAS_CELL_HEIGHT : height - (depth + 1) * CANVAS_CELL_HEIGHT,
    width: (x1 - x0) * width,
    name: datum.name,
    fill: datum.matched ? MATCH_COLOR : datum.merged ? SMALL_COLOR : colors.colorOf(datum.colorKey),
    fade: datum.fade,
  }));
  return { width, height, frames };
}

/** The label a frame shows ('' when too narrow), as the live chart fits it. */
export function canvasLabel(frame: CanvasFrame, measure: (text: string) => number): string {
  return frame.width < MIN_LABEL_WIDTH ? '' : fitLabel(frame.name, frame.width - LABEL_MARGIN_PX, measure);
}

/** The part of a 2D context the drawing uses (an OffscreenCanvas's, or a test's recorder). */
export interface FlameCanvasContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  globalAlpha: number;
  font: string;
  textBaseline: CanvasTextBaseline;
  save(): void;
  restore(): void;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
}

/**
 * Draws the layout at `scale` device pixels per CSS pixel. A 1 px strip around every box stays
 * clear: the SVG's frame stroke is the page's background colour in both themes, and the
 * transparent canvas shows that background, so one drawing fits either theme.
 */
export function drawFlameCanvas(ctx: FlameCanvasContext, layout: CanvasLayout, scale: number): void {
  ctx.save();
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.clearRect(0, 0, layout.width, layout.height);
  ctx.font = CANVAS_LABEL_FONT;
  ctx.textBaseline = 'middle';
  const measure = (text: string) => ctx.measureText(text).width;
  for (const f of layout.frames) {
    ctx.globalAlpha = f.fade ? FADE_OPACITY : 1;
    ctx.fillStyle = f.fill;
    ctx.fillRect(f.x + 0.5, f.y + 0.5, Math.max(0, f.width - 1), CANVAS_CELL_HEIGHT - 1);
    const label = canvasLabel(f, measure);
    if (!label) continue;
    ctx.fillStyle = '#000';
    ctx.fillText(label, f.x + LABEL_LEFT_PX, f.y + CANVAS_CELL_HEIGHT / 2);
  }
  ctx.restore();
}
