import { describe, expect, it } from 'vitest';
import { computeFunctionTable } from '../../src/analysis/function-table.ts';
import { HOT_LOOP_RATIO, findLoops, type FunctionBytes } from '../../src/analysis/loop-finder.ts';
import { frameFile, pathNamesFile, profileFileFor, sourceFor } from '../../src/analysis/profile-names.ts';
import { nestRows, placeStatements } from '../../src/analysis/statement-placement.ts';
import { statementRowList } from '../../src/model/statement-rows.ts';
import { indexStarlarkSource } from '../../src/analysis/starlark-source.ts';
import { golden, sampleRun, spanText } from './fixtures.ts';

function bytesOf(): Map<string, FunctionBytes> {
  return new Map(computeFunctionTable(golden.heapFlame().tree).map((f) => [f.name, { self: f.self, total: f.total }]));
}

describe('loop finder on the upstream goldens', () => {
  const statement = golden.statement();
  const source = indexStarlarkSource('test.star', golden.source());

  it('places each statement in its def and loop through the source', () => {
    const placed = placeStatements(statement, [source]);
    const where = (line: number) => {
      const p = placed.find((x) => statement.rows.line[x.row] === line)!;
      return `${p.functionName} def=${spanText(p.functionSpan)} loop=${spanText(p.loopSpan)}`;
    };
    expect(where(7)).toBe('test.star.inner def=2:1-8:1 loop=6:9-8:1');
    expect(where(13)).toBe('test.star.test def=9:1-15:1 loop=11:5-14:1');
    expect(where(16)).toBe('module def=— loop=—');
  });

  it('finds the two loops and ranks them by the bytes their function allocates', () => {
    const loops = findLoops(statement, [source], bytesOf());
    expect(
      loops.map(
        (l) =>
          `${l.kind} ${spanText(l.span)} ${l.functionName} ${l.headerCount}→${l.bodyCount} bytes=${l.functionBytes?.total}`,
      ),
    ).toEqual(['for 11:5-14:1 test.star.test 8→40 bytes=3008', 'for 6:9-9:1 test.star.inner 20→400 bytes=1760']);
    expect(loops[1]!.iterationsEstimate).toBe(20);
    expect(loops[1]!.basis.join(' ')).toContain('timing segments');
    expect(loops[0]!.basis.join(' ')).toContain('upper bound');
  });

  it('without sources infers the inner loop from counts and leaves top-level regions alone', () => {
    const loops = findLoops(statement, [], bytesOf());
    // 6:9 ran 20 times, its body 400: a loop. 11:5's body ran 40 vs 8 (5×): a loop too.
    // The top-level 2:1-9:1 and 9:1-16:1 (defs) are never taken for loops.
    expect(loops.map((l) => `${l.kind} ${spanText(l.span)} region=${spanText(l.functionSpan)}`)).toEqual([
      'inferred 6:9-9:1 region=2:1-9:1',
      'inferred 11:5-14:1 region=9:1-16:1',
    ]);
    expect(loops[0]!.functionName).toBeNull();
    expect(loops[0]!.basis.join(' ')).toContain('give the sources');
  });

  it('nests statement spans with one sweep', () => {
    const rows = statementRowList(statement.rows);
    const parents = nestRows(statement.rows, Array.from(rows.keys()));
    const parentOf = (line: number) => {
      const p = parents[rows.findIndex((r) => r.span.line === line)]!;
      return p < 0 ? '—' : spanText(rows[p]!.span);
    };
    expect(parentOf(7)).toBe('6:9-9:1');
    expect(parentOf(6)).toBe('3:5-9:1');
    expect(parentOf(3)).toBe('2:1-9:1');
    expect(parentOf(2)).toBe('—');
  });

  it('matches sources to profile file names by path suffix', () => {
    const a = indexStarlarkSource('drop/repo/macros/defs.bzl', '');
    const b = indexStarlarkSource('macros/defs.bzl', '');
    expect(sourceFor('macros/defs.bzl', [a, b])).toBe(b);
    expect(sourceFor('defs.bzl', [a])).toBe(a);
    expect(sourceFor('other/defs.bzl', [a, b])).toBeNull();
    expect(frameFile('prelude/a.bzl.my_macro')).toBe('prelude/a.bzl');
    expect(frameFile('module')).toBeNull();
  });
});

describe('loop finder on a real sample (loop-invariant-call, before)', () => {
  it('ranks the loop whose function allocates most first and marks the inner loops hot', () => {
    const run = sampleRun('loop-invariant-call', 'before');
    const bytes = new Map(
      computeFunctionTable(run.input.heapFlame!.tree).map((f) => [f.name, { self: f.self, total: f.total }]),
    );
    const loops = findLoops(run.input.statement!, run.input.sources, bytes);
    expect(loops.map((l) => `${spanText(l.span)} ${l.functionName}`)).toEqual([
      '18:5-26:1 defs.bzl.cxx_libraries',
      '8:5-15:1 defs.bzl.platform_flag_table',
      '9:9-15:1 defs.bzl.platform_flag_table',
    ]);
    const inner = loops[2]!;
    expect(inner.iterationsEstimate).toBeGreaterThanOrEqual(HOT_LOOP_RATIO);
    expect(inner.timeShare).toBeGreaterThan(0.5);
  });
});

describe('matching dropped source paths to the files profiles name', () => {
  it('takes equal paths and paths ending with /file, Windows slashes included, never a longer name', () => {
    expect(pathNamesFile('drop\\macros\\defs.bzl', 'macros/defs.bzl')).toBe(true);
    expect(pathNamesFile('defs.bzl', 'defs.bzl')).toBe(true);
    expect(pathNamesFile('drop/xdefs.bzl', 'defs.bzl')).toBe(false);
    expect(pathNamesFile('drop/defs.bzl', 'macros/defs.bzl')).toBe(false);
  });

  it('picks the shortest source for a file, and the longest known file name for a source', () => {
    const sources = ['a/b/macros/defs.bzl', 'b/macros/defs.bzl', 'b/other/defs.bzl'].map((p) =>
      indexStarlarkSource(p, ''),
    );
    expect(sourceFor('macros/defs.bzl', sources)?.path).toBe('b/macros/defs.bzl');
    expect(sourceFor('BUCK', sources)).toBeNull();
    expect(profileFileFor('drop/programs/x/macros/defs.bzl', ['defs.bzl', 'macros/defs.bzl'])).toBe('macros/defs.bzl');
    expect(profileFileFor('drop\\BUCK', [])).toBe('BUCK');
  });
});
