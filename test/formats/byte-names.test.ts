// ByteNameTable tells names apart by their bytes: the hash reads only three words of a long
// name, so names differing in one byte it does not read share a hash and are compared whole.
import { describe, expect, it } from 'vitest';
import { ByteNameTable } from '../../src/formats/byte-names.ts';

describe('ByteNameTable', () => {
  it('names differing in any one byte get their own ids; equal names the same id', () => {
    const names: string[] = [];
    const table = new ByteNameTable((name) => names.push(name) - 1);
    const expected = new Map<string, number>();
    const idOf = (name: string): number => {
      const bytes = new TextEncoder().encode(`"${name}"`);
      return table.id(bytes, new DataView(bytes.buffer), 1, bytes.length - 1);
    };
    for (let length = 0; length <= 24; length++) {
      const base = 'abcdefghijklmnopqrstuvwxyz'.slice(0, length);
      for (let at = 0; at <= length; at++) {
        const name = at === length ? base : `${base.slice(0, at)}_${base.slice(at + 1)}`;
        if (!expected.has(name)) expected.set(name, idOf(name));
      }
    }
    expect(new Set(expected.values()).size).toBe(expected.size);
    for (const [name, id] of expected) expect(idOf(name)).toBe(id);
    expect(names).toEqual([...expected.keys()]);
  });
});
