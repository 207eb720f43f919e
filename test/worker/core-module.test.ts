// The worker's compile of the heap flame reader from its own file (core-module.ts) and what the
// reader does with the result (heap-flame-core.ts adoptCoreModule): a compiled module reads as
// the base64 one does; a file that is missing or is not WebAssembly stops heap flame parses with
// the reason worded (the browser's or the network's fault, not the profile's), and only them.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { describeTree } from '../../src/model/call-tree.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import { adoptCoreModule } from '../../src/formats/heap-flame-core.ts';
import { HEAP_FLAME_WASM_BASE64 } from '../../src/formats/heap-flame-wasm.ts';
import { compileCoreModule } from '../../src/worker/core-module.ts';

const URL = 'https://peakscope.example/assets/heap-flame-abc.wasm';
const WASM = Buffer.from(HEAP_FLAME_WASM_BASE64, 'base64');
const FLAME = 'module;a.bzl.f;list 10\nmodule;a.bzl.f;dict 5\nmodule;b.bzl.g;list 1\n';

/** A fetch that answers `body` with `type` and `status`, counting its calls. */
function serving(body: Uint8Array, type: string, status = 200) {
  return vi.fn(async () => new Response(new Uint8Array(body), { status, headers: { 'content-type': type } }));
}

const treeOf = (text: string) => {
  const parsed = parseText('flame.src', text);
  return parsed.profile?.format === 'heap-flame' ? describeTree(parsed.profile.tree) : null;
};

describe('the worker-compiled heap flame reader', () => {
  const fromBase64 = treeOf(FLAME);
  afterAll(() => adoptCoreModule(new WebAssembly.Module(WASM)));

  it('compiles nothing when the build has no core file', () => {
    expect(compileCoreModule(null)).toBeNull();
  });

  it('compiles the file served as application/wasm, which then reads as the base64 module does', async () => {
    const fetchImpl = serving(WASM, 'application/wasm');
    const module = await compileCoreModule(URL, fetchImpl);
    expect(module).toBeInstanceOf(WebAssembly.Module);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    adoptCoreModule(module!);
    expect(fromBase64).toEqual(expect.arrayContaining(['- module (total: 16, self: 0)']));
    expect(treeOf(FLAME)).toEqual(fromBase64);
  });

  it('compiles from the bytes when the host gives the file another type', async () => {
    const fetchImpl = serving(WASM, 'application/octet-stream');
    const module = await compileCoreModule(URL, fetchImpl);
    expect(module).toBeInstanceOf(WebAssembly.Module);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('says the reader could not be loaded when its file is missing, and reads other formats', async () => {
    const failed = await compileCoreModule(URL, serving(new Uint8Array(0), 'text/html', 404));
    expect(failed).not.toBeInstanceOf(WebAssembly.Module);
    adoptCoreModule(failed!);
    expect(() => treeOf(FLAME)).toThrow(/^the heap flame reader could not be loaded \(HTTP 404 for https:.*\); reload/);
    const targets = parseText('x/targets.txt', 'load/root//a/b\n');
    expect(targets.error).toBeNull();
    expect(targets.profile?.format).toBe('targets');
  });

  it('says what the browser lacks when the file does not compile', async () => {
    const failed = await compileCoreModule(URL, serving(new Uint8Array([0, 97, 115, 109, 9, 9]), 'application/wasm'));
    adoptCoreModule(failed!);
    expect(() => treeOf(FLAME)).toThrow(
      /^this browser cannot run the heap flame reader: it needs WebAssembly with SIMD/,
    );
  });
});
