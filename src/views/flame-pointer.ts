// The pointer on a flamegraph chart: our text-only tooltip on hover (d3-flame-graph calls its
// show/hide) and click-to-zoom, which we handle ourselves (views/flamegraph.ts re-projects from
// the clicked node instead of letting d3-flame-graph walk and re-zoom the whole tree).
import { select } from 'd3';
import type { BoundFrame } from './flame-frames.ts';
import type { FlameDatum } from './flame-projection.ts';
import { createTooltip } from './tooltip.ts';

/** What d3-flame-graph's `tooltip()` takes: a function object with show and hide. */
export interface HoverTip {
  (): void;
  show(event: MouseEvent, d: BoundFrame): HoverTip;
  hide(): HoverTip;
}

export interface FlamePointer {
  /** Given to every chart drawn in the element. */
  hoverTip: HoverTip;
  /** Hides the tooltip (the frame under the pointer is being replaced). */
  hide(): void;
  destroy(): void;
}

export interface PointerActions {
  /** The tooltip's lines for a frame. */
  details(d: FlameDatum): string[];
  /** A click on a frame. */
  zoom(node: number): void;
}

function frameOf(target: EventTarget | null): BoundFrame | null {
  const g = (target as Element | null)?.closest?.('g.frame');
  return g ? (select(g).datum() as BoundFrame) : null;
}

export function wirePointer(chartEl: HTMLElement, actions: PointerActions): FlamePointer {
  const tooltip = createTooltip(document.body);
  /** Where a click zoomed: the redrawn frame under a still pointer gets no tooltip until it moves. */
  let zoomedAt: { x: number; y: number } | null = null;
  const hoverTip: HoverTip = Object.assign(() => {}, {
    show(event: MouseEvent, d: BoundFrame) {
      if (zoomedAt && zoomedAt.x === event.clientX && zoomedAt.y === event.clientY) return hoverTip;
      zoomedAt = null;
      tooltip.show(actions.details(d.data), event.clientX, event.clientY);
      return hoverTip;
    },
    hide() {
      tooltip.hide();
      return hoverTip;
    },
  });
  // Capture phase: we zoom by re-projecting, so d3-flame-graph's own click-zoom never runs.
  const onClick = (event: MouseEvent) => {
    const frame = frameOf(event.target);
    if (!frame) return;
    event.stopPropagation();
    tooltip.hide();
    zoomedAt = { x: event.clientX, y: event.clientY };
    actions.zoom(frame.data.node);
  };
  const onLeave = () => tooltip.hide();
  chartEl.addEventListener('click', onClick, true);
  chartEl.addEventListener('mouseleave', onLeave);
  return {
    hoverTip,
    hide: () => tooltip.hide(),
    destroy() {
      chartEl.removeEventListener('click', onClick, true);
      chartEl.removeEventListener('mouseleave', onLeave);
      tooltip.destroy();
    },
  };
}
