// The current flamegraph as export data: the same pruned projection and colours the live chart
// draws (flame-projection.ts, frame-colors.ts), flattened to columns for the SVG/PNG export and
// the HTML snapshot, and serialised as a standalone SVG with XMLSerializer (never by string
// concatenation, so `<`, `&` and quotes in frame names stay text).
import { formatValue } from '../model/units.ts';
import { DIFF_SCALE_LEGEND, type DiffFrames } from './diff-colors.ts';
import { assignColors, MATCH_COLOR, SMALL_COLOR } from './frame-colors.ts';
import { frameDetails, mergedDetails, type FrameContext } from './frame-details.ts';
import { projectFlame, type ColorBy, type FlameDatum } from './flame-projection.ts';
import { snapshotProgram, type SnapshotData, type SnapshotFrames } from './export-snapshot.ts';
import { fitLabel } from './frame-label.ts';

export interface FlameExportInput extends FrameContext {
  zoom: number;
  widthPx: number;
  icicle: boolean;
  typeLeaves: boolean;
  colorBy: ColorBy;
  matchedNames: Uint8Array | null;
  /** A differential flamegraph (the Compare tab): its colours, words and legend. */
  diff?: DiffFrames | null;
}

/** Height of one frame row, as the live chart (views/flamegraph.ts). */
export const EXPORT_CELL_HEIGHT = 18;

/** Children in the live chart's order: heaviest first, the "N small frames" node last. */
function ordered(children: FlameDatum[]): FlameDatum[] {
  return [...children].sort((a, b) => (a.merged ? 1 : b.merged ? -1 : b.value - a.value));
}

/**
 * The frames the chart shows for `input`, in pre-order, plus the legend. The zoomed frame is
 * `zoom` in the result; the frames before it are its ancestors.
 */
export function exportFrames(input: FlameExportInput): {
  frames: SnapshotFrames;
  zoom: number;
  legend: SnapshotData['legend'];
} {
  const projection = projectFlame(input.tree, input.weights, {
    root: input.zoom,
    widthPx: input.widthPx,
    typeLeaves: input.typeLeaves,
    colorBy: input.colorBy,
    matchedNames: input.matchedNames,
  });
  const colors = assignColors(projection.weightByKey);
  const frames: SnapshotFrames = { name: [], value: [], parent: [], color: [], detail: [] };
  let zoom = 0;
  const stack: { d: FlameDatum; parent: number }[] = [{ d: projection.root, parent: -1 }];
  while (stack.length > 0) {
    const { d, parent } = stack.pop()!;
    const index = frames.name.length;
    if (d.node === input.zoom && !d.merged) zoom = index;
    frames.name.push(d.name);
    frames.value.push(d.value);
    frames.parent.push(parent);
    const diff = input.diff && !d.merged ? input.diff : null;
    frames.color.push(
      d.matched ? MATCH_COLOR : d.merged ? SMALL_COLOR : diff ? diff.colorOf(d.node) : colors.colorOf(d.colorKey),
    );
    frames.detail.push(
      (diff
        ? diff.details(d.node)
        : d.merged
          ? mergedDetails(input, d.merged, d.value, d.node)
          : frameDetails(input, d.node)
      ).join('\n'),
    );
    const kids = ordered(d.children);
    for (let k = kids.length - 1; k >= 0; k--) stack.push({ d: kids[k]!, parent: index });
  }
  const legend = input.diff
    ? DIFF_SCALE_LEGEND.map((e) => ({ ...e, text: '' }))
    : colors.legend.map((e) => ({ key: e.key, color: e.color, text: formatValue(e.weight, input.unit) }));
  return { frames, zoom, legend };
}

/**
 * What XML 1.0 cannot hold (§2.2 Char): C0 controls but tab, LF and CR, lone surrogates, U+FFFE
 * and U+FFFF. XMLSerializer writes them as they are, which leaves a file no XML reader accepts
 * (issue 17: a name with U+001B drew half the frames and broke the PNG export).
 */
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with every character XML cannot hold shown as U+FFFD. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\ufffd');
}

/**
 * A standalone SVG document (XML declaration, xmlns, inline attributes): the data's flamegraph
 * under its title, summary, zoom path and legend, so the file alone says what it shows.
 */
export function flameSvg(doc: Document, data: SnapshotData): { text: string; width: number; height: number } {
  const svg = snapshotProgram(fitLabel).drawFigure(doc, data);
  // Only text and attribute values can hold such characters: the markup itself is ours.
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${xmlSafe(new XMLSerializer().serializeToString(svg))}\n`;
  return { text, width: Number(svg.getAttribute('width')), height: Number(svg.getAttribute('height')) };
}
