// `node tools/bench/interactions.mjs [--rounds N] [--file F] [--only KIND] [--dist DIR] [--trace]`:
// times only the flamegraph interactions (zoom in, zoom out, search) on the built app in
// dist/, the same way `npm run bench` does (probes.mjs timeInteraction, measure.mjs
// interactions) but without the loads, speedscope and worker runs, so one try takes ~30 s
// instead of ~3 min. Rebuild dist/ first (`npx vite build`); `npx vite build --minify false`
// gives readable function names for --trace; `--dist` serves another build, for A/B runs
// (`npx vite build --outDir /tmp/a --emptyOutDir`).
//
// Without --only the rounds are the bench's (zoom in, zoom out, search), so from the first
// search on every zoom draws with a search active; --only times one kind without that.
// --trace records a Chromium trace and a CPU profile over the rounds of one kind (zoom-out
// unless --only) and prints where the main thread spent the time between each input and its
// first painted frame: self time per trace event (script, style, layout, paint) and JS self
// time per function.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { interactions, loadToPaint, percentiles } from './measure.mjs';
import { startServer } from './server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const { values: opts } = parseArgs({
  options: {
    rounds: { type: 'string', default: '10' },
    file: { type: 'string', default: 'heap-flame-100mb.src' },
    only: { type: 'string' },
    dist: { type: 'string', default: join(ROOT, 'dist') },
    trace: { type: 'boolean', default: false },
  },
});
const rounds = Number(opts.rounds);
const traceFile = join(HERE, 'out', 'interactions-trace.json');

const server = await startServer({ '/app/': opts.dist, '/inputs/': join(HERE, 'out') });
// The server reads a file into memory on its first request: do that before the load.
await fetch(`${server.origin}/inputs/${opts.file}`).then((r) => r.arrayBuffer());
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new'] });
try {
  const url = `${server.origin}/app/index.html#url=${encodeURIComponent(`${server.origin}/inputs/${opts.file}`)}`;
  const open = await loadToPaint(browser, 'peakscope', url, { keep: true });
  if (!open.page) throw new Error(open.error);
  const { times, errors } = opts.trace
    ? await traced(open.page)
    : opts.only
      ? await onlyKind(open.page, opts.only)
      : await interactions(open.page, rounds);
  for (const [kind, list] of Object.entries(times)) {
    if (list.length === 0) continue;
    const cell = (key) => {
      const p = percentiles(list.map((x) => x[key]));
      return `${p.median.toFixed(0)}, ${p.median === p.p95 ? '=' : p.p95.toFixed(0)}`;
    };
    const frames = percentiles(list.map((x) => x.frames)).median;
    console.log(
      `${kind.padEnd(9)} first ${cell('first').padEnd(9)} settled ${cell('settled').padEnd(9)} (median, p95; n=${list.length}; ${frames} frames)  all first: ${list.map((x) => Math.round(x.first)).join(' ')}  settled: ${list.map((x) => Math.round(x.settled)).join(' ')}`,
    );
  }
  if (errors.length) console.log('errors:', errors.join('; '));
} finally {
  await browser.close();
  await server.close();
}

/**
 * One kind only, each round starting from the state the full bench has before it: a
 * zoom-out follows a zoom-in (otherwise there is nothing to zoom out of).
 */
async function onlyKind(page, kind) {
  const { times, errors } = await interactions(page, rounds, kind === 'zoom-out' ? ['zoom-in', kind] : [kind]);
  return { times: { [kind]: times[kind] }, errors };
}

/** onlyKind (zoom-out unless --only) under a trace and a CPU profile, then the breakdown. */
async function traced(page) {
  const kind = opts.only ?? 'zoom-out';
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await browser.startTracing(page, {
    path: traceFile,
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'blink',
      'blink.user_timing',
      'v8.execute',
      'toplevel',
    ],
  });
  await cdp.send('Profiler.start');
  const result = await onlyKind(page, kind);
  const { profile } = await cdp.send('Profiler.stop');
  await browser.stopTracing();
  const events = JSON.parse(readFileSync(traceFile, 'utf8')).traceEvents;
  rmSync(traceFile);
  // Trace and profile share the trace clock (µs); each window runs from the mark set just
  // before the input to its first painted frame.
  const marks = events
    .filter((e) => e.name === kind && e.cat === 'blink.user_timing')
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const windows = marks.map((m, i) => [m, m + (result.times[kind][i]?.first ?? 0) * 1000]);
  const inside = (ts) => windows.some(([a, b]) => ts >= a && ts < b);
  const per = (us) => (us / 1000 / windows.length).toFixed(1);
  const threads = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const main = events
    .filter((e) => e.ph === 'X' && e.dur && threads.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && inside(e.ts))
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Self time: an event's duration minus that of the events nested in it.
  const self = new Map();
  const open = [];
  for (const e of main) {
    while (open.length && open.at(-1).ts + open.at(-1).dur <= e.ts) open.pop();
    if (open.length) self.set(open.at(-1).name, (self.get(open.at(-1).name) ?? 0) - e.dur);
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur);
    open.push(e);
  }
  console.log(`${kind}: main-thread self time per trace event, ms per round (input → first frame):`);
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 16))
    console.log(`  ${per(us).padStart(6)}  ${name}`);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const js = new Map();
  let ts = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    ts += profile.timeDeltas[i];
    if (!inside(ts)) continue;
    const { functionName, url, lineNumber } = nodes.get(profile.samples[i]).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    js.set(key, (js.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  console.log('JS self time per function, ms per round:');
  for (const [name, us] of [...js].sort((a, b) => b[1] - a[1]).slice(0, 24))
    console.log(`  ${per(us).padStart(6)}  ${name}`);
  return result;
}
