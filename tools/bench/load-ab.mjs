// `node tools/bench/load-ab.mjs --a DIR --b DIR [--file F] [--runs N] [--until KEY] [--speedscope] [--devtools]`:
// load-to-paint of two builds of the app (e.g. `npx vite build --outDir /tmp/a --emptyOutDir`
// before and after a change), loaded alternately A, B, A, B… in fresh contexts in one Chromium,
// the way run.mjs times peakscope (measure.mjs loadToPaint). On a shared machine only such
// side-by-side figures compare builds; with --speedscope each round also loads speedscope, for
// the ratio. A load ends at what the input shows: `--until paintedAt` (the flamegraph) or
// `parsedAt` (the worker's result); by default the one its kind shows (measure.mjs loadEndOf: a
// statement CSV or an event log draws no flamegraph, and waiting for one never ended).
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { loadEndOf, percentiles, timedLoads } from './measure.mjs';
import { PlainBrowser } from './plain-browser.mjs';
import { startServer } from './server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const { values: opts } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string', default: join(ROOT, 'dist') },
    file: { type: 'string', default: 'heap-flame-10mb.src' },
    runs: { type: 'string', default: '5' },
    until: { type: 'string' },
    speedscope: { type: 'boolean', default: false },
    devtools: { type: 'boolean', default: false },
  },
});
if (!opts.a) throw new Error('--a DIR (a built app) is required');
const until = opts.until ?? loadEndOf(opts.file);
if (until !== 'paintedAt' && until !== 'parsedAt') throw new Error('--until is paintedAt or parsedAt');
if (opts.speedscope && until !== 'paintedAt') throw new Error('--speedscope: speedscope shows only flamegraphs');

const server = await startServer({
  '/a/': opts.a,
  '/b/': opts.b,
  '/speedscope/': join(ROOT, 'node_modules', 'speedscope', 'dist', 'release'),
  '/inputs/': join(HERE, 'out'),
});
const fileUrl = `${server.origin}/inputs/${opts.file}`;
// The server reads a file into memory on its first request: do that before the timed loads.
await fetch(fileUrl).then((r) => r.arrayBuffer());
const urls = {
  a: `${server.origin}/a/index.html#url=${encodeURIComponent(fileUrl)}`,
  b: `${server.origin}/b/index.html#url=${encodeURIComponent(fileUrl)}`,
  speedscope: `${server.origin}/speedscope/index.html#profileURL=${encodeURIComponent(fileUrl)}`,
};
const kinds = opts.speedscope ? ['a', 'b', 'speedscope'] : ['a', 'b'];
const times = Object.fromEntries(kinds.map((k) => [k, []]));
const interactive = Object.fromEntries(kinds.map((k) => [k, []]));
const before = loadavg()[0];
// Loads are timed without DevTools (plain-browser.mjs) unless --devtools asks for Playwright's.
const browser = opts.devtools
  ? await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new'] })
  : await PlainBrowser.launch(server);
const timed = opts.devtools ? timedLoads(browser, null) : timedLoads(null, browser);
try {
  for (let i = 0; i < Number(opts.runs); i++) {
    for (const kind of kinds) {
      // --speedscope is refused unless the load ends at the paint, so `until` fits both apps.
      const r = await timed.load(kind === 'speedscope' ? 'speedscope' : 'peakscope', urls[kind], { until });
      if (r.error) console.log(`${kind}: ${r.error}`);
      else {
        times[kind].push(Math.round(r.loadToPaintMs));
        if (r.interactiveMs) interactive[kind].push(Math.round(r.interactiveMs));
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(
  `${opts.file}, until ${until}, ${opts.devtools ? 'DevTools on' : 'no DevTools'}; 1-min load average ${before.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`,
);
for (const kind of kinds) {
  const { median } = percentiles(times[kind]);
  const ratio = opts.speedscope
    ? ` (speedscope/this ${(percentiles(times.speedscope).median / median).toFixed(2)})`
    : '';
  console.log(`${kind.padEnd(10)} median ${median} ms${ratio}; runs ${times[kind].join(', ')}`);
  // The interactive chart, when it came after a first picture (the worker's canvas).
  if (interactive[kind].length > 0 && interactive[kind].some((t, i) => t !== times[kind][i]))
    console.log(
      `${''.padEnd(10)} interactive median ${percentiles(interactive[kind]).median} ms; runs ${interactive[kind].join(', ')}`,
    );
}
