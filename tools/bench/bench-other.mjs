// The non-flame inputs of the full bench: the 1M-row statement CSV and (with --big-log) the
// ~1 GB event log, each loaded into peakscope by `#url=` until the worker's result arrives.
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEndOf, loadToPaint, percentiles, timedLoads, workerThroughput } from './measure.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'out');
const MB = 1e6;

/**
 * `plain` (plain-browser.mjs, or null for Playwright's) times the load; memory comes from
 * another, sampled load in Playwright's browser.
 */
export async function benchOtherInputs(browser, plain, origin, { bigLog, appWorkerUrl, parseWorkerUrl }) {
  const files = ['statements-1m.csv', ...(bigLog ? ['event-log-1gb.json-lines'] : [])];
  const out = [];
  for (const file of files) {
    console.log(`measuring ${file} …`);
    const bytes = statSync(join(OUT, file)).size;
    const fileUrl = `${origin}/inputs/${file}`;
    // The 1 GB log is only streamed through the app: holding it as a Blob would measure the harness.
    const worker =
      bigLog && file.startsWith('event-log')
        ? null
        : await workerThroughput(browser, origin, { fileUrl, appWorkerUrl, parseWorkerUrl, runs: 1 });
    const mbs = (ms) => (bytes / MB / (ms / 1000)).toFixed(0);
    const workerText =
      worker && worker.parseMs.length
        ? `in memory: parse ${percentiles(worker.parseMs).median.toFixed(0)} ms (${mbs(worker.parseMs[0])} MB/s), decode+count ${worker.lowerBoundMs[0].toFixed(0)} ms, app worker incl. analysis ${worker.appWorkerMs[0].toFixed(0)} ms; `
        : worker
          ? `worker errors: ${worker.errors.join(', ')}; `
          : '';
    const url = `${origin}/app/index.html#url=${encodeURIComponent(`${origin}/inputs/${file}`)}`;
    const until = loadEndOf(file);
    const sampled = await loadToPaint(browser, 'peakscope', url, { until, samplePeak: true });
    const timed = plain ? await timedLoads(browser, plain).load('peakscope', url, { until }) : sampled;
    const r = sampled.error
      ? sampled
      : {
          ...sampled,
          parsedAtMs: timed.parsedAtMs,
          longestTaskDuringParseMs: timed.longestTaskDuringParseMs,
          error: timed.error,
        };
    const summary =
      workerText +
      (r.error
        ? r.error
        : `by #url=: ${(bytes / MB).toFixed(0)} MB parsed in the worker in ${r.parsedAtMs.toFixed(0)} ms from navigation (${(bytes / MB / (r.parsedAtMs / 1000)).toFixed(0)} MB/s incl. page start); JS memory after load ${(r.memoryAfterLoadBytes / MB).toFixed(0)} MB (page ${(r.mainThreadBytes / MB).toFixed(0)}, workers ${(r.workerBytes / MB).toFixed(0)}), peak during load ${(r.peakDuringLoadBytes / MB).toFixed(0)} MB; longest main-thread task ${r.longestTaskDuringParseMs.toFixed(0)} ms`);
    out.push({ file, bytes, worker, ...r, summary });
  }
  return out;
}
