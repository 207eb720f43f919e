// The parse worker (a module Web Worker): parses dropped files and URLs off the main thread,
// derives per-set data, and hands back plain data with call-tree buffers transferred.
import { compileCoreModule } from './core-module.ts';
import { EARLY_JOB, EarlyJob } from './early-job.ts';
import { fetchClaimingPrefetch, prefetchForScript, releasePrefetch } from './prefetch.ts';
import type { FirstPaintTarget, paintFirstFlame as PaintFirstFlame } from './first-paint.ts';
import type { ParsedFile } from '../model/profile.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const running = new Map<number, AbortController>();
// A `#url=` page's download starts first (the preboot script's fragment, prefetch.ts); the heap
// flame reader's WebAssembly compiles and the parsers and the analysis load as a second chunk
// while it runs.
const prefetched = self.location.hash ? prefetchForScript(self.location.hash) : null;
const core = compileCoreModule();
const loadJob = import('./load-job.ts');
/**
 * The first parse job's flamegraph is drawn on the preboot script's canvas (first-paint.ts) as
 * soon as both are here: the parsed files and the canvas, whichever comes last, while the job
 * still runs (a small file can be parsed before the page has sent the canvas).
 */
const firstPaint: {
  target: FirstPaintTarget | null;
  parsed: { jobId: number; files: readonly ParsedFile[]; paint: typeof PaintFirstFlame } | null;
  jobsStarted: number;
  /** The first job has ended: the page has its result, no first picture any more. */
  over: boolean;
  /** The page has word of the first picture: drawn, or none coming (it starts the app then). */
  told: boolean;
} = { target: null, parsed: null, jobsStarted: 0, over: false, told: false };

/** Tells the preboot script, waiting for the early job's picture, that none comes (unless told). */
function tellNoFirstPaint(jobId: number): void {
  if (jobId !== EARLY_JOB || firstPaint.told) return;
  firstPaint.told = true;
  post({ type: 'no-first-paint', jobId });
}

async function paintFirstWhenReady(): Promise<void> {
  const { target, parsed } = firstPaint;
  if (!target || !parsed) return;
  firstPaint.target = firstPaint.parsed = null;
  let description: string | null = null;
  try {
    description = parsed.paint(target, parsed.files);
  } catch {
    // A first picture is a bonus: nothing drawn, and the page's chart still comes.
  }
  if (!description) return;
  performance.mark('peakscope:first-paint-drawn');
  firstPaint.told = true;
  // Told first: the message leaves now, and the picture is committed when this task ends, well
  // before the page's next frame. Telling the page after the timer below had the message wait
  // 20–140 ms behind the task in which the fetch ends (ResponseBodyLoader::DidFinishLoadingBody,
  // traced at 10 MB), which Chromium queues ahead of the timer.
  post({ type: 'first-paint', jobId: parsed.jobId, description });
  // A worker's OffscreenCanvas reaches the screen when the worker's task ends: end it before
  // deriving the set (a trace had the picture wait ~230 ms for it).
  await new Promise((resolve) => setTimeout(resolve, 0));
}

function post(message: WorkerResponse, transfer: Transferable[] = []): void {
  if (message.jobId === EARLY_JOB) early?.say(message, transfer);
  else scope.postMessage(message, transfer);
}

/** The prefetched file's parse, started here before the app asks (early-job.ts). */
const early = prefetched
  ? new EarlyJob(
      [prefetched],
      (message, transfer) => scope.postMessage(message, transfer),
      () => running.get(EARLY_JOB)?.abort(),
    )
  : null;
if (early) void parse(EARLY_JOB, { type: 'parse', jobId: EARLY_JOB, inputs: [...early.inputs] });
// A `#url=` page's worker without an early job (prefetch.ts declined the URL) draws no picture
// before the app asks: the preboot script, waiting for one, starts the app now.
else if (self.location.hash) scope.postMessage({ type: 'no-first-paint', jobId: EARLY_JOB });

/** The app's parse request: the early job's if it asks for its file, else a job of its own. */
function requestParse(request: Extract<WorkerRequest, { type: 'parse' }>): void {
  if (early?.claim(request.jobId, request.inputs)) return;
  void parse(request.jobId, request);
}

/** A cancel for the app's id of the early job reaches the early job. */
function cancel(jobId: number): void {
  running.get(early !== null && early.appJobId === jobId ? EARLY_JOB : jobId)?.abort();
}

async function parse(jobId: number, request: Extract<WorkerRequest, { type: 'parse' }>): Promise<void> {
  const controller = new AbortController();
  running.set(jobId, controller);
  const first = firstPaint.jobsStarted++ === 0;
  // User-timing marks for tools/bench/load-timeline.mjs: where a load's time goes, untraced.
  performance.mark('peakscope:parse-request');
  try {
    const { runLoadJob, transferablesOf, paintFirstFlame, adoptCoreModule, drawsFirstPicture } = await loadJob;
    if (core) adoptCoreModule(await core);
    controller.signal.throwIfAborted();
    const result = await runLoadJob(
      request.inputs,
      {
        signal: controller.signal,
        fetch: (url, init) => fetchClaimingPrefetch(String(url), init ?? {}),
        onProgress: (bytesRead, totalBytes, path) => post({ type: 'progress', jobId, bytesRead, totalBytes, path }),
        // A statement CSV or an event log gets no picture: the app need not wait for its parse.
        onFormat: (index, format) => {
          if (index === 0 && !drawsFirstPicture(format)) tellNoFirstPaint(jobId);
        },
        onParsed: (files) => {
          if (!first) return;
          performance.mark('peakscope:parsed');
          firstPaint.parsed = { jobId, files, paint: paintFirstFlame };
          return paintFirstWhenReady();
        },
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
    // The page has the result (or the failure) now: no first picture after it.
    if (first) {
      firstPaint.target = firstPaint.parsed = null;
      firstPaint.over = true;
      tellNoFirstPaint(jobId);
    }
  }
}

/** Sources after their profiles: the earlier loads' analysis, done here as for a first load. */
function analyse(request: Extract<WorkerRequest, { type: 'analyse' }>): void {
  // Its own chunk: it shares the analysis (set-analysis.ts) with the load job's late import,
  // so neither the worker's first chunk nor the page ever holds the Starlark grammar for this.
  loadJob
    .then(({ importAnalyseJob }) => importAnalyseJob())
    .then(
      ({ runAnalyseJob }) => post(runAnalyseJob(request)),
      (e: unknown) => post({ type: 'failed', jobId: request.jobId, message: String(e) }),
    );
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'parse') requestParse(request);
  else if (request.type === 'analyse') analyse(request);
  else if (request.type === 'first-paint-canvas') {
    // Only before the first job has ended; a later canvas is not drawn on.
    if (firstPaint.over) return;
    firstPaint.target = request;
    // The font is looked up while the file downloads; like the picture, it may fail harmlessly.
    if (!firstPaint.parsed) void loadJob.then(({ prepareFirstPaint }) => prepareFirstPaint(request)).catch(() => {});
    void paintFirstWhenReady();
  } else cancel(request.jobId);
};
