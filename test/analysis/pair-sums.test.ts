import { describe, expect, it } from 'vitest';
import { PairSums } from '../../src/analysis/pair-sums.ts';

function entries(sums: PairSums): [number, number, number][] {
  return Array.from({ length: sums.size }, (_, e) => [sums.first[e]!, sums.second[e]!, sums.sum[e]!]);
}

describe('PairSums', () => {
  it('sums weights by pair, in the order pairs first came, with -1 as an id', () => {
    const sums = new PairSums();
    sums.add(3, -1, 1);
    sums.add(3, 7, 2);
    sums.add(7, 3, 4);
    sums.add(3, -1, 8);
    expect(entries(sums)).toEqual([
      [3, -1, 9],
      [3, 7, 2],
      [7, 3, 4],
    ]);
  });

  it('agrees with a Map past many growths of its slots and entries', () => {
    const sums = new PairSums();
    const expected = new Map<string, number>();
    let seed = 7;
    const random = (n: number) => (((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) >>> 8) % n) - 1;
    for (let i = 0; i < 50_000; i++) {
      const [a, b, w] = [random(300), random(40), (i % 13) + 0.5];
      sums.add(a, b, w);
      expected.set(`${a},${b}`, (expected.get(`${a},${b}`) ?? 0) + w);
    }
    expect(sums.size).toBe(expected.size);
    expect(sums.size).toBeGreaterThan(4096);
    expect(new Map(entries(sums).map(([a, b, w]) => [`${a},${b}`, w]))).toEqual(expected);
    expect(entries(sums).map(([a, b]) => `${a},${b}`)).toEqual([...expected.keys()]);
  });
});
