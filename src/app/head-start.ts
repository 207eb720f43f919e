// A `#url=` load that starts before the app has run: the page's first, small module (boot.ts)
// spawns the parse worker and sends it the URL, so the worker's start-up and the download
// overlap with the download and start-up of the main bundle (docs/performance.md). The
// Loader adopts that job when the app asks for the same inputs; messages that came before
// are kept and replayed.
import { sameInputs } from '../worker/early-job.ts';
import type { ParseInput, WorkerRequest, WorkerResponse } from '../worker/protocol.ts';
import { checkUrl, inputsForUrl, isManifestUrl } from './url-loader.ts';
import { parseHash } from './url-state.ts';

/** The job id of the early load; the Loader numbers its own jobs from 1. */
export const HEAD_START_JOB = 0;

export interface HeadStart {
  worker: Worker;
  jobId: number;
  inputs: ParseInput[];
  /** What the worker posted before the Loader took it over, in order. */
  backlog: WorkerResponse[];
}

let pending: HeadStart | null = null;

/** Where tools/worker-preboot-plugin.ts's script leaves the worker it booted (built page only). */
export const PREBOOT_GLOBAL = '__peakscopeWorker';

/**
 * The one place the parse worker is created (one reference, so one worker bundle). The first
 * call takes the worker the preboot script started while the page was still loading.
 */
export function spawnParseWorker(): Worker {
  const scope = globalThis as { [PREBOOT_GLOBAL]?: Worker | null };
  const booted = scope[PREBOOT_GLOBAL];
  scope[PREBOOT_GLOBAL] = null;
  return booted ?? new Worker(new URL('../worker/parse-worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Starts parsing the hash's `#url=` at once when it names one file. A manifest needs its own
 * fetch first and is left to the app; so is anything checkUrl refuses (the app says why).
 */
export async function startFromHash(hash: string, base: string): Promise<void> {
  const text = parseHash(hash).url;
  if (!text) return;
  const checked = checkUrl(text, base);
  if (!checked.ok || isManifestUrl(checked.url)) return;
  const inputs = await inputsForUrl(checked.url);
  if (typeof inputs === 'string') return;
  const worker = spawnParseWorker();
  const started: HeadStart = { worker, jobId: HEAD_START_JOB, inputs, backlog: [] };
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => started.backlog.push(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    started.backlog.push({
      type: 'failed',
      jobId: HEAD_START_JOB,
      message: `the parser stopped unexpectedly: ${event.message || 'unknown error'}`,
    });
  };
  const request: WorkerRequest = { type: 'parse', jobId: HEAD_START_JOB, inputs };
  worker.postMessage(request);
  pending = started;
}

/**
 * The early job when it parses exactly `inputs` (taken once); otherwise null, and an early
 * job nobody wants is stopped.
 */
export function takeHeadStart(inputs: readonly ParseInput[]): HeadStart | null {
  const early = pending;
  pending = null;
  if (!early) return null;
  if (sameInputs(early.inputs, inputs)) return early;
  early.worker.terminate();
  return null;
}
