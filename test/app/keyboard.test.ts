import { describe, expect, it } from 'vitest';
import { frameAfterArrow } from '../../src/app/keyboard.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import { stackOf, type CallTree } from '../../src/model/call-tree.ts';
import { nodeAtPath } from '../../src/views/tree-search.ts';
import { readGoldenBody } from '../golden.ts';

function golden(): CallTree {
  const p = parseText('f', readGoldenBody('heap_flame_allocated.flame.golden')).profile;
  if (p?.format !== 'heap-flame') throw new Error('format');
  return p.tree;
}

describe('arrow keys', () => {
  const tree = golden();
  const at = (path: string[]) => nodeAtPath(tree, path).node;
  const move = (path: string[], key: string, icicle = true) => stackOf(tree, frameAfterArrow(tree, tree.total, at(path), key, icicle));

  it('goes down to the heaviest child and up to the parent in the icicle', () => {
    expect(move(['module'], 'ArrowDown')).toEqual(['module', 'test.star.test']);
    expect(move(['module', 'test.star.test'], 'ArrowDown')).toEqual(['module', 'test.star.test', 'test.star.inner']);
    expect(move(['module', 'test.star.test'], 'ArrowUp')).toEqual(['module']);
    expect(move([], 'ArrowUp')).toEqual([]);
  });

  it('swaps up and down when the root is at the bottom', () => {
    expect(move(['module'], 'ArrowUp', false)).toEqual(['module', 'test.star.test']);
    expect(move(['module'], 'ArrowDown', false)).toEqual([]);
  });

  it('moves between siblings and stays put at either end', () => {
    expect(move(['module', 'test.star.test', 'dict'], 'ArrowRight')).toEqual(['module', 'test.star.test', 'list']);
    expect(move(['module', 'test.star.test', 'dict'], 'ArrowLeft')).toEqual(['module', 'test.star.test', 'dict']);
    expect(move(['module', 'test.star.test', 'test.star.inner'], 'ArrowRight')).toEqual(['module', 'test.star.test', 'test.star.inner']);
    expect(move(['module', 'test.star.test', 'test.star.inner', 'dict'], 'ArrowDown')).toEqual(['module', 'test.star.test', 'test.star.inner', 'dict']);
  });
});
