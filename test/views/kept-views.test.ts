import { describe, expect, it } from 'vitest';
import { KeptViews } from '../../src/views/kept-views.ts';

interface View {
  zoom: number;
  width: number;
}

function store(limit: number) {
  const freed: View[] = [];
  return { kept: new KeptViews<View>(limit, (v) => freed.push(v)), freed };
}

describe('KeptViews', () => {
  it('gives back the view wanted once, and nothing when none is kept', () => {
    const { kept, freed } = store(2);
    const root = { zoom: 0, width: 800 };
    kept.keep(root);
    expect(
      kept.take(
        () => true,
        (v) => v.zoom === 0,
      ),
    ).toBe(root);
    expect(
      kept.take(
        () => true,
        (v) => v.zoom === 0,
      ),
    ).toBeNull();
    expect(freed).toEqual([]);
  });

  it('frees the views that no longer fit (another width) instead of giving them back', () => {
    const { kept, freed } = store(2);
    const narrow = { zoom: 0, width: 400 };
    kept.keep(narrow);
    expect(
      kept.take(
        (v) => v.width === 800,
        (v) => v.zoom === 0,
      ),
    ).toBeNull();
    expect(freed).toEqual([narrow]);
  });

  it('keeps at most `limit` views, freeing the oldest first', () => {
    const { kept, freed } = store(2);
    const views = [1, 2, 3, 4].map((zoom) => ({ zoom, width: 800 }));
    for (const v of views) kept.keep(v);
    expect(
      kept.take(
        () => true,
        (v) => v.zoom === 4,
      ),
    ).toBe(views[3]);
    expect(freed).toEqual([views[0]]);
    kept.clear();
    expect(freed).toEqual(views.slice(0, 3));
  });
});
