// Weights summed by a pair of ids (a function and its caller, a function and a value type), for
// loops over every node of a call tree. A `Map` per first id cost three hash operations per node
// (~110 ms for the function table and ~50 ms for the type sums of the 100 MB flame's 310k nodes);
// this is one open-addressing probe over typed arrays (Fibonacci hashing, as model/tree-columns.ts).

export class PairSums {
  /** The pairs and their sums, in the order the pairs were first added. */
  first = new Int32Array(1024);
  second = new Int32Array(1024);
  sum = new Float64Array(1024);
  size = 0;
  /** Entry index + 1 per slot; 0 is empty. */
  private slots = new Int32Array(2048);
  private bits = 11;

  /** Adds `weight` to the pair (a, b); ids are integers ≥ -1. */
  add(a: number, b: number, weight: number): void {
    const mask = this.slots.length - 1;
    for (let slot = this.hash(a, b); ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) {
        this.append(slot, a, b, weight);
        return;
      }
      if (this.first[entry] === a && this.second[entry] === b) {
        this.sum[entry]! += weight;
        return;
      }
    }
  }

  private hash(a: number, b: number): number {
    return Math.imul(Math.imul(a + 1, 0x85ebca77) ^ (b + 1), 0x9e3779b1) >>> (32 - this.bits);
  }

  private append(slot: number, a: number, b: number, weight: number): void {
    if (this.size === this.first.length) {
      this.first = grown(this.first, new Int32Array(this.size * 2));
      this.second = grown(this.second, new Int32Array(this.size * 2));
      this.sum = grown(this.sum, new Float64Array(this.size * 2));
    }
    this.first[this.size] = a;
    this.second[this.size] = b;
    this.sum[this.size] = weight;
    this.size++;
    this.slots[slot] = this.size;
    if (this.size * 2 > this.slots.length) this.rehash();
  }

  /** Doubles the slots (kept at most half full) and places every entry again. */
  private rehash(): void {
    this.bits++;
    this.slots = new Int32Array(1 << this.bits);
    const mask = this.slots.length - 1;
    for (let entry = 0; entry < this.size; entry++) {
      let slot = this.hash(this.first[entry]!, this.second[entry]!);
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = entry + 1;
    }
  }
}

function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
