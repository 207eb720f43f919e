// The only definition of the messages between the page (app/) and the parse worker.
// Everything here is plain objects and typed arrays (structured-clone safe): no classes,
// no functions. Call-tree buffers travel as transferables, so the worker's copy is detached.
import type { FunctionStats } from '../analysis/function-table.ts';
import type { MetricName, MetricWeights } from '../analysis/metrics.ts';
import type { RunRoles } from '../analysis/run-roles.ts';
import type { ParsedFile } from '../model/profile.ts';
import type { FirstPaintTarget } from './first-paint.ts';
import type { LoadResult } from './load-job.ts';
import type { AnalysedSetInput, SetAnalysis } from './set-analysis.ts';
import type { SourceText } from './sources.ts';

/** One input to parse: a File from a drop/picker/paste, or a same-origin or CORS URL. */
export type ParseInput = { kind: 'file'; path: string; file: Blob } | { kind: 'url'; path: string; url: string };

/**
 * Page → worker. A parse's `sources`: Starlark sources the page holds from earlier loads; the new
 * runs join them too. An `analyse`: sources arrived after their profiles, so the page sends the
 * sets of each earlier load back (copied, not transferred: the page keeps drawing them) with every
 * source it holds, and the worker analyses them as it does a first load (analyse-job.ts).
 */
export type WorkerRequest =
  | { type: 'parse'; jobId: number; inputs: ParseInput[]; sources?: SourceText[] }
  | { type: 'analyse'; jobId: number; loads: AnalysedSetInput[][]; sources: SourceText[] }
  | { type: 'cancel'; jobId: number }
  /** From the preboot script (tools/worker-preboot-plugin.ts): where the first parse job draws its flamegraph. */
  | ({ type: 'first-paint-canvas' } & FirstPaintTarget);

export type { MetricName, MetricWeights } from '../analysis/metrics.ts';

/** A profile set as the worker hands it over: parsed files plus what was derived from them. */
export interface LoadedSetData {
  /** The directory the files came from, mode folders folded ('' for loose files). Untrusted. */
  name: string;
  files: ParsedFile[];
  /** Every file by role (analysis/run-roles.ts); its profiles are the very objects in `files`. */
  roles: RunRoles;
  /** Per function, from the allocated heap flame (else the time flame) joined with the summary. */
  functions: { metric: MetricName; fileIndex: number; rows: FunctionStats[] } | null;
  metrics: MetricWeights[];
  /** Advisor findings, loops, peak figures and matched sources (set-analysis.ts). */
  analysis?: SetAnalysis;
}

/** Worker → page. */
export type WorkerResponse =
  | { type: 'progress'; jobId: number; bytesRead: number; totalBytes: number; path: string }
  /** `warnings`: what went wrong after parsing (e.g. an analysis step) without losing the sets. */
  | ({ type: 'done'; jobId: number } & LoadResult)
  /** The answer to `analyse`: per load, per set, in the order they were sent. */
  | { type: 'analysed'; jobId: number; analyses: SetAnalysis[][] }
  /** The job drew its flamegraph on the preboot script's canvas; `description` is its text alternative. */
  | { type: 'first-paint'; jobId: number; description: string }
  /**
   * There will be no first picture: the worker has no early job, the early job's first file is a
   * format the picture does not draw, or the job ended without one. The preboot script waits for
   * this or 'first-paint' before it starts the app.
   */
  | { type: 'no-first-paint'; jobId: number }
  | { type: 'cancelled'; jobId: number }
  | { type: 'failed'; jobId: number; message: string };
