// huge-collection when the code cannot say how many elements a comprehension makes (`range(lo, hi,
// step)` over fields of a table's tuples): the bytes its value took per run set a floor on the
// count. Small hand-written programs, hand-written heap flame and Counts.
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/analysis/advisor.ts';
import { indexStarlarkSource } from '../../src/analysis/starlark-source.ts';
import { heapFlame, statementProfile } from './fixtures.ts';

function program(element: string) {
  const table = [
    'BANKS = [("low", 0, 40000), ("high", 40000, 90000)]',
    '',
    'def cell_owner(banks, step = 4):',
    `    return {c: ${element} for b, lo, hi in banks for c in range(lo, hi, step)}`,
  ].join('\n');
  const macro = [
    'load(":banks.bzl", "BANKS", "cell_owner")',
    '',
    'def mem_image(name, probes):',
    '    owners = cell_owner(BANKS)',
    '    native_rule(name = name, tags = [owners.get(p, "none") for p in probes])',
  ].join('\n');
  return [indexStarlarkSource('banks.bzl', table), indexStarlarkSource('image.bzl', macro)];
}

function advice(element: string, dictBytes: number) {
  const flame = `module;image.bzl.mem_image;banks.bzl.cell_owner;dict ${dictBytes}\nmodule;image.bzl.mem_image;list 2000\n`;
  const statements = [
    'File,Span,Duration(s),Count',
    '"TOTAL","",0.05,10',
    '"banks.bzl","4:5-90",0.05,3',
    '"image.bzl","4:5-30",0.0,2',
    '"image.bzl","5:5-80",0.0,2',
  ].join('\n');
  return advise({
    heapFlame: heapFlame(flame),
    summary: null,
    statement: statementProfile(statements),
    coverage: null,
    sources: program(element),
  });
}

describe('huge-collection from the bytes of a comprehension whose size is not written', () => {
  it('a 1.4 MB dict of small entries (at least 22 000) only looked up is a huge collection', () => {
    const [finding] = advice('b', 1_440_000);
    expect(finding).toMatchObject({ cause: 'huge-collection', function: 'banks.bzl.cell_owner', span: { line: 4 } });
    expect(finding!.evidence.join(' ')).toContain('its bytes per run');
  });

  it('not when the bytes allow fewer than 10 000 small elements', () => {
    expect(advice('b', 400_000).filter((f) => f.cause === 'huge-collection')).toEqual([]);
  });

  it('not when each element calls something (a few big values weigh as much as many small ones)', () => {
    expect(advice('make_owner(b)', 1_440_000).filter((f) => f.cause === 'huge-collection')).toEqual([]);
  });
});
