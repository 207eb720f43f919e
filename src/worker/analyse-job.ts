// Sources that arrive after their profiles: the page sends back the sets of each earlier load
// with every source it holds, and they are analysed here by the very function a first load uses
// (set-analysis.ts), so the page never loads the Starlark indexer or the rules. Free of worker
// globals so tests run it under Node; the entry (parse-worker.ts) only posts what it returns.
import type { WorkerRequest, WorkerResponse } from './protocol.ts';
import { analysesOf } from './set-analysis.ts';

export type AnalyseRequest = Extract<WorkerRequest, { type: 'analyse' }>;

/** The answer to one `analyse` request: every load's analyses, or why there are none. */
export function runAnalyseJob(request: AnalyseRequest): WorkerResponse {
  try {
    return {
      type: 'analysed',
      jobId: request.jobId,
      analyses: request.loads.map((sets) => analysesOf(sets, request.sources)),
    };
  } catch (e) {
    return { type: 'failed', jobId: request.jobId, message: e instanceof Error ? e.message : String(e) };
  }
}
