import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/formats/parse-file.ts';
import { CallTreeBuilder, type CallTree } from '../../src/model/call-tree.ts';
import { projectFlame, type FlameDatum } from '../../src/views/flame-projection.ts';
import { nodeAtPath } from '../../src/views/tree-search.ts';
import { sampleHeapFlame } from '../samples.ts';

function sampleTree(): CallTree {
  const parsed = parseText('flame.src', sampleHeapFlame());
  if (parsed.profile?.format !== 'heap-flame') throw new Error('not a heap flame');
  return parsed.profile.tree;
}

/** `name value` lines, indented per level, like describeTree. */
function describe_(d: FlameDatum, depth = 0, out: string[] = []): string[] {
  out.push(
    `${'  '.repeat(depth)}${d.name} ${d.value}${d.fade ? ' (faded)' : ''}${d.merged ? ` (merged ${d.merged.count})` : ''}`,
  );
  for (const c of d.children) describe_(c, depth + 1, out);
  return out;
}

describe('flame projection', () => {
  const tree = sampleTree();

  it('projects the whole real tree when every frame is wide enough', () => {
    const p = projectFlame(tree, tree.total, { root: 0, widthPx: 33206672, typeLeaves: true, colorBy: 'type' });
    expect(describe_(p.root)).toEqual([
      'all 33206672',
      '  range 24',
      '  module 33206648',
      '    list 16',
      '    string 5600',
      '    array 4232',
      '    defs.bzl.cxx_libraries 33196800',
      '      dict 57600',
      '      string 6400',
      '      array 6400',
      '      list 3200',
      '      defs.bzl.platform_flag_table 33123200',
      '        dict 5955200',
      '        string 20448000',
      '        array 4800000',
      '        list 1920000',
    ]);
    expect(p.frames).toBe(16);
  });

  it('merges frames narrower than a pixel into one node per parent', () => {
    // 100 px for 33206672 bytes: a pixel is 332,067 bytes, so the type leaves of module and
    // defs.bzl.cxx_libraries (73,600 bytes at most) and range (24) are narrow.
    const p = projectFlame(tree, tree.total, { root: 0, widthPx: 100, typeLeaves: true, colorBy: 'type' });
    const lines = describe_(p.root);
    expect(lines.slice(0, 4)).toEqual([
      'all 33206672',
      '  module 33206648',
      '    defs.bzl.cxx_libraries 33196800',
      '      defs.bzl.platform_flag_table 33123200',
    ]);
    expect(lines).toContain('      4 small frames 73600 (merged 4)');
    expect(lines).toContain('    3 small frames 9848 (merged 3)');
    // A lone narrow child keeps its own name; it is not a "1 small frames" node.
    expect(lines).toContain('  range 24');
  });

  it('names a merged node after how many frames it holds and keeps their weight', () => {
    const b = new CallTreeBuilder('bytes');
    b.addStack(['module', 'big'], 'list', 1000);
    for (let i = 0; i < 5; i++) b.addStack(['module', `tiny${i}`], 'list', 1);
    const t = b.build();
    const p = projectFlame(t, t.total, { root: 0, widthPx: 100, typeLeaves: true, colorBy: 'type' });
    const module = p.root.children[0]!;
    const merged = module.children.find((c) => c.merged)!;
    expect([merged.name, merged.value, merged.merged!.count]).toEqual(['5 small frames', 5, 5]);
    expect(t.names[t.name[merged.node]!]).toMatch(/^tiny/);
  });

  it('marks a merged node when a frame it holds matches, and colours a lone narrow frame as itself', () => {
    const b = new CallTreeBuilder('bytes');
    b.addStack(['module', 'big'], 'list', 1000);
    b.addStack(['module', 'tiny0'], 'string', 1);
    b.addStack(['module', 'tiny1'], 'dict', 2);
    b.addStack(['module', 'big'], 'tuple', 3);
    const t = b.build();
    const matched = new Uint8Array(t.names.length);
    matched[t.names.indexOf('tiny0')] = 1;
    const options = { root: 0, widthPx: 100, typeLeaves: true, colorBy: 'type' as const, matchedNames: matched };
    const module = projectFlame(t, t.total, options).root.children[0]!;
    const merged = module.children.find((c) => c.merged)!;
    expect([merged.name, merged.value, merged.matched, t.names[t.name[merged.node]!]]).toEqual([
      '2 small frames',
      3,
      true,
      'tiny1',
    ]);
    const lone = module.children.find((c) => c.name === 'big')!.children.find((c) => c.value === 3)!;
    expect([lone.name, lone.merged, lone.matched, lone.colorKey]).toEqual(['tuple', null, false, 'tuple']);
  });

  it('starts at the zoomed node, with its ancestors as a faded full-width chain', () => {
    const zoom = nodeAtPath(tree, ['module', 'defs.bzl.cxx_libraries']).node;
    const p = projectFlame(tree, tree.total, { root: zoom, widthPx: 33196800, typeLeaves: true, colorBy: 'type' });
    expect(describe_(p.root).slice(0, 4)).toEqual([
      'all 33196800 (faded)',
      '  module 33196800 (faded)',
      '    defs.bzl.cxx_libraries 33196800',
      '      dict 57600',
    ]);
  });

  it('folds type leaves into their function when asked', () => {
    const p = projectFlame(tree, tree.total, { root: 0, widthPx: 33206672, typeLeaves: false, colorBy: 'type' });
    expect(describe_(p.root)).toEqual([
      'all 33206672',
      '  module 33206648',
      '    defs.bzl.cxx_libraries 33196800',
      '      defs.bzl.platform_flag_table 33123200',
    ]);
  });

  it('colours functions by their heaviest type, by file or by package', () => {
    const byType = projectFlame(tree, tree.total, { root: 0, widthPx: 33206672, typeLeaves: true, colorBy: 'type' });
    // defs.bzl.cxx_libraries allocated dicts itself: its own heaviest type wins over its callee's (string).
    const cxx = byType.root.children[1]!.children[3]!;
    expect([cxx.name, cxx.colorKey]).toEqual(['defs.bzl.cxx_libraries', 'dict']);
    const module = byType.root.children[1]!;
    expect([module.name, module.colorKey]).toEqual(['module', 'string']);
    const b = new CallTreeBuilder('bytes');
    b.addStack(['module', 'a.bzl.wrapper', 'a.bzl.work'], 'dict', 100);
    const chain = b.build();
    const wrapper = projectFlame(chain, chain.total, { root: 0, widthPx: 100, typeLeaves: true, colorBy: 'type' }).root
      .children[0]!.children[0]!;
    expect([wrapper.name, wrapper.colorKey]).toEqual(['a.bzl.wrapper', 'dict']);
    const byFile = projectFlame(tree, tree.total, { root: 0, widthPx: 33206672, typeLeaves: true, colorBy: 'file' });
    expect(byFile.root.children[1]!.children[3]!.colorKey).toBe('defs.bzl');
    expect([...byFile.weightByKey.keys()].sort()).toEqual(['', 'defs.bzl']);
  });

  it('marks frames whose name matches the search', () => {
    const matched = new Uint8Array(tree.names.length);
    matched[tree.names.indexOf('dict')] = 1;
    const p = projectFlame(tree, tree.total, {
      root: 0,
      widthPx: 33206672,
      typeLeaves: true,
      colorBy: 'type',
      matchedNames: matched,
    });
    const names: string[] = [];
    const stack = [p.root];
    while (stack.length) {
      const d = stack.pop()!;
      if (d.matched) names.push(d.name);
      stack.push(...d.children);
    }
    expect(names).toEqual(['dict', 'dict']);
  });

  it('cuts deep recursion at the depth limit and folds far ancestors when zoomed deep', () => {
    const b = new CallTreeBuilder('bytes');
    const frames = ['module', ...Array.from({ length: 5000 }, () => 'r.bzl.recurse')];
    b.addStack(frames, 'list', 100);
    b.addStack(['module', 'other.bzl.f'], 'dict', 1);
    const t = b.build();
    const p = projectFlame(t, t.total, { root: 0, widthPx: 1000, typeLeaves: true, colorBy: 'type', maxDepth: 50 });
    expect(p.frames).toBeLessThan(60);
    let d = p.root;
    while (d.children.length > 0) d = d.children.find((c) => c.value === 100) ?? d.children[0]!;
    expect([d.name, d.merged?.kind, t.depth[d.node]]).toEqual(['⋯ deeper frames', 'deeper', 51]);
    // Zoomed 3000 levels down: the chain above shows its nearest 16 ancestors and one fold.
    const deep = projectFlame(t, t.total, { root: d.node + 2950, widthPx: 1000, typeLeaves: true, colorBy: 'type' });
    const chain: string[] = [];
    for (let c = deep.root; c.fade; c = c.children[0]!) chain.push(c.name);
    expect(chain[0]).toBe('all');
    expect(chain[1]).toBe(`⋯ ${3000 - 16} levels above`);
    expect(chain).toHaveLength(2 + 16);
  });

  it('draws a bounded number of frames from a tree of 200,000 nodes', () => {
    const b = new CallTreeBuilder('bytes');
    let seed = 7;
    const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    for (let i = 0; i < 25_000; i++) {
      const depth = 3 + Math.floor(rand() * 10);
      const frames = ['module'];
      for (let d = 0; d < depth; d++) frames.push(`f${Math.floor(rand() * (d < 2 ? 20 : 3000))}.bzl.g`);
      b.addStack(frames, 'list', 1 + Math.floor(rand() * 100));
    }
    const t = b.build();
    expect(t.name.length).toBeGreaterThan(100_000);
    const p = projectFlame(t, t.total, { root: 0, widthPx: 1200, typeLeaves: true, colorBy: 'file' });
    // Each depth holds at most ~width wide frames plus one merged node per drawn parent.
    expect(p.frames).toBeLessThan(6000);
    let sum = 0;
    for (const c of p.root.children) sum += c.value;
    expect(sum).toBe(t.total[0]);
  });
});
