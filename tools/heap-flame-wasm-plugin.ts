// In the app build the heap flame reader's WebAssembly ships as its own file
// (assets/heap-flame-[hash].wasm), which the worker compiles as it starts
// (src/worker/core-module.ts), and the base64 copy is left out of the parsers' chunk: decoding it
// and compiling it synchronously sat in the first chunk of every heap flame load. The CLI, the
// tests and the dev server keep reading the base64 module (src/formats/heap-flame-wasm.ts), the
// one place the bytes are kept.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const URL_MODULE = 'virtual:heap-flame-wasm-url';
const RESOLVED_URL_MODULE = `\0${URL_MODULE}`;
const BASE64_MODULE = fileURLToPath(new URL('../src/formats/heap-flame-wasm.ts', import.meta.url));

/** The WebAssembly bytes the base64 module's source carries. */
function wasmBytesOf(moduleSource: string): Buffer {
  const base64 = /HEAP_FLAME_WASM_BASE64 =\s*'([A-Za-z0-9+/=]+)'/.exec(moduleSource)?.[1];
  if (!base64) throw new Error('src/formats/heap-flame-wasm.ts holds no base64 module');
  return Buffer.from(base64, 'base64');
}

/**
 * In the worker's bundle (vite.config.ts `worker.plugins`) it emits the file; in `plugins`, which the
 * dev server and the tests apply to the worker's modules, the URL is null and nothing else changes.
 */
export function heapFlameWasmPlugin(): Plugin {
  let build = false;
  return {
    name: 'peakscope-heap-flame-wasm',
    configResolved(config) {
      build = config.command === 'build';
    },
    resolveId(id) {
      return id === URL_MODULE ? RESOLVED_URL_MODULE : null;
    },
    load(id) {
      if (id === RESOLVED_URL_MODULE) {
        if (!build) return 'export default null;';
        const source = wasmBytesOf(readFileSync(BASE64_MODULE, 'utf8'));
        const ref = this.emitFile({ type: 'asset', name: 'heap-flame.wasm', source });
        return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
      }
      if (build && id === BASE64_MODULE) return "export const HEAP_FLAME_WASM_BASE64 = '';";
      return null;
    },
  };
}
