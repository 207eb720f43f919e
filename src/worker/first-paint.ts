// The first flamegraph of a `#url=` load, drawn here as soon as the tree is built: on the
// OffscreenCanvas the preboot script put in the page (tools/worker-preboot-plugin.ts), before
// the worker derives the set, runs the analysis and hands the result over, and before the page
// has drawn anything. It shows what the interactive chart's first frame shows for a plain
// `#url=` link (the preboot sends a canvas for no other hash): the set's first metric from the
// root, root on top, type leaves, coloured by value type. The page replaces it with the
// d3-flame-graph view (app/flame-panel.ts).
import { setMetrics } from '../analysis/metrics.ts';
import { classifyRun } from '../analysis/run-roles.ts';
import { groupIntoSets } from '../model/profile-set.ts';
import type { ParsedFile } from '../model/profile.ts';
import { formatPercent } from '../model/units.ts';
import { CANVAS_LABEL_FONT, drawFlameCanvas, layoutFlameCanvas } from '../views/flame-canvas.ts';
import { projectFlame, type FlameDatum } from '../views/flame-projection.ts';

/** What the preboot script sends: the canvas, the chart's width in CSS px and the device pixel ratio. */
export interface FirstPaintTarget {
  canvas: OffscreenCanvas;
  width: number;
  scale: number;
}

/** The formats whose tree the first picture draws. */
const DRAWN_FORMATS: ReadonlySet<string> = new Set(['heap-flame', 'time-flame', 'pprof']);

/** Whether a first file of `format` can get a first picture (null: no format, none). */
export function drawsFirstPicture(format: string | null): boolean {
  return format !== null && DRAWN_FORMATS.has(format);
}

/** Frames named in the text alternative. */
const DESCRIBED_FRAMES = 5;

/**
 * Looks the label font up on the canvas as soon as it arrives, while the file still downloads:
 * a worker's first measureText does that lookup, 1–4 ms of a cold first picture. Draws nothing.
 */
export function prepareFirstPaint(target: FirstPaintTarget): void {
  const ctx = target.canvas.getContext('2d');
  if (!ctx) return;
  ctx.font = CANVAS_LABEL_FONT;
  ctx.measureText('all');
}

/**
 * Draws the load's flamegraph on the canvas when the load is one set with a call tree; returns
 * the picture's text alternative, or null when nothing was drawn.
 */
export function paintFirstFlame(target: FirstPaintTarget, files: readonly ParsedFile[]): string | null {
  const sets = groupIntoSets(files);
  if (sets.length !== 1) return null;
  const set = sets[0]!;
  const metric = setMetrics(classifyRun(set.files), set.name)[0];
  const profile = metric ? set.files[metric.fileIndex]?.profile : null;
  if (!metric || !profile || !('tree' in profile) || !drawsFirstPicture(profile.format) || metric.total[0]! <= 0)
    return null;
  const projection = projectFlame(profile.tree, metric.total, {
    root: 0,
    widthPx: target.width,
    typeLeaves: true,
    colorBy: 'type',
  });
  const layout = layoutFlameCanvas(projection, target.width, true);
  target.canvas.width = Math.round(layout.width * target.scale);
  target.canvas.height = Math.round(layout.height * target.scale);
  const ctx = target.canvas.getContext('2d');
  if (!ctx) return null;
  drawFlameCanvas(ctx, layout, target.scale);
  return describeFirstPaint(projection.root, metric.label);
}

/** `flamegraph of allocated bytes; widest frames under the root: a 40%, b 12%, …`. */
export function describeFirstPaint(root: FlameDatum, metricLabel: string): string {
  const widest = [...root.children]
    .filter((c) => !c.merged)
    .sort((a, b) => b.value - a.value)
    .slice(0, DESCRIBED_FRAMES)
    .map((c) => `${c.name} ${formatPercent(c.value, root.value)}`);
  const under = widest.length > 0 ? `; widest frames under the root: ${widest.join(', ')}` : '';
  return `Flamegraph of ${metricLabel} (a first picture; the interactive chart replaces it)${under}`;
}
