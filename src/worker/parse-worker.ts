// The parse worker (a module Web Worker): parses dropped files and URLs off the main thread,
// derives per-set data, and hands back plain data with call-tree buffers transferred.
import { runLoadJob } from './load-job.ts';
import { transferablesOf, type WorkerRequest, type WorkerResponse } from './protocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const running = new Map<number, AbortController>();

function post(message: WorkerResponse, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

async function parse(jobId: number, request: Extract<WorkerRequest, { type: 'parse' }>): Promise<void> {
  const controller = new AbortController();
  running.set(jobId, controller);
  try {
    const { sets, warnings } = await runLoadJob(request.inputs, {
      signal: controller.signal,
      onProgress: (bytesRead, totalBytes, path) => post({ type: 'progress', jobId, bytesRead, totalBytes, path }),
    });
    post({ type: 'done', jobId, sets, warnings }, transferablesOf(sets));
  } catch (e) {
    if (controller.signal.aborted) post({ type: 'cancelled', jobId });
    else post({ type: 'failed', jobId, message: e instanceof Error ? e.message : String(e) });
  } finally {
    running.delete(jobId);
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'parse') void parse(request.jobId, request);
  else running.get(request.jobId)?.abort();
};
