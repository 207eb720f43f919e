// Bundled by run.mjs (esbuild) into tools/bench/out/parse-only-worker.js: times
// parseChunks alone on a Blob's stream, the figure the "parse in the worker" names,
// without the app worker's derivations (assembleSets) and message transfer.
import { parseChunks } from '../../../src/formats/parse-file.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<{ blob?: Blob; url?: string }>) => void) | null;
  postMessage(message: unknown): void;
}
const scope = self as unknown as WorkerScope;

async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

scope.onmessage = async (event) => {
  const started = performance.now();
  let chunks = 0;
  let largest = 0;
  const { blob, url } = event.data;
  // A URL is streamed from the server as the app's #url= loading does; a Blob as a drop.
  const stream = blob ? (blob.stream() as ReadableStream<Uint8Array>) : (await fetch(url!)).body!;
  const counted = async function* () {
    for await (const c of chunksOf(stream)) {
      chunks++;
      largest = Math.max(largest, c.length);
      yield c;
    }
  };
  const parsed = await parseChunks('bench.src', blob?.size ?? 0, counted());
  const profile = parsed.profile;
  scope.postMessage({
    ms: performance.now() - started,
    chunks,
    largestChunk: largest,
    format: profile?.format ?? parsed.error?.message,
    nodes: profile && 'tree' in profile ? profile.tree.name.length : 0,
  });
};
