// `node tools/bench/load-ab.mjs [file] [runs] [--base <checkout>]`: loads one input into the
// built app by `#url=` (fresh context each time) until the worker's result reaches the page, as
// bench-other.mjs does for the statement CSV and the event log; with --base, another checkout's
// dist/ alternates with this one in the same runs (the machine is shared: only figures from the
// same minutes compare). Prints the times from navigation and the JS memory after load.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { loadToPaint } from './measure.mjs';
import { startServer } from './server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, 'out');
const args = process.argv.slice(2);
const baseAt = args.indexOf('--base');
const baseDir = baseAt >= 0 ? resolve(args[baseAt + 1]) : null;
const positional = args.filter((a, i) => !a.startsWith('--') && !(baseAt >= 0 && i === baseAt + 1));
const file = positional[0] ?? 'statements-1m.csv';
const runs = Number(positional[1] ?? 3);

const variants = [
  ...(baseDir ? [{ name: 'base', prefix: '/base', dist: join(baseDir, 'dist'), ms: [], memory: [] }] : []),
  { name: baseDir ? 'this' : '', prefix: '', dist: join(HERE, '..', '..', 'dist'), ms: [], memory: [] },
];
const server = await startServer({
  '/inputs/': OUT,
  ...Object.fromEntries(variants.map((v) => [`${v.prefix}/app/`, v.dist])),
});
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
console.log(`load average at start: ${load()}`);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new'] });
try {
  const input = encodeURIComponent(`${server.origin}/inputs/${file}`);
  for (let i = 0; i < runs; i++) {
    for (const v of variants) {
      const r = await loadToPaint(browser, 'peakscope', `${server.origin}${v.prefix}/app/index.html#url=${input}`, {
        until: 'parsedAt',
      });
      if (r.error) throw new Error(`${v.name}: ${r.error}`);
      v.ms.push(r.parsedAtMs);
      v.memory.push(r.memoryAfterLoadBytes / 1e6);
    }
  }
  for (const v of variants) {
    const list = (a) => a.map((x) => Math.round(x)).join(' ');
    console.log(
      `${file}${v.name ? ` ${v.name}` : ''}: result on the page ${list(v.ms)} ms from navigation; JS memory after load ${list(v.memory)} MB`,
    );
  }
  console.log(`load average at end: ${load()}`);
} finally {
  await browser.close();
  await server.close();
}
