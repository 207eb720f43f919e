// The frames of one drawn flamegraph chart, after d3-flame-graph has drawn them: where they sit,
// their label text, what they say to a screen reader, and the marks that change without a
// redraw (search matches, the focused frame, the selected function). views/flamegraph.ts draws
// the chart and calls these; only it imports d3-flame-graph, so the frames are typed here by the
// datum d3 binds to each `<g class="frame">`.
import { select } from 'd3';
import type { CallTree } from '../model/call-tree.ts';
import { formatPercent, type MetricUnit } from '../model/units.ts';
import { markChange, type DiffFrames } from './diff-colors.ts';
import { describeWeight } from './frame-details.ts';
import type { FlameDatum } from './flame-projection.ts';
import { fitLabel } from './frame-label.ts';
import { textMeasure, toggleClass } from './dom.ts';
import { appendAll } from '../model/arrays.ts';

/** What d3 binds to a frame's `<g>`: d3-flame-graph's hierarchy node around our datum. */
export interface BoundFrame {
  data: FlameDatum;
}

/** A drawn frame: its `<g>` and the datum it stands for. */
export interface DrawnFrame {
  g: SVGGElement;
  d: FlameDatum;
}

/** d3-flame-graph's label margins (4 px each side) and a pixel for rounding. */
const LABEL_MARGIN_PX = 9;

/**
 * Moves a frame's position from its `<g>`'s `translate` (d3-flame-graph's) to its rectangle's and
 * label box's x and y. A transform on each of ~700 `<g>`s gives every frame a transform node of
 * its own in the browser's paint property trees, so each one was styled, pre-painted and painted
 * apart: re-attaching 700 frames took 9.9 ms of style and layout with the transforms and 5.2
 * without (a test page, median of 25), and zoom out to the root of the 100 MB flame ~2.5 ms less
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

/**
 * Places the frames of a new chart (placeFrame) and fits their labels: label text that keeps the
 * end of the name (frame-label.ts) where d3-flame-graph would cut it at the end. d3-flame-graph
 * hides the label of a frame narrower than 35 px but not its foreignObject, which the browser
 * still styles, lays out and paints as a box of its own. Removing the box takes 684 of the 697
 * label boxes at the root of the 100 MB flame out of that work (hiding it: zoom out to the root,
 * median ~55 → ~42 ms; removing it also spares its own style, a third of the elements a view is
 * styled for). Every render draws a new chart, so d3-flame-graph never looks for a removed box.
 */
export class FrameFinisher {
  /** Label text width, measured in the labels' font (read once, from the first label drawn). */
  private measure: ((text: string) => number) | null = null;

  finish(host: HTMLElement): void {
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
      this.measure ??= textMeasure(label);
      label.textContent = fitLabel(
        g.getAttribute('name') ?? '',
        Number(box.getAttribute('width')) - LABEL_MARGIN_PX,
        this.measure,
      );
    }
  }
}

export interface FrameWords {
  weights: Float64Array;
  unit: MetricUnit;
  diff?: DiffFrames | null;
}

/**
 * aria-labels (and the diff's marks), once per drawing: they depend only on layout props.
 * Returns the drawn frames, for marking the focused and selected ones without a DOM query.
 */
export function describeFrames(host: HTMLElement, words: FrameWords): DrawnFrame[] {
  const total = words.weights[0]!;
  const frames: DrawnFrame[] = [];
  select(host)
    .selectAll<SVGGElement, BoundFrame>('g.frame')
    .each(function (d) {
      frames.push({ g: this, d: d.data });
      const g = select(this);
      // Faded ancestors are drawn as wide as the zoomed frame; their label keeps their own weight.
      const value = d.data.merged ? d.data.value : words.weights[d.data.node]!;
      g.attr('aria-label', `${d.data.name}: ${describeWeight(value, words.unit)}, ${formatPercent(value, total)}`);
      if (words.diff && !d.data.merged) markChange(g, words.diff, d.data.node);
    });
  return frames;
}

/** Marks the focused frame and the selected function's frames; fills `drawn` with their nodes. */
export function markFrames(
  frames: readonly DrawnFrame[],
  focused: number,
  selectedName: string | null,
  drawn: Set<number>,
): void {
  drawn.clear();
  for (const { g, d } of frames) {
    drawn.add(d.node);
    toggleClass(g, 'focused', !d.merged && d.node === focused);
    toggleClass(g, 'selected', !d.merged && selectedName !== null && d.name === selectedName);
  }
}

/**
 * Marks matches on a drawn projection (bounded by what is drawn) and recolours the frames whose
 * match changed; a search changes nothing else, so the chart is not redrawn.
 */
export function rematchFrames(
  host: HTMLElement,
  root: FlameDatum,
  tree: CallTree,
  matchedNames: Uint8Array | null,
  colorOf: (d: BoundFrame) => string,
): void {
  const changed = new Set<FlameDatum>();
  const stack = [root];
  while (stack.length > 0) {
    const d = stack.pop()!;
    const matched = matchedNames !== null && d.node > 0 && !d.merged && matchedNames[tree.name[d.node]!] === 1;
    if (matched !== d.matched) changed.add(d);
    d.matched = matched;
    appendAll(stack, d.children);
  }
  if (changed.size === 0) return;
  select(host)
    .selectAll<SVGGElement, BoundFrame>('g.frame')
    .filter((d) => changed.has(d.data))
    .select('rect')
    .attr('fill', colorOf);
}
