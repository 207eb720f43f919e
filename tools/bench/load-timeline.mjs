// `node tools/bench/load-timeline.mjs [--dist DIR] [--file F] [--runs N]`: where the time of a
// `#url=` load goes without a trace's overhead, from the page's and the worker's own
// Performance timelines (resource timing, marks), in ms from the page's navigation start:
// when the worker's clock starts, when its chunks and the file arrive, and the first paint. The
// worker's marks (src/worker): parse-request, first-chunk (its first file's first bytes read),
// last-byte, first-file-parsed (the tree built), parsed, first-paint-drawn.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { initScript } from './probes.mjs';
import { reached } from './measure.mjs';
import { startServer } from './server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const { values: opts } = parseArgs({
  options: {
    dist: { type: 'string', default: join(ROOT, 'dist') },
    file: { type: 'string', default: 'heap-flame-10mb.src' },
    runs: { type: 'string', default: '5' },
  },
});
const server = await startServer({ '/app/': opts.dist, '/inputs/': join(HERE, 'out') });
await fetch(`${server.origin}/inputs/${opts.file}`).then((r) => r.arrayBuffer());
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new'] });
console.log(`${opts.file}; 1-min load average ${loadavg()[0].toFixed(1)}`);
const rows = [];
try {
  for (let run = 0; run < Number(opts.runs); run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(initScript, 'peakscope');
    const workerSeen = page.waitForEvent('worker');
    const interactive = reached(page, 'interactiveAt');
    await page.goto(`${server.origin}/app/#url=${encodeURIComponent(`${server.origin}/inputs/${opts.file}`)}`);
    await interactive;
    const pageSide = await page.evaluate(() => ({
      origin: performance.timeOrigin,
      bench: window.__bench,
      marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]),
    }));
    const worker = await workerSeen;
    const workerSide = await worker.evaluate(() => ({
      origin: performance.timeOrigin,
      entries: performance.getEntries().map((e) => ({
        type: e.entryType,
        name: e.name.split('/').pop().split('#')[0].slice(0, 40),
        start: e.startTime,
        responseStart: e.responseStart ?? 0,
        end: e.responseEnd ?? e.startTime + e.duration,
      })),
    }));
    const shift = workerSide.origin - pageSide.origin;
    const row = { workerClock: shift, painted: pageSide.bench.paintedAt, interactive: pageSide.bench.interactiveAt };
    for (const [name, at] of pageSide.marks) row[`page ${name}`] = at;
    for (const e of workerSide.entries) {
      const key = e.type === 'resource' ? `${e.name.replace(/-[\w-]{8}\.js$/, '.js')}` : `${e.type}:${e.name}`;
      row[`${key} start`] = e.start + shift;
      if (e.type === 'resource') row[`${key} first byte`] = e.responseStart + shift;
      if (e.type === 'resource') row[`${key} end`] = e.end + shift;
    }
    rows.push(row);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const k of keys) {
  const xs = rows.map((r) => r[k]).filter((x) => x !== undefined);
  console.log(
    `${k.padEnd(40)} median ${String(Math.round(median(xs))).padStart(6)}  runs ${xs.map(Math.round).join(', ')}`,
  );
}
console.log(`1-min load average after: ${loadavg()[0].toFixed(1)}`);
