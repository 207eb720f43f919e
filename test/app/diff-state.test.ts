import { describe, expect, it } from 'vitest';
import { DEFAULT_DIFF, isDiffNavigation, readDiffParams, type DiffView } from '../../src/app/diff-state.ts';
import { DEFAULT_VIEW } from '../../src/app/store.ts';
import { formatHash, isNavigation, parseHash } from '../../src/app/url-state.ts';

describe('the comparison in the URL hash', () => {
  const diff: DiffView = {
    base: 'loop-invariant-call/before',
    target: 'loop-invariant-call/after',
    width: 'max',
    scale: 'share',
    tree: 'time',
    zoom: ['module', 'defs.bzl.cxx_libraries'],
    baseUrl: 'https://example.test/b/manifest.json',
    targetUrl: 'https://example.test/a b/manifest.json',
  };

  it('round-trips every field beside the rest of the view', () => {
    const view = { ...DEFAULT_VIEW, tab: 'diff' as const, diff };
    expect(parseHash(formatHash(view))).toEqual(view);
    expect(formatHash(view)).toMatch(
      /^#tab=diff&base=loop-invariant-call%2Fbefore&target=loop-invariant-call%2Fafter&dwidth=max&dscale=share&dtree=time&dzoom=/,
    );
  });

  it('is absent until one of its keys is there, and defaults what is missing', () => {
    expect(parseHash('#tab=diff').diff).toBeUndefined();
    expect(parseHash('#base=x').diff).toEqual({ ...DEFAULT_DIFF, base: 'x' });
    expect(formatHash({ ...DEFAULT_VIEW, diff: DEFAULT_DIFF })).toBe('');
  });

  it('keeps hostile values as text and unknown modes as defaults', () => {
    const v = readDiffParams((k) =>
      new URLSearchParams('base=<img src=x onerror=alert(1)>&dwidth=wide&dscale=__proto__&dtree=').get(k),
    )!;
    expect(v).toEqual({ ...DEFAULT_DIFF, base: '<img src=x onerror=alert(1)>' });
  });

  it('makes picking sets and zooming navigation, toggles not', () => {
    expect(isDiffNavigation(DEFAULT_DIFF, { ...DEFAULT_DIFF, base: 'a' })).toBe(true);
    expect(isDiffNavigation(DEFAULT_DIFF, { ...DEFAULT_DIFF, zoom: ['module'] })).toBe(true);
    expect(isDiffNavigation(DEFAULT_DIFF, { ...DEFAULT_DIFF, scale: 'share' })).toBe(false);
    expect(isNavigation({ ...DEFAULT_VIEW, diff }, { ...DEFAULT_VIEW, diff: { ...diff, target: 'x' } })).toBe(true);
  });
});
