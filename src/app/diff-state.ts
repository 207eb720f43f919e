// The comparison's part of the view and its URL hash keys:
// `base=<set>&target=<set>&dwidth=max&dscale=share&dtree=time&dzoom=a;b&burl=…&turl=…`.
// Values from the hash are untrusted text; enumerations are checked, the rest stays text.

/** What the Compare tab shows; round-trips through the hash like every other view. */
export interface DiffView {
  /** Set names (untrusted), null until picked. */
  base: string | null;
  target: string | null;
  /** Frame widths by the target, or by the larger of both sides (gone frames stay visible). */
  width: 'target' | 'max';
  /** Colour by absolute change, or by the change of each side's share of its total. */
  scale: 'absolute' | 'share';
  /** Which pair of trees to draw when both heap and time flames exist. */
  tree: 'heap' | 'time';
  /** The zoomed frame as a stack path; [] = everything. */
  zoom: string[];
  /** Where the base and target sets were loaded from, so a shared link loads them again. */
  baseUrl: string | null;
  targetUrl: string | null;
}

export const DEFAULT_DIFF: DiffView = {
  base: null,
  target: null,
  width: 'target',
  scale: 'absolute',
  tree: 'heap',
  zoom: [],
  baseUrl: null,
  targetUrl: null,
};

const DIFF_KEYS = ['base', 'target', 'dwidth', 'dscale', 'dtree', 'dzoom', 'burl', 'turl'];

/** `;` never occurs inside a folded-stack frame name. */
const FRAME_SEPARATOR = ';';

/**
 * Reads the comparison keys through the hash reader `text` (which already caps lengths); null
 * when the hash has none of them.
 *
 * @example readDiffParams((k) => new URLSearchParams('base=a&dwidth=max').get(k))
 *   // { ...DEFAULT_DIFF, base: 'a', width: 'max' }
 */
export function readDiffParams(text: (key: string) => string | null): DiffView | null {
  if (!DIFF_KEYS.some((key) => text(key) !== null)) return null;
  const zoom = text('dzoom');
  return {
    base: text('base'),
    target: text('target'),
    width: text('dwidth') === 'max' ? 'max' : 'target',
    scale: text('dscale') === 'share' ? 'share' : 'absolute',
    tree: text('dtree') === 'time' ? 'time' : 'heap',
    zoom: zoom ? zoom.split(FRAME_SEPARATOR) : [],
    baseUrl: text('burl'),
    targetUrl: text('turl'),
  };
}

/** Writes the comparison keys that differ from the defaults, in a stable order. */
export function writeDiffParams(params: URLSearchParams, diff: DiffView): void {
  if (diff.base !== null) params.set('base', diff.base);
  if (diff.target !== null) params.set('target', diff.target);
  if (diff.width !== DEFAULT_DIFF.width) params.set('dwidth', diff.width);
  if (diff.scale !== DEFAULT_DIFF.scale) params.set('dscale', diff.scale);
  if (diff.tree !== DEFAULT_DIFF.tree) params.set('dtree', diff.tree);
  if (diff.zoom.length > 0) params.set('dzoom', diff.zoom.join(FRAME_SEPARATOR));
  if (diff.baseUrl) params.set('burl', diff.baseUrl);
  if (diff.targetUrl) params.set('turl', diff.targetUrl);
}

/** Picking other sets or zooming is navigation (back undoes it); toggles are not. */
export function isDiffNavigation(before: DiffView, after: DiffView): boolean {
  return (
    before.base !== after.base ||
    before.target !== after.target ||
    before.zoom.join(FRAME_SEPARATOR) !== after.zoom.join(FRAME_SEPARATOR)
  );
}
