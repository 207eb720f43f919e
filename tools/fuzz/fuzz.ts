// `npm run fuzz`: runs many generated hostile inputs through the parse driver on worker
// threads, with a watchdog that names any case running longer than --hang-ms as a hang.
//
//   node --import tsx tools/fuzz/fuzz.ts [--cases 100000] [--seed 20261125] [--workers 2]
//                                        [--hang-ms 5000] [--batch 500] [--json out.json]
//   node --import tsx tools/fuzz/fuzz.ts --repro BATCH:INDEX [--seed S]   (one case, verbose)
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { BatchOrder, WorkerReport } from './fuzz-worker.ts';

interface Options {
  cases: number;
  seed: number;
  workers: number;
  hangMs: number;
  batch: number;
}

interface Failure {
  batch: number;
  index: number;
  kind: string;
  what: 'crash' | 'hang' | 'violation';
  detail: string;
}

/** What a run found; `docs/reliability.md` records these figures. */
export interface FuzzSummary {
  seed: number;
  casesRun: number;
  crashes: number;
  hangs: number;
  violations: number;
  seconds: number;
  outcomes: Record<string, Record<string, number>>;
  slowest: { ms: number; batch: number; index: number; kind: string };
  failures: Failure[];
}

const WORKER_URL = new URL('./worker-entry.mjs', import.meta.url);
/** How often the watchdog looks at each worker. */
const WATCH_MS = 250;
/**
 * A parse over --hang-ms counts as a hang; the watchdog kills a case (parse plus the checks,
 * which take longer than the parse on 100k-node trees) only after this many times that.
 */
const KILL_FACTOR = 4;

/** One worker thread and the case it is on. */
class Runner {
  worker: Worker;
  current: { batch: number; index: number; kind: string; since: number } | null = null;
  constructor(onReport: (r: WorkerReport, self: Runner) => void, onDeath: (e: Error, self: Runner) => void) {
    this.worker = new Worker(WORKER_URL);
    this.worker.on('message', (r: WorkerReport) => onReport(r, this));
    this.worker.on('error', (e) => onDeath(e, this));
  }
}

/** Runs `cases` cases in batches over `workers` threads; resolves with the figures. */
export function fuzz(o: Options): Promise<FuzzSummary> {
  const started = performance.now();
  const summary: FuzzSummary = {
    seed: o.seed,
    casesRun: 0,
    crashes: 0,
    hangs: 0,
    violations: 0,
    seconds: 0,
    outcomes: {},
    slowest: { ms: 0, batch: -1, index: -1, kind: '' },
    failures: [],
  };
  const batches = Math.ceil(o.cases / o.batch);
  let nextBatch = 0;
  let doneBatches = 0;
  const sizeOf = (b: number) => Math.min(o.batch, o.cases - b * o.batch);
  return new Promise((resolve) => {
    const runners = new Set<Runner>();
    const dispatch = (r: Runner, order?: BatchOrder) => {
      if (!order && nextBatch >= batches) return void retire(r);
      const b = order?.batch ?? nextBatch++;
      r.worker.postMessage(order ?? ({ seed: o.seed, batch: b, size: sizeOf(b), from: 0 } satisfies BatchOrder));
    };
    const retire = (r: Runner) => {
      runners.delete(r);
      void r.worker.terminate();
      if (runners.size === 0) finish();
    };
    const finish = () => {
      clearInterval(watch);
      summary.seconds = (performance.now() - started) / 1000;
      resolve(summary);
    };
    const onReport = (m: WorkerReport, r: Runner) => {
      if (m.type === 'start') r.current = { batch: m.batch, index: m.index, kind: m.kind, since: performance.now() };
      else if (m.type === 'result') record(summary, m, o.hangMs);
      else {
        r.current = null;
        doneBatches++;
        if (doneBatches % 20 === 0)
          process.stderr.write(`  ${summary.casesRun} cases, ${summary.crashes} crashes, ${summary.hangs} hangs\n`);
        dispatch(r);
      }
    };
    /** A hung or dead worker: count its case, replace the thread, resume after the case. */
    const replace = (r: Runner, what: 'crash' | 'hang', detail: string) => {
      const c = r.current;
      runners.delete(r);
      void r.worker.terminate();
      if (!c) {
        process.stderr.write(`worker lost outside a case: ${detail}\n`);
        return runners.size === 0 ? finish() : undefined;
      }
      summary.casesRun++;
      summary[what === 'hang' ? 'hangs' : 'crashes']++;
      summary.failures.push({ batch: c.batch, index: c.index, kind: c.kind, what, detail });
      const fresh = spawn();
      dispatch(fresh, { seed: o.seed, batch: c.batch, size: sizeOf(c.batch), from: c.index + 1 });
    };
    const spawn = () => {
      const r = new Runner(onReport, (e, self) => replace(self, 'crash', `worker died: ${e.message}`));
      runners.add(r);
      return r;
    };
    const watch = setInterval(() => {
      for (const r of [...runners]) {
        const limit = o.hangMs * KILL_FACTOR;
        if (r.current && performance.now() - r.current.since > limit) replace(r, 'hang', `killed after ${limit} ms`);
      }
    }, WATCH_MS);
    for (let i = 0; i < Math.min(o.workers, batches); i++) dispatch(spawn());
    if (batches === 0) finish();
  });
}

