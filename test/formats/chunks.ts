// Test helper: cut a byte stream where a property test says, to read it back in chunks.

/** Cuts `bytes` at the given offsets (out-of-range and repeated ones ignored). */
export function cutAt(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const cuts = [...new Set(offsets.filter((o) => o > 0 && o < bytes.length))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const c of [...cuts, bytes.length]) {
    chunks.push(bytes.subarray(start, c));
    start = c;
  }
  return chunks;
}
