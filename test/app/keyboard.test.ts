import { describe, expect, it } from 'vitest';
import { frameAfterArrow } from '../../src/app/keyboard.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import { stackOf, type CallTree } from '../../src/model/call-tree.ts';
import { nodeAtPath } from '../../src/views/tree-search.ts';
import { sampleHeapFlame } from '../samples.ts';

function golden(): CallTree {
  const p = parseText('f', sampleHeapFlame()).profile;
  if (p?.format !== 'heap-flame') throw new Error('format');
  return p.tree;
}

describe('arrow keys', () => {
  const tree = golden();
  const at = (path: string[]) => nodeAtPath(tree, path).node;
  const move = (path: string[], key: string, icicle = true) =>
    stackOf(tree, frameAfterArrow(tree, tree.total, at(path), key, icicle));

  it('goes down to the heaviest child and up to the parent in the icicle', () => {
    expect(move(['module'], 'ArrowDown')).toEqual(['module', 'defs.bzl.cxx_libraries']);
    expect(move(['module', 'defs.bzl.cxx_libraries'], 'ArrowDown')).toEqual([
      'module',
      'defs.bzl.cxx_libraries',
      'defs.bzl.platform_flag_table',
    ]);
    expect(move(['module', 'defs.bzl.cxx_libraries'], 'ArrowUp')).toEqual(['module']);
    expect(move([], 'ArrowUp')).toEqual([]);
  });

  it('swaps up and down when the root is at the bottom', () => {
    expect(move(['module'], 'ArrowUp', false)).toEqual(['module', 'defs.bzl.cxx_libraries']);
    expect(move(['module'], 'ArrowDown', false)).toEqual([]);
  });

  it('moves between siblings and stays put at either end', () => {
    expect(move(['module', 'defs.bzl.cxx_libraries', 'dict'], 'ArrowRight')).toEqual([
      'module',
      'defs.bzl.cxx_libraries',
      'string',
    ]);
    expect(move(['module', 'defs.bzl.cxx_libraries', 'dict'], 'ArrowLeft')).toEqual([
      'module',
      'defs.bzl.cxx_libraries',
      'dict',
    ]);
    expect(move(['module', 'defs.bzl.cxx_libraries', 'defs.bzl.platform_flag_table'], 'ArrowRight')).toEqual([
      'module',
      'defs.bzl.cxx_libraries',
      'defs.bzl.platform_flag_table',
    ]);
    expect(move(['module', 'defs.bzl.cxx_libraries', 'defs.bzl.platform_flag_table', 'dict'], 'ArrowDown')).toEqual([
      'module',
      'defs.bzl.cxx_libraries',
      'defs.bzl.platform_flag_table',
      'dict',
    ]);
  });
});
