// The view in the URL hash: `#set=…&metric=bytes&zoom=module;a.bzl.f&search=…&tab=table&url=…`.
// Every value read from the hash is untrusted text: unknown keys are ignored, enumerations are
// checked against their allowed values, and the rest stays text (never HTML, never code).
import { COLOR_MODES, DEFAULT_VIEW, TABS, type ColorMode, type Tab, type ViewState } from './store.ts';
import { METRIC_KEY } from '../analysis/metrics.ts';
import { DEFAULT_DIFF, isDiffNavigation, readDiffParams, writeDiffParams } from './diff-state.ts';

/** Frames are joined with `;`, which folded stacks never allow inside a frame name. */
const FRAME_SEPARATOR = ';';
/** Longest value we read from the hash: a pasted link cannot make us hold megabytes. */
const VALUE_LIMIT = 8192;

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/**
 * Reads a hash (`#a=1&b=2` or `a=1&b=2`) into a view; missing or invalid values keep defaults.
 *
 * @example parseHash('#zoom=module;test.star.test&tab=table').zoom // ['module', 'test.star.test']
 */
export function parseHash(hash: string): ViewState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const text = (key: string): string | null => {
    const v = params.get(key);
    return v === null ? null : v.slice(0, VALUE_LIMIT);
  };
  const zoom = text('zoom');
  return {
    set: text('set'),
    metric: METRIC_KEY.test(text('metric') ?? '') ? text('metric') : null,
    zoom: zoom ? zoom.split(FRAME_SEPARATOR) : [],
    search: text('search') ?? '',
    regex: text('regex') === '1',
    selected: text('fn'),
    tab: oneOf<Tab>(TABS, text('tab')) ?? DEFAULT_VIEW.tab,
    url: text('url'),
    icicle: text('flame') !== '1',
    typeLeaves: text('types') !== 'off',
    color: oneOf<ColorMode>(COLOR_MODES, text('color')) ?? DEFAULT_VIEW.color,
    diff: readDiffParams(text) ?? undefined,
  };
}

/** Writes a view as a hash, leaving out defaults so links stay short. Stable key order. */
export function formatHash(view: ViewState): string {
  const params = new URLSearchParams();
  if (view.url) params.set('url', view.url);
  if (view.set !== null) params.set('set', view.set);
  if (view.metric) params.set('metric', view.metric);
  if (view.tab !== DEFAULT_VIEW.tab) params.set('tab', view.tab);
  if (view.zoom.length > 0) params.set('zoom', view.zoom.join(FRAME_SEPARATOR));
  if (view.search) params.set('search', view.search);
  if (view.regex) params.set('regex', '1');
  if (view.selected) params.set('fn', view.selected);
  if (!view.icicle) params.set('flame', '1');
  if (!view.typeLeaves) params.set('types', 'off');
  if (view.color !== DEFAULT_VIEW.color) params.set('color', view.color);
  if (view.diff) writeDiffParams(params, view.diff);
  const s = params.toString();
  return s ? `#${s}` : '';
}

/** Changes that deserve their own history entry (back undoes them); the rest replace it. */
export function isNavigation(before: ViewState, after: ViewState): boolean {
  return (
    before.set !== after.set ||
    before.tab !== after.tab ||
    before.zoom.join(FRAME_SEPARATOR) !== after.zoom.join(FRAME_SEPARATOR) ||
    before.selected !== after.selected ||
    before.metric !== after.metric ||
    isDiffNavigation(before.diff ?? DEFAULT_DIFF, after.diff ?? DEFAULT_DIFF)
  );
}
