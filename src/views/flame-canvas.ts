// The flamegraph's first picture on a canvas, drawn by the parse worker on the OffscreenCanvas the
// preboot script hands it (tools/worker-preboot-plugin.ts), before the page has the parsed tree.
// It draws the same pruned projection (flame-projection.ts) with the same colours
// (frame-colors.ts), labels (frame-label.ts) and layout as the interactive chart's first frame:
// d3's partition, the children order and the 1 px cut that views/flamegraph.ts gives
// d3-flame-graph. Nothing here is interactive; the d3-flame-graph view replaces it.
import { hierarchy, partition, type HierarchyRectangularNode } from 'd3';
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
function chartOrder(a: { data: FlameDatum }, b: { data: FlameDatum }): number {
  return a.data.merged ? 1 : b.data.merged ? -1 : b.data.value - a.data.value;
}

/**
 * Frame boxes in CSS pixels, as d3-flame-graph lays out `projection.root` at `width` with
 * `minFrameSize(1)`: a faded ancestor is as wide as what it holds, every other frame its value;
 * root on top (`icicle`) or at the bottom. The height is the live chart's for that direction.
 */
export function layoutFlameCanvas(projection: Projection, width: number, icicle: boolean): CanvasLayout {
  const root = hierarchy(projection.root, (d) => d.children);
  // d3-flame-graph's reappraisal: a frame's own part is its value less its children's; a faded
  // frame (an ancestor of the zoomed one) has none, so it is as wide as what it holds.
  root.sum((d) => (d.fade ? 0 : d.value - d.children.reduce((s, c) => s + (c.fade ? 0 : c.value), 0)));
  root.sort(chartOrder);
  const laid: HierarchyRectangularNode<FlameDatum> = partition<FlameDatum>()(root);
  const shown = laid.descendants().filter((n) => (n.x1 - n.x0) * width > 1);
  const maxDepth = shown.reduce((m, n) => Math.max(m, n.depth), 0);
  // views/flamegraph.ts trims an icicle to its rows; d3-flame-graph leaves three rows under a flame.
  const height = icicle ? (maxDepth + 1) * CANVAS_CELL_HEIGHT + 2 : (maxDepth + 3) * CANVAS_CELL_HEIGHT;
  const colors = assignColors(projection.weightByKey);
  const frames = shown.map((n) => ({
    x: n.x0 * width,
    y: icicle ? n.depth * CANVAS_CELL_HEIGHT : height - (n.depth + 1) * CANVAS_CELL_HEIGHT,
    width: (n.x1 - n.x0) * width,
    name: n.data.name,
    fill: n.data.matched ? MATCH_COLOR : n.data.merged ? SMALL_COLOR : colors.colorOf(n.data.colorKey),
    fade: n.data.fade,
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
