// `node tools/bench/late-join-ab.mjs --a DIR --b DIR [--runs N]`: what sources dropped after their
// profiles cost the page, for two builds of the app (e.g. before and after a change), alternately
// A, B, A, B… in fresh contexts of one Chromium. Each run picks a folder of profiles, waits for it,
// then picks the folder of their sources and times, on the page's main thread, the long tasks
// (over 50 ms, PerformanceObserver 'longtask') from that pick until the "joined" notice shows.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { percentiles } from './measure.mjs';
import { startServer } from './server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: opts } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string', default: join(ROOT, 'dist') },
    profiles: { type: 'string', default: join(ROOT, 'samples', 'monorepo') },
    sources: { type: 'string', default: join(ROOT, 'samples', 'programs', 'monorepo') },
    runs: { type: 'string', default: '5' },
  },
});
if (!opts.a) throw new Error('--a DIR (a built app) is required');

const server = await startServer({ '/a/': opts.a, '/b/': opts.b });

/** One late join in a fresh context: wall time to the notice, and the page's long tasks meanwhile. */
async function lateJoin(browser, app) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}/${app}/index.html`);
  await page.locator('g.frame').first().waitFor({ timeout: 30_000 });
  const folder = page.locator('input[type=file][webkitdirectory]');
  const sets = await page.locator('.set').count();
  await folder.setInputFiles(opts.profiles);
  await page.waitForFunction((n) => document.querySelectorAll('.set').length > n, sets, { timeout: 30_000 });
  await page.waitForTimeout(1500); // the deferred panels load when idle: not part of the join
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
      type: 'longtask',
    });
    window.__picked = performance.now();
  });
  await folder.setInputFiles(opts.sources);
  await page.waitForFunction(
    () => /joined \d+ runs?/.test(document.querySelector('#notices')?.textContent ?? ''),
    null,
    {
      polling: 'raf',
      timeout: 30_000,
    },
  );
  const result = await page.evaluate(() => ({
    joinMs: performance.now() - window.__picked,
    longTaskMs: window.__longTasks.reduce((a, b) => a + b, 0),
    longestMs: Math.max(0, ...window.__longTasks),
  }));
  await context.close();
  return result;
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new'] });
const results = { a: [], b: [] };
const before = loadavg()[0];
try {
  for (let i = 0; i < Number(opts.runs); i++)
    for (const app of ['a', 'b']) results[app].push(await lateJoin(browser, app));
} finally {
  await browser.close();
  server.close();
}
for (const app of ['a', 'b'])
  for (const key of ['joinMs', 'longTaskMs', 'longestMs'])
    console.log(app, key, JSON.stringify(percentiles(results[app].map((r) => Math.round(r[key])))));
console.log(`load average ${before.toFixed(1)} → ${loadavg()[0].toFixed(1)}`);