function record(s: FuzzSummary, m: Extract<WorkerReport, { type: 'result' }>, hangMs: number): void {
  s.casesRun++;
  if (m.ms > hangMs) {
    s.hangs++;
    s.failures.push({
      batch: m.batch,
      index: m.index,
      kind: m.kind,
      what: 'hang',
      detail: `parse took ${m.ms.toFixed(0)} ms`,
    });
  }
  const byKind = (s.outcomes[m.kind] ??= {});
  byKind[m.outcome] = (byKind[m.outcome] ?? 0) + 1;
  if (m.ms > s.slowest.ms) s.slowest = { ms: m.ms, batch: m.batch, index: m.index, kind: m.kind };
  if (m.violations.length === 0) return;
  const what = m.outcome === 'crash' ? 'crash' : 'violation';
  if (what === 'crash') s.crashes++;
  else s.violations++;
  if (s.failures.length < 200)
    s.failures.push({ batch: m.batch, index: m.index, kind: m.kind, what, detail: m.violations.join('; ') });
}

function printSummary(s: FuzzSummary): void {
  console.log(
    `seed ${s.seed}: ${s.casesRun} cases in ${s.seconds.toFixed(1)} s — ${s.crashes} crashes, ${s.hangs} hangs, ${s.violations} violations`,
  );
  console.log(
    `slowest case: ${s.slowest.ms.toFixed(0)} ms (${s.slowest.kind}, --repro ${s.slowest.batch}:${s.slowest.index})`,
  );
  for (const [kind, outcomes] of Object.entries(s.outcomes).sort()) {
    console.log(
      `  ${kind.padEnd(13)} ${Object.entries(outcomes)
        .sort()
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );
  }
  for (const f of s.failures.slice(0, 30))
    console.log(`  ${f.what} --repro ${f.batch}:${f.index} (${f.kind}): ${f.detail}`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '20261125' },
      workers: { type: 'string', default: String(Math.min(2, availableParallelism())) },
      'hang-ms': { type: 'string', default: '5000' },
      batch: { type: 'string', default: '500' },
      json: { type: 'string' },
      repro: { type: 'string' },
    },
  });
  const seed = Number(values.seed);
  if (values.repro) {
    const { reproduce } = await import('./repro.ts');
    return reproduce(seed, Number(values.batch), values.repro);
  }
  const summary = await fuzz({
    cases: Number(values.cases),
    seed,
    workers: Number(values.workers),
    hangMs: Number(values['hang-ms']),
    batch: Number(values.batch),
  });
  printSummary(summary);
  if (values.json) writeFileSync(values.json, JSON.stringify(summary, null, 2));
  return summary.crashes + summary.hangs + summary.violations === 0 ? 0 : 1;
}

process.exitCode = await main();
