import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, type ViewState } from '../../src/app/store.ts';
import { formatHash, isNavigation, parseHash } from '../../src/app/url-state.ts';

describe('URL hash state', () => {
  it('round-trips every field', () => {
    const view: ViewState = {
      ...DEFAULT_VIEW,
      set: 'loop-invariant-call/before',
      metric: 'allocs',
      zoom: ['module', 'defs.bzl.cxx_libraries'],
      search: 'dict.items(',
      regex: true,
      selected: 'defs.bzl.platform_flag_table',
      tab: 'table',
      url: 'https://example.test/a b/manifest.json',
      icicle: false,
      typeLeaves: false,
      color: 'package',
    };
    expect(parseHash(formatHash(view))).toEqual(view);
  });

  it('writes nothing for the default view and reads an empty hash as the default', () => {
    expect(formatHash(DEFAULT_VIEW)).toBe('');
    expect(parseHash('')).toEqual(DEFAULT_VIEW);
    expect(parseHash('#')).toEqual(DEFAULT_VIEW);
  });

  it('keeps the zoom as a stack path of frame names', () => {
    expect(parseHash('#zoom=module;test.star.test').zoom).toEqual(['module', 'test.star.test']);
    expect(formatHash({ ...DEFAULT_VIEW, zoom: ['module', 'a b.bzl.f&x=1'] })).toBe('#zoom=module%3Ba+b.bzl.f%26x%3D1');
  });

  it('ignores unknown keys and values outside the allowed ones', () => {
    const v = parseHash('#metric=__proto__&tab=<img src=x onerror=alert(1)>&color=red&evil=1&flame=yes');
    expect(v.metric).toBeNull();
    expect(v.tab).toBe('flame');
    expect(v.color).toBe('type');
    expect(v.icicle).toBe(true);
  });

  it('keeps hostile text as text and cuts very long values', () => {
    const v = parseHash(`#search=${encodeURIComponent('<script>alert(1)</script>')}&set=${'x'.repeat(20000)}`);
    expect(v.search).toBe('<script>alert(1)</script>');
    expect(v.set!.length).toBe(8192);
  });

  it('gives navigation (set, tab, zoom, function, metric) its own history entry, not typing', () => {
    expect(isNavigation(DEFAULT_VIEW, { ...DEFAULT_VIEW, zoom: ['module'] })).toBe(true);
    expect(isNavigation(DEFAULT_VIEW, { ...DEFAULT_VIEW, tab: 'table' })).toBe(true);
    expect(isNavigation(DEFAULT_VIEW, { ...DEFAULT_VIEW, search: 'dict' })).toBe(false);
  });
});
