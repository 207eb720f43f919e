// Byte-level mutations of real files: each is plain data (an op and a relative position), so
// a failing case prints readably and fast-check can shrink the list.

/** `at` is a position from 0 (start) to 1 (end) of the current bytes. */
export type Mutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'insert-text'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate-line'; at: number; times: number }
  | { op: 'swap-number'; at: number; number: string }
  | { op: 'truncate'; at: number };

const encoder = new TextEncoder();

/** Applies mutations in order; the input is never modified. */
export function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let out = bytes;
  for (const m of mutations) out = applyOne(out, m);
  return out;
}

function applyOne(b: Uint8Array, m: Mutation): Uint8Array {
  const i = Math.min(b.length, Math.floor(m.at * b.length));
  switch (m.op) {
    case 'flip': {
      if (b.length === 0) return b;
      const out = b.slice();
      const j = Math.min(i, b.length - 1);
      out[j] = out[j]! ^ (1 << m.bit);
      return out;
    }
    case 'insert':
      return concat(b.subarray(0, i), m.bytes, b.subarray(i));
    case 'insert-text':
      return concat(b.subarray(0, i), encoder.encode(m.text), b.subarray(i));
    case 'delete':
      return concat(b.subarray(0, i), b.subarray(i + m.length));
    case 'duplicate-line':
      return duplicateLine(b, i, m.times);
    case 'swap-number':
      return swapNumber(b, i, m.number);
    case 'truncate':
      return b.subarray(0, i);
  }
}

/** Repeats the line that holds byte i (concatenated or merged profiles repeat stacks). */
function duplicateLine(b: Uint8Array, i: number, times: number): Uint8Array {
  const start = b.lastIndexOf(0x0a, i - 1) + 1;
  const nl = b.indexOf(0x0a, i);
  const end = nl < 0 ? b.length : nl + 1;
  const line = b.subarray(start, end);
  const copies = Array.from({ length: times }, () => line);
  return concat(b.subarray(0, end), ...copies, b.subarray(end));
}

/** Replaces the first run of digits at or after byte i with another number. */
function swapNumber(b: Uint8Array, i: number, n: string): Uint8Array {
  const isDigit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39;
  let start = i;
  while (start < b.length && !isDigit(b[start])) start++;
  if (start >= b.length) return b;
  let end = start;
  while (isDigit(b[end])) end++;
  return concat(b.subarray(0, start), encoder.encode(n), b.subarray(end));
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
