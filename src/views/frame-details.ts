// The words shown for one frame (tooltip, keyboard focus line, aria-label): plain strings, so
// a view can only ever set them with textContent.
import type { FunctionStats } from '../analysis/function-table.ts';
import { NodeKind, nodeName, type CallTree } from '../model/call-tree.ts';
import type { PprofFrame } from '../model/profile.ts';
import { formatNumber, formatPercent, formatValue, type MetricUnit } from '../model/units.ts';
import { fileOfFrame } from './frame-colors.ts';

export interface FrameContext {
  tree: CallTree;
  weights: Float64Array;
  unit: MetricUnit;
  /** Per-node allocation counts, when the set has a heap summary to join. */
  allocs: Float64Array | null;
  /** Per-function figures (table rows), looked up by frame name. */
  functionRow: (name: string) => FunctionStats | null;
  /** pprof profiles: the function behind a node (its full path and lines), null elsewhere. */
  frameSource?: (node: number) => PprofFrame | null;
}

/** `file: macros/defs.bzl (/home/u/ws/macros/defs.bzl), lines 18, 20`: the full path stays in details. */
function sourceLine(frame: PprofFrame): string {
  if (frame.kind === 'builtin') return `builtin (file ${frame.file || 'not given'})`;
  const full = frame.path !== frame.file ? ` (${frame.path})` : '';
  const lines =
    frame.lines.length > 0
      ? `, line${frame.lines.length === 1 ? '' : 's'} ${[...frame.lines]
          .sort((a, b) => a - b)
          .slice(0, 8)
          .join(', ')}`
      : '';
  return `file: ${frame.file || '(not given)'}${full}${lines}`;
}

/** `3.0 KiB (3,032 bytes)` or `12 ms`: human and exact, so totals can be checked. */
export function describeWeight(value: number, unit: MetricUnit): string {
  const human = formatValue(value, unit);
  return unit === 'bytes' ? `${human} (${formatNumber(Math.round(value))} bytes)` : human;
}

/** Weight recorded in the frame itself: its own value plus its type leaves. */
export function selfWeight(ctx: FrameContext, node: number): number {
  let children = 0;
  for (let c = node + 1; c < ctx.tree.end[node]!; c = ctx.tree.end[c]!) {
    if (ctx.tree.kind[c] !== NodeKind.Type) children += ctx.weights[c]!;
  }
  return ctx.weights[node]! - children;
}

/** The value types a frame allocated directly, heaviest first: `dict 63%, list 21%`. */
export function typeMix(ctx: FrameContext, node: number, limit = 4): string {
  const parts: { name: string; w: number }[] = [];
  let sum = 0;
  for (let c = node + 1; c < ctx.tree.end[node]!; c = ctx.tree.end[c]!) {
    if (ctx.tree.kind[c] !== NodeKind.Type) continue;
    parts.push({ name: nodeName(ctx.tree, c), w: ctx.weights[c]! });
    sum += ctx.weights[c]!;
  }
  parts.sort((a, b) => b.w - a.w);
  const shown = parts.slice(0, limit).map((p) => `${p.name} ${formatPercent(p.w, sum)}`);
  if (parts.length > limit) shown.push(`${parts.length - limit} more`);
  return shown.join(', ');
}

/** Lines for a frame's tooltip; the first is the name. */
export function frameDetails(ctx: FrameContext, node: number): string[] {
  const { tree, weights, unit } = ctx;
  const name = node === 0 ? 'all' : nodeName(tree, node);
  const value = weights[node]!;
  const parent = node === 0 ? -1 : tree.parent[node]!;
  const lines = [name];
  if (tree.kind[node] === NodeKind.Type)
    lines.push(`value type, allocated directly by ${parent > 0 ? nodeName(tree, parent) : 'the module (no function)'}`);
  else if (tree.kind[node] === NodeKind.Group) lines.push('stacks grouped by peakscope (no engine frame)');
  else if (node > 0) {
    const source = ctx.frameSource?.(node) ?? null;
    lines.push(source ? sourceLine(source) : `file: ${fileOfFrame(name) || '(none: module top level)'}`);
  }
  lines.push(describeWeight(value, unit));
  lines.push(
    `${formatPercent(value, weights[0]!)} of total${parent >= 0 ? `, ${formatPercent(value, weights[parent]!)} of parent` : ''}`,
  );
  if (tree.kind[node] !== NodeKind.Type) lines.push(`self: ${describeWeight(selfWeight(ctx, node), unit)}`);
  if (ctx.allocs) lines.push(`allocations: ≈${formatNumber(Math.round(ctx.allocs[node]!))} on this stack`);
  const row = node > 0 ? ctx.functionRow(name)?.summary : null;
  if (row) {
    lines.push(
      `function (summary CSV): ${formatNumber(row.allocs)} allocations, made ${formatNumber(row.calls)} calls`,
    );
    if (row.calls > 0 && unit === 'bytes')
      lines.push(`bytes per call made: ${formatValue(Math.round(value / row.calls), unit)}`);
  }
  const mix = node > 0 ? typeMix(ctx, node) : '';
  if (mix) lines.push(`types: ${mix}`);
  return lines;
}

/** Lines for a node that stands for several frames (see `FlameDatum.merged`). */
export function mergedDetails(
  ctx: FrameContext,
  merged: { kind: 'small' | 'deeper' | 'above'; count: number },
  value: number,
  target: number,
): string[] {
  const weight = `${describeWeight(value, ctx.unit)}, ${formatPercent(value, ctx.weights[0]!)} of total`;
  const name = nodeName(ctx.tree, target);
  if (merged.kind === 'above')
    return [`${merged.count} levels above`, 'ancestors of the zoomed frame, folded', `click to zoom out to ${name}`];
  if (merged.kind === 'deeper')
    return [
      'deeper frames',
      weight,
      'stacks go deeper than the levels drawn',
      `click to zoom into the heaviest: ${name}`,
    ];
  return [
    `${merged.count} small frames`,
    weight,
    'each narrower than a pixel at this zoom',
    `click to zoom into the largest: ${name}`,
  ];
}
