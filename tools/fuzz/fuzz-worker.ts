// One fuzzing thread: generates the cases of a batch from (seed, batch) and runs them,
// reporting each case before it starts (so the main thread can name a hang) and after.
import fc from 'fast-check';
import { parentPort } from 'node:worker_threads';
import { fuzzInput, type FuzzInput } from './inputs.ts';
import { runCase, treesOf } from './oracle.ts';
import { checkCli, checkViews } from './surfaces.ts';
import { loadSeeds } from './seeds.ts';

/** Main thread → worker: run cases [from, size) of a batch. */
export interface BatchOrder {
  seed: number;
  batch: number;
  size: number;
  from: number;
}

/** Worker → main thread. */
export type WorkerReport =
  | { type: 'start'; batch: number; index: number; kind: string; bytes: number }
  | {
      type: 'result';
      batch: number;
      index: number;
      kind: string;
      outcome: string;
      /** the streamed parse alone */ ms: number;
      violations: string[];
    }
  | { type: 'batch-done'; batch: number };

const arbitrary = fuzzInput(loadSeeds(true));

/** The cases of one batch: fast-check's generator seeded with seed + batch. */
export function casesOf(seed: number, batch: number, size: number): FuzzInput[] {
  return fc.sample(arbitrary, { seed: seed + batch, numRuns: size });
}

if (parentPort) {
  const port = parentPort;
  port.on('message', async (order: BatchOrder) => {
    const cases = casesOf(order.seed, order.batch, order.size);
    for (let index = order.from; index < cases.length; index++) {
      const input = cases[index]!;
      port.postMessage({
        type: 'start',
        batch: order.batch,
        index,
        kind: input.kind,
        bytes: input.bytes.length,
      } satisfies WorkerReport);
      const result = runCase(input);
      // What shows the result (views, CLI) is checked too, unless the parse itself already failed.
      if (result.parsed)
        result.violations.push(...checkViews(result.parsed, treesOf(result.parsed)), ...(await checkCli(input)));
      port.postMessage({
        type: 'result',
        batch: order.batch,
        index,
        kind: input.kind,
        outcome: result.outcome,
        ms: result.parseMs,
        violations: result.violations,
      } satisfies WorkerReport);
    }
    port.postMessage({ type: 'batch-done', batch: order.batch } satisfies WorkerReport);
  });
}
