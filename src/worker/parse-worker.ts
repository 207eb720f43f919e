// The parse worker (a module Web Worker): parses dropped files and URLs off the main thread,
// derives per-set data, and hands back plain data with call-tree buffers transferred.
import { fetchClaimingPrefetch, prefetchForScript, releasePrefetch } from './prefetch.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const running = new Map<number, AbortController>();
// A `#url=` page's download starts first (the preboot script's fragment, prefetch.ts); the
// parsers and the analysis load as a second chunk, after it has started.
if (self.location.hash) prefetchForScript(self.location.hash);
const loadJob = import('./load-job.ts');

function post(message: WorkerResponse, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

async function parse(jobId: number, request: Extract<WorkerRequest, { type: 'parse' }>): Promise<void> {
  const controller = new AbortController();
  running.set(jobId, controller);
  try {
    const { runLoadJob, transferablesOf } = await loadJob;
    controller.signal.throwIfAborted();
    const result = await runLoadJob(
      request.inputs,
      {
        signal: controller.signal,
        fetch: (url, init) => fetchClaimingPrefetch(String(url), init ?? {}),
        onProgress: (bytesRead, totalBytes, path) => post({ type: 'progress', jobId, bytesRead, totalBytes, path }),
      },
      undefined,
      request.sources,
    );
    post({ type: 'done', jobId, ...result }, transferablesOf(result.sets));
  } catch (e) {
    if (controller.signal.aborted) post({ type: 'cancelled', jobId });
    else post({ type: 'failed', jobId, message: e instanceof Error ? e.message : String(e) });
  } finally {
    releasePrefetch();
    running.delete(jobId);
  }
}

/** Sources after their profiles: the earlier loads' analysis, done here as for a first load. */
function analyse(request: Extract<WorkerRequest, { type: 'analyse' }>): void {
  loadJob.then(
    ({ runAnalyseJob }) => post(runAnalyseJob(request)),
    (e: unknown) => post({ type: 'failed', jobId: request.jobId, message: String(e) }),
  );
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'parse') void parse(request.jobId, request);
  else if (request.type === 'analyse') analyse(request);
  else running.get(request.jobId)?.abort();
};
