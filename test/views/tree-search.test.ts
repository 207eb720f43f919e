import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseText } from '../../src/formats/parse-file.ts';
import { CallTreeBuilder, stackOf, type CallTree } from '../../src/model/call-tree.ts';
import { heaviestNodeOf, loadRegexEngine, makeMatcher, matchNames, nodeAtPath, searchTree } from '../../src/views/tree-search.ts';
import { readGoldenBody } from '../golden.ts';

// Regexes compile once the engine (loaded on first use in the page) is in.
beforeAll(() => loadRegexEngine());

function golden(): CallTree {
  const parsed = parseText('flame.src', readGoldenBody('heap_flame_allocated.flame.golden'));
  if (parsed.profile?.format !== 'heap-flame') throw new Error('not a heap flame');
  return parsed.profile.tree;
}

describe('tree search', () => {
  const tree = golden();

  it('finds a node by its stack path and stops where a path diverges', () => {
    const inner = nodeAtPath(tree, ['module', 'test.star.test', 'test.star.inner']);
    expect(inner.complete).toBe(true);
    expect(stackOf(tree, inner.node)).toEqual(['module', 'test.star.test', 'test.star.inner']);
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
    expect(makeMatcher('TEST.STAR', false).ok && makeMatcher('TEST.STAR', false)).toBeTruthy();
  });

  it('turns an invalid regex into a message instead of an exception', () => {
    const m = makeMatcher('dict.items(', true);
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.message).toMatch(/not a valid regular expression/);
    const ok = makeMatcher('^test\\.star\\.(in|te)', true);
    expect(ok.ok && ok.test('test.star.inner')).toBe(true);
  });

  it('sums matched bytes once per stack and lists every match in pre-order', () => {
    const m = makeMatcher('test.star', false);
    if (!m.ok) throw new Error('matcher');
    const result = searchTree(tree, tree.total, matchNames(tree, m.test));
    // test.star.test (3008) covers test.star.inner: not counted twice.
    expect(result.weight).toBe(3008);
    expect(result.count).toBe(2);
    expect(result.nodes.map((n) => stackOf(tree, n).at(-1))).toEqual(['test.star.test', 'test.star.inner']);
    const dict = makeMatcher('dict', false);
    if (!dict.ok) throw new Error('matcher');
    expect(searchTree(tree, tree.total, matchNames(tree, dict.test)).weight).toBe(1952);
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
});
