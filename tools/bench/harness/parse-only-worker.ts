// Bundled by run.mjs (esbuild) into tools/bench/out/parse-only-worker.js: times
// parseChunks alone on a Blob's stream, the figure the "parse in the worker" names,
// without the app worker's derivations (assembleSets) and message transfer.
import { parseChunks } from '../../../src/formats/parse-file.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<{ blob: Blob }>) => void) | null;
  postMessage(message: unknown): void;
}
const scope = self as unknown as WorkerScope;

async function* chunksOf(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = (blob.stream() as ReadableStream<Uint8Array>).getReader();
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
  const counted = async function* () {
    for await (const c of chunksOf(event.data.blob)) {
      chunks++;
      largest = Math.max(largest, c.length);
      yield c;
    }
  };
  const parsed = await parseChunks('bench.src', event.data.blob.size, counted());
  const profile = parsed.profile;
  scope.postMessage({
    ms: performance.now() - started,
    chunks,
    largestChunk: largest,
    format: profile?.format ?? parsed.error?.message,
    nodes: profile && 'tree' in profile ? profile.tree.name.length : 0,
  });
};
