// The page's side of the parse worker: one worker, one job at a time per call, progress into
// the store, cancel by abort message with terminate-and-respawn as the fallback.
import type { LoadResult } from '../worker/load-job.ts';
import type { ParseInput, WorkerRequest, WorkerResponse } from '../worker/protocol.ts';
import type { AnalysedSetInput, SetAnalysis } from '../worker/set-analysis.ts';
import type { SourceText } from '../worker/sources.ts';
import { spawnParseWorker, takeHeadStart } from './head-start.ts';
import type { Store } from './store.ts';

/** A worker that does not confirm a cancel within this time is terminated and respawned. */
const CANCEL_GRACE_MS = 400;

export type LoadOutcome =
  ({ status: 'done' } & LoadResult) | { status: 'cancelled' } | { status: 'failed'; message: string };

/** Per load, per set, in the order sent; or why the worker could not analyse them. */
export type AnalyseOutcome = { status: 'done'; analyses: SetAnalysis[][] } | { status: 'failed'; message: string };

interface Pending {
  resolve(outcome: LoadOutcome): void;
}

export class Loader {
  private worker: Worker | null = null;
  private nextJob = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly analysing = new Map<number, (outcome: AnalyseOutcome) => void>();

  constructor(private readonly store: Store) {}

  private spawn(): Worker {
    return this.adopt(spawnParseWorker());
  }

  private adopt(worker: Worker): Worker {
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.failAll(`the parser stopped unexpectedly: ${event.message || 'unknown error'}`);
    };
    return worker;
  }

  private receive(message: WorkerResponse): void {
    if (message.type === 'progress') {
      this.store.loadProgress(message.jobId, message.bytesRead, message.totalBytes);
      return;
    }
    // For the preboot script, which describes its canvas and starts the app on these
    // (tools/worker-preboot-plugin.ts).
    if (message.type === 'first-paint' || message.type === 'no-first-paint') return;
    const analysed = this.analysing.get(message.jobId);
    if (analysed) {
      this.analysing.delete(message.jobId);
      if (message.type === 'analysed') analysed({ status: 'done', analyses: message.analyses });
      else analysed({ status: 'failed', message: message.type === 'failed' ? message.message : message.type });
      return;
    }
    const pending = this.pending.get(message.jobId);
    if (!pending) return;
    this.pending.delete(message.jobId);
    if (message.type === 'done') {
      const { type: _type, jobId: _jobId, ...result } = message;
      pending.resolve({ status: 'done', ...result });
    } else if (message.type === 'cancelled') pending.resolve({ status: 'cancelled' });
    else if (message.type === 'failed') pending.resolve({ status: 'failed', message: message.message });
  }

  private failAll(message: string): void {
    for (const [jobId, p] of this.pending) {
      this.pending.delete(jobId);
      p.resolve({ status: 'failed', message });
    }
    for (const [jobId, resolve] of this.analysing) {
      this.analysing.delete(jobId);
      resolve({ status: 'failed', message });
    }
    this.worker?.terminate();
    this.worker = null;
  }

  /** Parses inputs in the worker; the store shows progress under `label` meanwhile. */
  load(inputs: ParseInput[], label: string): { jobId: number; done: Promise<LoadOutcome> } {
    let early = takeHeadStart(inputs);
    if (early && this.worker) {
      early.worker.terminate(); // a worker is already running: one at a time
      early = null;
    }
    const jobId = early ? early.jobId : this.nextJob++;
    const totalBytes = inputs.reduce((sum, i) => sum + (i.kind === 'file' ? i.file.size : 0), 0);
    this.store.loadStarted(jobId, label, totalBytes);
    const done = new Promise<LoadOutcome>((resolve) => this.pending.set(jobId, { resolve }));
    if (early) {
      // The page's first module already started this load (head-start.ts): take it over.
      this.worker = this.adopt(early.worker);
      for (const message of early.backlog) this.receive(message);
    } else {
      this.worker ??= this.spawn();
      // Sources of earlier loads go along, so the new runs join them in the worker.
      const sources = this.store.get().sources.map(({ path, text }) => ({ path, text }));
      this.post({ type: 'parse', jobId, inputs, sources });
    }
    return { jobId, done };
  }

  /**
   * Analyses earlier loads' sets again with `sources` in the worker (sources that arrived after
   * their profiles). The sets are copied, not transferred: the page keeps drawing them.
   */
  analyse(loads: AnalysedSetInput[][], sources: SourceText[]): Promise<AnalyseOutcome> {
    const jobId = this.nextJob++;
    const done = new Promise<AnalyseOutcome>((resolve) => this.analysing.set(jobId, resolve));
    this.worker ??= this.spawn();
    try {
      this.post({ type: 'analyse', jobId, loads, sources });
    } catch (e) {
      // A set that cannot be copied (DataCloneError): no answer will come.
      this.analysing.delete(jobId);
      return Promise.resolve({ status: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
    return done;
  }

  /** Stops a job: the worker stops reading; if it does not answer in time it is replaced. */
  cancel(jobId: number): void {
    const pending = this.pending.get(jobId);
    if (!pending) return;
    this.post({ type: 'cancel', jobId });
    setTimeout(() => {
      if (!this.pending.has(jobId)) return;
      this.pending.delete(jobId);
      this.worker?.terminate();
      this.worker = null;
      // Other jobs died with the worker.
      this.failAll('the parser was restarted after a cancel');
      pending.resolve({ status: 'cancelled' });
    }, CANCEL_GRACE_MS);
  }

  private post(request: WorkerRequest): void {
    this.worker!.postMessage(request);
  }
}
