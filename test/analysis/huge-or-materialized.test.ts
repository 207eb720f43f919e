// The boundary between huge-collection and materialize-then-process for a collection built whole
// and then walked (docs/design.md): plain items (tuples of numbers and strings) walked only to
// keep a few are a huge collection; records (structs) or a walk that declares a target per item
// are materialise-then-process. Hand-written sources and heap flame; no statement profile.
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/analysis/advisor.ts';
import { indexStarlarkSource } from '../../src/analysis/starlark-source.ts';
import { heapFlame } from './fixtures.ts';

/** A grid of every cell, then a filter keeping the diagonal. */
const FILTERED = [
  'def cells(lo, hi):',
  '    return [(x, y, "%d/%d" % (x, y)) for x in range(lo, hi) for y in range(lo, hi)]',
  '',
  'def declare(name, lo, hi):',
  '    diagonal = [t[2] for t in cells(lo, hi) if t[0] == t[1]]',
  '    for c in diagonal:',
  '        native_rule(name = c)',
].join('\n');

/** The same grid, with a struct per cell. */
const RECORDS = FILTERED.replace('(x, y, "%d/%d" % (x, y))', 'struct(x = x, y = y, key = "%d/%d" % (x, y))').replace(
  '[t[2] for t in cells(lo, hi) if t[0] == t[1]]',
  '[t.key for t in cells(lo, hi) if t.x == t.y]',
);

/** The same plain grid, walked by a loop that declares a target per kept cell. */
const DECLARED = [
  'def cells(name, lo, hi):',
  '    grid = [(x, y, "%d/%d" % (x, y)) for x in range(lo, hi) for y in range(lo, hi)]',
  '    for t in grid:',
  '        if t[0] == t[1]:',
  '            native_rule(name = name + t[2])',
  '',
  'def declare(name, lo, hi):',
  '    cells(name, lo, hi)',
].join('\n');

/** The helper's bytes by type, and the caller's own (its rule call's kwargs, the kept list); every line ends with \n. */
function flame(types: string[]): string {
  const caller = ['dict 20000', 'array 2000'].map((t) => `module;grid.bzl.declare;${t}`);
  return [...types.map((t) => `module;grid.bzl.declare;grid.bzl.cells;${t}`), ...caller].join('\n') + '\n';
}
const PLAIN_BYTES = ['tuple 4000000', 'string 3000000', 'array 1000000'];

const adviseOn = (text: string, types = PLAIN_BYTES, flameText = flame(types)) =>
  advise({
    heapFlame: heapFlame(flameText),
    summary: null,
    statement: null,
    coverage: null,
    sources: [indexStarlarkSource('grid.bzl', text)],
  }).map((f) => `${f.cause} ${f.span.line}`);

describe('huge collection or materialise-then-process', () => {
  it('plain items walked only to keep a few: a huge collection where they are built', () => {
    expect(adviseOn(FILTERED)[0]).toBe('huge-collection 2');
  });

  it('not when the filter keeps many of them (its lists weigh as much as the items they keep)', () => {
    const keptMany = flame(PLAIN_BYTES).replace('array 2000', 'array 600000');
    expect(adviseOn(FILTERED, PLAIN_BYTES, keptMany).join()).not.toContain('huge-collection');
  });

  it('records (a struct per item) walked the same way: materialise-then-process', () => {
    const found = adviseOn(RECORDS, ['struct 4000000', 'string 3000000', 'array 1000000']);
    expect(found[0]).toMatch(/^materialize-then-process /);
    expect(found).not.toContain('huge-collection 2');
  });

  it('plain items walked by a loop that declares a target per item: materialise-then-process', () => {
    const found = adviseOn(DECLARED);
    expect(found[0]).toBe('materialize-then-process 2');
    expect(found).not.toContain('huge-collection 2');
  });

  it('plain items joined where they are built: a huge collection', () => {
    const joined = FILTERED.replace(
      '    return [(x, y, "%d/%d" % (x, y)) for x in range(lo, hi) for y in range(lo, hi)]',
      '    return "\\n".join(["%d/%d" % (x, y) for x in range(lo, hi) for y in range(lo, hi)])',
    ).replace(
      '    diagonal = [t[2] for t in cells(lo, hi) if t[0] == t[1]]\n    for c in diagonal:\n        native_rule(name = c)',
      '    native_rule(name = name, text = cells(lo, hi))',
    );
    expect(joined).not.toBe(FILTERED);
    expect(adviseOn(joined, ['string 7000000', 'array 1000000'])[0]).toBe('huge-collection 2');
  });

  it('not when the bytes say the plain collection is small', () => {
    expect(adviseOn(FILTERED, ['tuple 40000', 'string 30000', 'array 10000'])).not.toContain('huge-collection 2');
  });
});
