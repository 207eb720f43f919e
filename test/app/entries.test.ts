import { describe, expect, it } from 'vitest';
import { pickedFromList, walkEntries, type EntryLike } from '../../src/app/entries.ts';

function file(fullPath: string, text = 'x'): EntryLike {
  const name = fullPath.slice(fullPath.lastIndexOf('/') + 1);
  return { isFile: true, isDirectory: false, name, fullPath, file: (ok) => ok(new File([text], name)) };
}

/** A directory whose reader hands out entries in batches of `batch`, like Chromium's (100). */
function dir(fullPath: string, children: EntryLike[], batch = 2): EntryLike {
  const name = fullPath.slice(fullPath.lastIndexOf('/') + 1);
  return {
    isFile: false,
    isDirectory: true,
    name,
    fullPath,
    createReader() {
      let at = 0;
      return {
        readEntries(ok) {
          const slice = children.slice(at, at + batch);
          at += batch;
          queueMicrotask(() => ok(slice));
        },
      };
    },
  };
}

describe('directory walker', () => {
  it('walks nested folders, reads every batch, and keeps paths relative to the drop', async () => {
    const tree = dir('/before', [
      dir('/before/statement', [file('/before/statement/profile.csv'), file('/before/statement/targets.txt')]),
      dir('/before/heap-allocated', [
        file('/before/heap-allocated/flame.src'),
        file('/before/heap-allocated/profile.csv'),
        file('/before/heap-allocated/targets.txt'),
      ]),
    ]);
    const files = await walkEntries([tree, file('/loose.txt')]);
    expect(files.map((f) => f.path)).toEqual([
      'before/heap-allocated/flame.src',
      'before/heap-allocated/profile.csv',
      'before/heap-allocated/targets.txt',
      'before/statement/profile.csv',
      'before/statement/targets.txt',
      'loose.txt',
    ]);
    expect(await files[0]!.file.text()).toBe('x');
  });

  it('walks a folder thousands of levels deep without recursion', async () => {
    let entry = file(`/d${'/d'.repeat(3000)}/leaf.txt`);
    for (let depth = 3000; depth >= 0; depth--) entry = dir(`/d${'/d'.repeat(depth)}`, [entry]);
    const files = await walkEntries([entry]);
    expect(files).toHaveLength(1);
    expect(files[0]!.path.endsWith('/d/leaf.txt')).toBe(true);
  });

  it('uses webkitRelativePath from a folder input, else the file name', () => {
    const inFolder = new File(['a'], 'flame.src');
    Object.defineProperty(inFolder, 'webkitRelativePath', { value: 'out/heap-allocated/flame.src' });
    const loose = new File(['b'], 'x.csv');
    expect(pickedFromList([inFolder, loose]).map((p) => p.path)).toEqual(['out/heap-allocated/flame.src', 'x.csv']);
  });

  it('never lets a lone file name pose as a path', () => {
    expect(
      pickedFromList([new File(['a'], '<b>deep</b>.src'), new File(['b'], '..\\x.csv')]).map((p) => p.path),
    ).toEqual(['<b>deep<\u2215b>.src', '..\u2215x.csv']);
  });
});
