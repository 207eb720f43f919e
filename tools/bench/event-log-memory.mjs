// JS memory of the built app (dist/) loading a 1 GB event log by #url= (issue #8: heap ≤ 256 MB):
// after the load (forced GC, page + worker) and the sampled peak during it. Build first
// (`npx vite build`; the logs come from `npm run bench -- --big-log`: the 1 GB JSON lines, and
// with `--pb` the 1 GB `.pb.zst` Buck2 writes, issue #19).
// Usage: node tools/bench/event-log-memory.mjs [--pb] [loads=3] [dist dir, for A/B builds]
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { loadToPaint } from './measure.mjs';
import { startServer } from './server.mjs';

const dir = (rel) => fileURLToPath(new URL(rel, import.meta.url));
const args = process.argv.slice(2).filter((a) => a !== '--pb');
const file = process.argv.includes('--pb') ? 'event-log-1gb.pb.zst' : 'event-log-1gb.json-lines';
const loads = Number(args[0] ?? 3);
const server = await startServer({ '/app/': resolve(args[1] ?? dir('../../dist')), '/inputs/': dir('./out') });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new'] });
const input = `${server.origin}/inputs/${file}`;
const mb = (bytes) => Math.round(bytes / 1e6);
const runs = [];
for (let i = 0; i < loads; i++) {
  const r = await loadToPaint(
    browser,
    'peakscope',
    `${server.origin}/app/index.html#url=${encodeURIComponent(input)}`,
    { until: 'parsedAt', samplePeak: true },
  );
  if (!r.error) runs.push(r);
  console.log(
    `${file}: ${Math.round(r.parsedAtMs)} ms; after ${mb(r.memoryAfterLoadBytes)} MB (page ${mb(r.mainThreadBytes)}); peak ${mb(r.peakDuringLoadBytes)} MB (page ${mb(r.peakPageBytes)}, worker ${mb(r.peakWorkerBytes)})`,
    r.error ?? '',
  );
}
const summary = (key) => {
  const v = runs.map((r) => mb(r[key])).sort((a, b) => a - b);
  return `median ${v[Math.floor((v.length - 1) / 2)]}, range ${v[0]}-${v.at(-1)} MB`;
};
if (runs.length > 0)
  console.log(
    `after load: ${summary('memoryAfterLoadBytes')} (page ${summary('mainThreadBytes')}); peak: ${summary('peakDuringLoadBytes')}`,
  );
await browser.close();
await server.close();
