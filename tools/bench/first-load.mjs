// What index.html loads up front (its scripts and modulepreloads), and how many gzipped bytes that
// is: the bench's first-load JS figure, and `node tools/bench/first-load.mjs` after `npx vite build`
// prints it per file. test/tools/first-load.test.ts reads the same list from an in-memory build.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * The JS files an index.html loads up front, in order: those it names in `src` or `href`
 * (scripts and `modulepreload` links) and the app's modules, which its preboot script starts
 * (`var app = {"entry": …, "preloads": […]}`, tools/worker-preboot-plugin.ts).
 */
export function eagerScripts(html) {
  const named = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const found = /\bvar app = (\{.*\});/.exec(html);
  const app = found ? JSON.parse(found[1]) : { preloads: [], entry: null };
  const started = app.entry ? [...app.preloads, app.entry] : [];
  return [...named, ...started.map((f) => f.replace(/^\.?\//, ''))];
}

/** The inline scripts of an index.html (the preboot script), as text. */
export function inlineScripts(html) {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
}

/** Gzipped size of the JS that dist/index.html loads up front, per file, and of the lazily loaded worker. */
export function bundleSizes(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const eager = eagerScripts(html);
  const gz = (f) => gzipSync(readFileSync(join(dist, f))).length;
  // The worker is a small entry plus the chunk it imports (parsers and analysis) and the heap
  // flame reader's WebAssembly, which the entry fetches (src/worker/core-module.ts).
  const workers = readdirSync(join(dist, 'assets'))
    .filter((f) => /^(parse-worker|load-job)-.*\.js$|^heap-flame-.*\.wasm$/.test(f))
    .sort();
  // Inline scripts count too (each gzipped alone, as if it were a file).
  const inline = inlineScripts(html);
  const firstLoadGzip = [...eager.map((f) => gz(f)), ...inline.map((text) => gzipSync(text).length)];
  return {
    firstLoadJsGzipBytes: firstLoadGzip.reduce((s, n) => s + n, 0),
    firstLoadFiles: [...eager, ...inline.map((_, i) => `index.html inline script ${i + 1}`)],
    firstLoadGzipBytesPerFile: firstLoadGzip,
    workerJsGzipBytes: workers.reduce((s, f) => s + gz(`assets/${f}`), 0),
    workerFile: workers.find((f) => f.startsWith('parse-worker-')) ?? null,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'dist'));
  const sizes = bundleSizes(dist);
  // kB = 1024 bytes, as the bench prints it.
  const kB = (n) => (n / 1024).toFixed(1).padStart(7);
  sizes.firstLoadFiles.forEach((f, i) => console.log(`${kB(sizes.firstLoadGzipBytesPerFile[i])} kB  ${f}`));
  console.log(`${kB(sizes.firstLoadJsGzipBytes)} kB  first-load JS, gzip`);
  console.log(`${kB(sizes.workerJsGzipBytes)} kB  worker with its WebAssembly, gzip (loaded on the first parse)`);
}
