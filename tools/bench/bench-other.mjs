// The non-flame inputs of the full bench: the 1M-row statement CSV and (with --big-log) the
// ~1 GB event log, each loaded into peakscope by `#url=` until the worker's result arrives.
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadToPaint } from './measure.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'out');
const MB = 1e6;

export async function benchOtherInputs(browser, origin, bigLog) {
  const files = ['statements-1m.csv', ...(bigLog ? ['event-log-1gb.json-lines'] : [])];
  const out = [];
  for (const file of files) {
    console.log(`measuring ${file} …`);
    const bytes = statSync(join(OUT, file)).size;
    const r = await loadToPaint(browser, 'peakscope', `${origin}/app/index.html#url=${encodeURIComponent(`${origin}/inputs/${file}`)}`, { until: 'parsedAt' });
    const summary = r.error
      ? r.error
      : `${(bytes / MB).toFixed(0)} MB parsed in the worker in ${r.parsedAtMs.toFixed(0)} ms from navigation (${(bytes / MB / (r.parsedAtMs / 1000)).toFixed(0)} MB/s incl. page start); main JS heap after load ${(r.mainHeapBytes / MB).toFixed(0)} MB, page memory incl. workers ${r.pageMemoryBytes === null ? '—' : (r.pageMemoryBytes / MB).toFixed(0)} MB; longest main-thread task ${r.longestTaskDuringParseMs.toFixed(0)} ms`;
    out.push({ file, bytes, ...r, summary });
  }
  return out;
}
