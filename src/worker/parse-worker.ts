// The parse worker (a module Web Worker): parses dropped files and URLs off the main thread,
// derives per-set data, and hands back plain data with call-tree buffers transferred.
import { assembleSets } from './assemble.ts';
import { runParseJob } from './parse-job.ts';
import { transferablesOf, type WorkerRequest, type WorkerResponse } from './protocol.ts';
import { analyseSets, readSources, splitSources } from './set-analysis.ts';

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
    const { sources, profiles } = splitSources(request.inputs);
    const files = await runParseJob(profiles, {
      signal: controller.signal,
      onProgress: (bytesRead, totalBytes, path) => post({ type: 'progress', jobId, bytesRead, totalBytes, path }),
    });
    const sets = analyseSets(assembleSets(files), await readSources(sources, controller.signal));
    post({ type: 'done', jobId, sets }, transferablesOf(sets));
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
