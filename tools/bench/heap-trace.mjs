// What each isolate holds while the built app (dist/) loads one bench input by #url=, sampled
// every 300 ms: used JS heap and ArrayBuffer backing stores apart, for the page and its worker
// (event-log-memory.mjs reports only their sum at the peak). This split showed that the 1 GB
// event log's peak was dead network buffers in the worker, not its heap (issue #18).
// Usage: node tools/bench/heap-trace.mjs [input file in tools/bench/out] [dist dir]
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { HeapProbe } from './heap-probe.mjs';
import { initScript } from './probes.mjs';
import { reached } from './measure.mjs';
import { startServer } from './server.mjs';

const dir = (rel) => fileURLToPath(new URL(rel, import.meta.url));
const file = process.argv[2] ?? 'event-log-1gb.json-lines';
const server = await startServer({ '/app/': resolve(process.argv[3] ?? dir('../../dist')), '/inputs/': dir('./out') });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new'] });
const page = await (await browser.newContext()).newPage();
await page.addInitScript(initScript, 'peakscope');
const probe = await HeapProbe.open(browser, server.origin);
const mb = (bytes) => Math.round(bytes / 1e6);
const started = Date.now();
let sampling = true;
const samples = (async () => {
  console.log('seconds, then per isolate: used heap MB + ArrayBuffer backing stores MB');
  while (sampling) {
    const parts = [];
    for (const t of await probe.targets()) {
      const u = await probe.send(t.sessionId, 'Runtime.getHeapUsage');
      if (u) parts.push(`${t.type} ${mb(u.usedSize)}+${mb(u.backingStorageSize ?? 0)}`);
    }
    console.log(((Date.now() - started) / 1000).toFixed(1), parts.join(' | '));
    await new Promise((r) => setTimeout(r, 300));
  }
})();
const parsed = reached(page, 'parsedAt');
await page.goto(`${server.origin}/app/index.html#url=${encodeURIComponent(`${server.origin}/inputs/${file}`)}`);
await parsed;
// A few seconds more: what the page builds from the result, and what the worker keeps after it.
await new Promise((r) => setTimeout(r, 3000));
sampling = false;
await samples;
await probe.close();
await browser.close();
await server.close();
