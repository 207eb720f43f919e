// The committed WebAssembly (src/formats/heap-flame-wasm.ts) must be what its Rust sources build
// to: rebuilt and compared byte for byte wherever the pinned toolchain and target are installed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { buildModule, cannotBuild, moduleSource } from '../../tools/build-wasm/build.mjs';

const reason: string | null = cannotBuild();

describe('the heap flame core', () => {
  it.skipIf(reason !== null)(
    `is what src/wasm/heap-flame builds to${reason ? ` (skipped: ${reason})` : ''}`,
    () => {
      const committed = readFileSync(new URL('../../src/formats/heap-flame-wasm.ts', import.meta.url), 'utf8');
      expect(committed).toBe(moduleSource(buildModule()));
    },
    120_000,
  );
});
