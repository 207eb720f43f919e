// materialize-then-process when every item is made by a def into a dict, but only lookups by key
// in a loop over a far shorter collection read it: most items are made for nothing.
// Small hand-written programs with hand-written heap flames.
import { describe, expect, it } from 'vitest';
import { adviseOnFlame } from './fixtures.ts';

function program(wanted: string): string {
  return [
    'def _render(i):',
    '    return "\\n".join(["row %d %d" % (i, j) for j in range(300)])',
    '',
    'def site(name):',
    '    pages = {i: _render(i) for i in range(200)}',
    `    for i in ${wanted}:`,
    '        genrule(name = "page_%d" % i, cmd = "echo %d" % len(pages[i]))',
  ].join('\n');
}

const FLAME = ['module;gen.bzl.site;gen.bzl._render;string 6000000', 'module;gen.bzl.site;dict 20000'].join('\n');

function findingsFor(wanted: string) {
  return adviseOnFlame('gen.bzl', program(wanted), FLAME).filter((f) => f.cause === 'materialize-then-process');
}

describe('materialize-then-process read by a few lookups', () => {
  it('reports the dict when only a few of its items are looked up', () => {
    const [finding] = findingsFor('[3, 17, 42]');
    expect(finding).toMatchObject({ span: { line: 5 } });
    expect(finding!.evidence.join('\n')).toContain('only about 3 of them');
  });

  it('not when the lookups go over as many keys as were made', () => {
    expect(findingsFor('range(200)')).toEqual([]);
  });
});
