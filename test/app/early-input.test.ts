// What the preboot script kept from a drop or a paste before the app ran reaches the app's
// handlers once, as the same drop or paste would after (app/input.ts receiveEarlyInput).
import { afterEach, describe, expect, it } from 'vitest';
import { EARLY_INPUT_GLOBAL, takeEarlyInput, type EarlyInput } from '../../src/app/early-input.ts';
import type { EntryLike, PickedFile } from '../../src/app/entries.ts';
import { receiveEarlyInput } from '../../src/app/input.ts';

const scope = globalThis as Record<string, unknown>;

function fileEntry(fullPath: string): EntryLike {
  const name = fullPath.slice(fullPath.lastIndexOf('/') + 1);
  return { isFile: true, isDirectory: false, name, fullPath, file: (ok) => ok(new File(['a;b 1\n'], name)) };
}

/** The app's handlers, recording what they get; resolves once `count` batches of files came. */
function handlers(count: number) {
  const got: [string, string[]][] = [];
  let done: () => void;
  const all = new Promise<void>((resolve) => (done = resolve));
  return {
    got,
    all,
    onFiles: (files: PickedFile[], origin: string) => {
      got.push([origin, files.map((f) => f.path)]);
      if (got.length === count) done();
    },
    onError: (message: string) => got.push(['error', [message]]),
  };
}

afterEach(() => delete scope[EARLY_INPUT_GLOBAL]);

describe('early input', () => {
  it('hands each kept drop and paste to the handlers, in order, and takes them once', async () => {
    const kept: EarlyInput[] = [
      { type: 'drop', entries: [fileEntry('/out/flame.src')], files: [] },
      { type: 'paste', files: [], text: 'a;b 2' },
      // An item without an entry: the drop's files as listed.
      { type: 'drop', entries: [null], files: [new File(['x'], 'listed.src')] },
    ];
    let takes = 0;
    scope[EARLY_INPUT_GLOBAL] = () => (takes++ === 0 ? kept : []);
    const h = handlers(3);
    expect(receiveEarlyInput(takeEarlyInput(), h)).toBe(3);
    await h.all;
    expect(h.got).toEqual(
      expect.arrayContaining([
        ['drop', ['out/flame.src']],
        ['paste', [expect.stringMatching(/^pasted-\d+\.txt$/)]],
        ['drop', ['listed.src']],
      ]),
    );
    expect(takeEarlyInput()).toEqual([]);
    expect(takes).toBe(1);
  });

  it('finds nothing on a page without the preboot script (the dev server)', () => {
    expect(takeEarlyInput()).toEqual([]);
  });
});
