// The heap flame reader's WebAssembly, fetched and compiled as the worker starts, while the
// profile downloads and the parsers' chunk loads, instead of decoded from base64 and compiled
// inside the parse: in a 10 MB load that took the first chunk from 55 to 34 ms (A/B, medians of
// 9). The app build ships it as its own file (tools/heap-flame-wasm-plugin.ts); the load job
// hands the result to the reader (formats/heap-flame-core.ts adoptCoreModule).
import wasmUrl from 'virtual:heap-flame-wasm-url';

/**
 * The compiled core, or why there is none; null when this build has no core file (dev server).
 * `url` is absolute: the build writes it as `new URL(file, import.meta.url)`.
 */
export function compileCoreModule(
  url: string | null = wasmUrl,
  fetchImpl: typeof fetch = fetch,
): Promise<WebAssembly.Module | { failed: unknown }> | null {
  if (!url) return null;
  return compileFrom(url, fetchImpl).catch((e: unknown) => ({ failed: e }));
}

async function compileFrom(url: string, fetchImpl: typeof fetch): Promise<WebAssembly.Module> {
  const response = await fetchImpl(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  // Streaming compilation needs the application/wasm type; a host that serves the file as
  // anything else gets it compiled from its bytes.
  const type = response.headers.get('content-type') ?? '';
  if (/^application\/wasm\b/i.test(type) && typeof WebAssembly.compileStreaming === 'function') {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}
