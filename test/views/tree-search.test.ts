import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseText } from '../../src/formats/parse-file.ts';
import { CallTreeBuilder, stackOf, type CallTree } from '../../src/model/call-tree.ts';
import {
  heaviestNodeOf,
  loadRegexEngine,
  makeMatcher,
  matchNames,
  nodeAtPath,
  searchTree,
} from '../../src/views/tree-search.ts';
import { sampleHeapFlame } from '../samples.ts';

// Regexes compile once the engine (prefetched after the first paint, or loaded on first use) is in.
beforeAll(() => loadRegexEngine());

function sampleTree(): CallTree {
  const parsed = parseText('flame.src', sampleHeapFlame());
  if (parsed.profile?.format !== 'heap-flame') throw new Error('not a heap flame');
  return parsed.profile.tree;
}

describe('tree search', () => {
  const tree = sampleTree();

  it('finds a node by its stack path and stops where a path diverges', () => {
    const inner = nodeAtPath(tree, ['module', 'defs.bzl.cxx_libraries', 'defs.bzl.platform_flag_table']);
    expect(inner.complete).toBe(true);
    expect(stackOf(tree, inner.node)).toEqual(['module', 'defs.bzl.cxx_libraries', 'defs.bzl.platform_flag_table']);
    const gone = nodeAtPath(tree, ['module', 'nope.bzl.f', 'x']);
    expect(gone.complete).toBe(false);
    expect(stackOf(tree, gone.node)).toEqual(['module']);
    expect(nodeAtPath(tree, [])).toEqual({ node: 0, complete: true });
  });

  it('treats search text literally by default, so `dict.items(` is no regex', () => {
    const m = makeMatcher('dict.items(', false);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(m.test('for k, v in dict.items(x)')).toBe(true);
    expect(m.test('dictXitems(')).toBe(false);
    expect(makeMatcher('DEFS.BZL', false).ok && makeMatcher('DEFS.BZL', false)).toBeTruthy();
  });

  it('turns an invalid regex into a message instead of an exception', () => {
    const m = makeMatcher('dict.items(', true);
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.message).toMatch(/not a valid regular expression/);
    const ok = makeMatcher('^defs\\.bzl\\.(pl|cx)', true);
    expect(ok.ok && ok.test('defs.bzl.platform_flag_table')).toBe(true);
  });

  it('sums matched bytes once per stack and lists every match in pre-order', () => {
    const m = makeMatcher('defs.bzl', false);
    if (!m.ok) throw new Error('matcher');
    const result = searchTree(tree, tree.total, matchNames(tree, m.test));
    // defs.bzl.cxx_libraries (33196800) covers defs.bzl.platform_flag_table: not counted twice.
    expect(result.weight).toBe(33196800);
    expect(result.count).toBe(2);
    expect(result.nodes.map((n) => stackOf(tree, n).at(-1))).toEqual([
      'defs.bzl.cxx_libraries',
      'defs.bzl.platform_flag_table',
    ]);
    const dict = makeMatcher('dict', false);
    if (!dict.ok) throw new Error('matcher');
    expect(searchTree(tree, tree.total, matchNames(tree, dict.test)).weight).toBe(57600 + 5955200);
  });

  it('picks the heaviest stack of a function', () => {
    const b = new CallTreeBuilder('bytes');
    b.addStack(['module', 'a', 'h'], 'list', 1);
    b.addStack(['module', 'b', 'h'], 'list', 9);
    const t = b.build();
    expect(stackOf(t, heaviestNodeOf(t, t.total, 'h'))).toEqual(['module', 'b', 'h']);
    expect(heaviestNodeOf(t, t.total, 'missing')).toBe(-1);
  });
});

describe('the regex engine loaded on first use', () => {
  it('answers "loading" for a regex until the engine is in, then matches', async () => {
    vi.resetModules();
    const fresh = await import('../../src/views/tree-search.ts');
    expect(fresh.regexEngineReady()).toBe(false);
    expect(fresh.makeMatcher('a+b', true)).toEqual({ ok: false, message: expect.stringMatching(/^loading/) });
    expect(fresh.makeMatcher('a+b', false).ok).toBe(true);
    await fresh.loadRegexEngine();
    const matcher = fresh.makeMatcher('a+b', true);
    expect(matcher.ok && matcher.test('xaab')).toBe(true);
  });

  it('tries the load again after one that failed (a prefetch that could not fetch the chunk)', async () => {
    vi.resetModules();
    vi.doMock('re2js', () => {
      throw new Error('chunk not fetched');
    });
    const fresh = await import('../../src/views/tree-search.ts');
    await expect(fresh.loadRegexEngine()).rejects.toThrow();
    expect(fresh.regexEngineReady()).toBe(false);
    vi.doUnmock('re2js');
    vi.resetModules();
    await fresh.loadRegexEngine();
    expect(fresh.regexEngineReady()).toBe(true);
  });
});
