// Frame names read as UTF-8 bytes → string-table ids, decoding each distinct name once.
// A big heap flame repeats a few hundred names millions of times; hashing the bytes the
// frames in place is cheaper than decoding and slicing a string for every frame.

/**
 * A hash of a name from its length and three 4-byte words (head, middle, tail) read in place:
 * constant work per frame, so the parser can find frame ends with the native indexOf instead
 * of visiting every byte. Names that collide are told apart by comparing their bytes.
 */
export function nameHash(view: DataView, bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  let h = Math.imul(length, 0x9e3779b1);
  if (length >= 4) {
    h = Math.imul(h ^ view.getInt32(start, true), 0x85ebca6b);
    h = Math.imul(h ^ view.getInt32(start + ((length - 4) >> 1), true), 0xc2b2ae35);
    h = Math.imul(h ^ view.getInt32(end - 4, true), 0x27d4eb2f);
  } else {
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  }
  return h ^ (h >>> 15);
}

/** A copy of `a` with twice the room (the parsers' scratch arrays grow this way). */
export function widened(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Open addressing over the hash of each name's bytes; the bytes themselves live in one pool.
 * Names whose bytes differ but decode alike (invalid UTF-8 becomes U+FFFD) share one id,
 * because ids come from `intern` on the decoded string.
 *
 * @example
 *   const ids = new ByteNameTable((s) => names.push(s) - 1);
 *   ids.id(bytes, new DataView(bytes.buffer), 0, 4); // the same id for every later `list`
 */
export class ByteNameTable {
  private bits = 10;
  /** Per slot: the name's hash and its entry + 1 (0 = empty). */
  private slots = new Int32Array(2 << 10);
  private count = 0;
  private pool = new Uint8Array(1 << 16);
  private poolView = new DataView(this.pool.buffer);
  private poolUsed = 0;
  private entryStart = new Int32Array(512);
  private entryLength = new Int32Array(512);
  private entryId = new Int32Array(512);
  private readonly decoder = new TextDecoder('utf-8');

  constructor(private readonly intern: (name: string) => number) {}

  /** The id of the name `bytes[start, end)`; `view` is a DataView of `bytes`. */
  id(bytes: Uint8Array, view: DataView, start: number, end: number): number {
    const hash = nameHash(view, bytes, start, end);
    const slots = this.slots;
    const mask = (1 << this.bits) - 1;
    const length = end - start;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const entry = slots[2 * i + 1]! - 1;
      if (entry < 0) return this.add(bytes, start, end, hash, i);
      if (
        slots[2 * i] === hash &&
        this.entryLength[entry] === length &&
        this.sameBytes(entry, view, bytes, start, length)
      ) {
        return this.entryId[entry]!;
      }
    }
  }

  private sameBytes(entry: number, view: DataView, bytes: Uint8Array, start: number, length: number): boolean {
    const pool = this.pool;
    const poolView = this.poolView;
    const from = this.entryStart[entry]!;
    if (length < 4) {
      for (let k = 0; k < length; k++) if (pool[from + k] !== bytes[start + k]) return false;
      return true;
    }
    // Whole words, the last one ending at the name's end (it may overlap the one before).
    for (let k = 0; k + 4 < length; k += 4)
      if (poolView.getInt32(from + k, true) !== view.getInt32(start + k, true)) return false;
    return poolView.getInt32(from + length - 4, true) === view.getInt32(start + length - 4, true);
  }

  private add(bytes: Uint8Array, start: number, end: number, hash: number, slot: number): number {
    const entry = this.count++;
    if (entry === this.entryId.length) this.widenEntries();
    const length = end - start;
    if (this.poolUsed + length > this.pool.length) {
      const pool = new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + length));
      pool.set(this.pool.subarray(0, this.poolUsed));
      this.pool = pool;
      this.poolView = new DataView(pool.buffer);
    }
    this.pool.set(bytes.subarray(start, end), this.poolUsed);
    this.entryStart[entry] = this.poolUsed;
    this.entryLength[entry] = length;
    this.poolUsed += length;
    const id = this.intern(this.decoder.decode(bytes.subarray(start, end)));
    this.entryId[entry] = id;
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = entry + 1;
    if (this.count * 2 > 1 << this.bits) this.rehash();
    return id;
  }

  private widenEntries(): void {
    this.entryStart = widened(this.entryStart);
    this.entryLength = widened(this.entryLength);
    this.entryId = widened(this.entryId);
  }

  private rehash(): void {
    const old = this.slots;
    this.bits++;
    const slots = new Int32Array(2 << this.bits);
    const mask = (1 << this.bits) - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] === 0) continue;
      let j = old[i]! & mask;
      while (slots[2 * j + 1] !== 0) j = (j + 1) & mask;
      slots[2 * j] = old[i]!;
      slots[2 * j + 1] = old[i + 1]!;
    }
    this.slots = slots;
  }
}
