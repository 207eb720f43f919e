// The call tree builder's storage (internal to model/): node columns in typed arrays that
// grow, and the (parent, name) → child hash table for parents with many children.

/** Typed-array columns that double when full (no per-node boxing while building). */
export class GrowableColumns {
  name = new Int32Array(1024);
  parent = new Int32Array(1024);
  kind = new Uint8Array(1024);
  self = new Float64Array(1024);
  firstChild = new Int32Array(1024);
  lastChild = new Int32Array(1024);
  nextSibling = new Int32Array(1024);
  childCount = new Int32Array(1024);
  count = 0;

  /** Appends a node and returns its index. */
  add(nameId: number, parent: number, kind: number): number {
    if (this.count === this.name.length) this.grow();
    const node = this.count++;
    this.name[node] = nameId;
    this.parent[node] = parent;
    this.kind[node] = kind;
    this.firstChild[node] = -1;
    this.lastChild[node] = -1;
    this.nextSibling[node] = -1;
    this.childCount[node] = 0;
    return node;
  }

  private grow(): void {
    const size = this.name.length * 2;
    const widen = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.name = widen(this.name, (n) => new Int32Array(n));
    this.parent = widen(this.parent, (n) => new Int32Array(n));
    this.kind = widen(this.kind, (n) => new Uint8Array(n));
    this.self = widen(this.self, (n) => new Float64Array(n));
    this.firstChild = widen(this.firstChild, (n) => new Int32Array(n));
    this.lastChild = widen(this.lastChild, (n) => new Int32Array(n));
    this.nextSibling = widen(this.nextSibling, (n) => new Int32Array(n));
    this.childCount = widen(this.childCount, (n) => new Int32Array(n));
  }
}

/**
 * (parent, name) → child node, open addressing over Int32Arrays: a JS Map keyed by
 * parent * 2^22 + name leaves the small-integer range on big trees and was the hot spot.
 */
export class ChildTable {
  private bits = 12;
  /** Per slot: parent, name id, child node (parent -1 = empty); interleaved for locality. */
  private slots = new Int32Array(3 << 12).fill(-1);
  private size = 0;

  /** Fibonacci hashing: the top bits of the product mix both keys (low bits did not). */
  private home(parent: number, nameId: number): number {
    return Math.imul(Math.imul(nameId, 0x85ebca77) ^ parent, 0x9e3779b1) >>> (32 - this.bits);
  }

  get(parent: number, nameId: number): number {
    const s = this.slots;
    const mask = (1 << this.bits) - 1;
    for (let i = this.home(parent, nameId); ; i = (i + 1) & mask) {
      const p = s[i * 3]!;
      if (p === -1) return -1;
      if (p === parent && s[i * 3 + 1] === nameId) return s[i * 3 + 2]!;
    }
  }

  /** Adds a key known to be absent. */
  set(parent: number, nameId: number, node: number): void {
    if (++this.size * 2 > 1 << this.bits) this.grow();
    this.place(parent, nameId, node);
  }

  private place(parent: number, nameId: number, node: number): void {
    const s = this.slots;
    const mask = (1 << this.bits) - 1;
    let i = this.home(parent, nameId);
    while (s[i * 3] !== -1) i = (i + 1) & mask;
    s[i * 3] = parent;
    s[i * 3 + 1] = nameId;
    s[i * 3 + 2] = node;
  }

  private grow(): void {
    const old = this.slots;
    this.bits++;
    this.slots = new Int32Array(3 << this.bits).fill(-1);
    for (let i = 0; i < old.length; i += 3) if (old[i] !== -1) this.place(old[i]!, old[i + 1]!, old[i + 2]!);
  }
}
