// `node tools/bench/trace-load.mjs [file]`: where one peakscope load of `#url=<file>` spends
// its time, from a Chromium trace: the main thread's and the worker's busy time per 50 ms
// window and the notable events (script evaluation, worker start, fetch, result message,
// paint) in ms from navigation start. For finding what to optimise next; run.mjs measures.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { initScript } from './probes.mjs';
import { reached } from './measure.mjs';
import { startServer } from './server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const file = process.argv[2] ?? 'heap-flame-100mb.src';
const traceFile = join(HERE, 'out', 'trace.json');

const server = await startServer({ '/app/': process.env.DIST ?? join(ROOT, 'dist'), '/inputs/': join(HERE, 'out') });
// The server reads a file into memory on its first request: do that before the timed load.
await fetch(`${server.origin}/inputs/${file}`).then((r) => r.arrayBuffer());
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new'] });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(initScript, 'peakscope');
  // A JS profile of the page (same clock as the trace), to break down the task that receives
  // the result; `npx vite build --minify false` gives readable names.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await browser.startTracing(page, {
    path: traceFile,
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8.execute',
      'blink.user_timing',
      'loading',
      'toplevel',
    ],
  });
  const painted = reached(page, 'paintedAt');
  await page.goto(`${server.origin}/app/#url=${encodeURIComponent(`${server.origin}/inputs/${file}`)}`);
  await painted;
  const bench = await page.evaluate(() => window.__bench);
  const { profile } = await cdp.send('Profiler.stop');
  await browser.stopTracing();
  const events = JSON.parse(readFileSync(traceFile, 'utf8')).traceEvents;
  if (!process.env.KEEP_TRACE) rmSync(traceFile); // KEEP_TRACE=1 leaves it in tools/bench/out/trace.json
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const nav =
    events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStart') ??
    events.find((e) => e.name === 'TracingStartedInBrowser');
  const zero = nav.ts;
  const ms = (ts) => Math.round((ts - zero) / 1000);
  const threadOf = (e) => names.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
  // Busy time per thread in 50 ms windows, from top-level tasks.
  const busy = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !['RunTask', 'ThreadControllerImpl::RunTask'].includes(e.name) || !e.dur) continue;
    const t = threadOf(e);
    const row = busy.get(t) ?? new Map();
    for (let at = e.ts; at < e.ts + e.dur;) {
      const w = Math.floor((at - zero) / 50_000);
      const end = Math.min(e.ts + e.dur, zero + (w + 1) * 50_000);
      row.set(w, (row.get(w) ?? 0) + (end - at) / 1000);
      at = end;
    }
    busy.set(t, row);
  }
  const last = Math.ceil(bench.paintedAt / 50);
  // The page and its worker, then any other thread busy for over 100 ms (the network service,
  // the browser's IO thread, the compositor): what else shares the 2 cores during the load.
  const total = (row) => [...row.values()].reduce((a, b) => a + b, 0);
  const rows = [...busy].filter(([t, row]) => /CrRendererMain|DedicatedWorker/.test(t) || total(row) > 100);
  for (const [t, row] of rows) {
    console.log(
      `${t.slice(0, 24).padEnd(24)} ${Array.from({ length: last + 1 }, (_, w) => String(Math.round(((row.get(w) ?? 0) / 50) * 9)).replace('0', '.')).join('')}`,
    );
  }
  console.log(
    `${''.padEnd(24)} ${Array.from({ length: last + 1 }, (_, w) => (w % 4 === 0 ? '|' : ' ')).join('')}  (one column = 50 ms, digit = busy ninths; | every 200 ms)`,
  );
  const notable =
    /^(EvaluateScript|v8.compileModule|v8.evaluateModule|ResourceSendRequest|ResourceReceiveResponse|ResourceFinish|ParseHTML|FunctionCall|EventDispatch|Paint|TimerFire|FireAnimationFrame|v8.run)$/;
  const seen = [];
  for (const e of events) {
    if (!notable.test(e.name) || ((e.dur ?? 0) < 8000 && !/^Resource/.test(e.name))) continue;
    const url = e.args?.data?.url ?? e.args?.data?.functionName ?? e.args?.data?.type ?? '';
    seen.push([
      ms(e.ts),
      `${threadOf(e).slice(0, 18).padEnd(18)} ${e.name} ${e.dur ? `${Math.round(e.dur / 1000)} ms` : ''} ${String(url).split('/').pop().slice(0, 50)}`,
    ]);
  }
  for (const [t, s] of seen.sort((a, b) => a[0] - b[0])) console.log(`${String(t).padStart(6)} ${s}`);
  // What the main thread does while the worker streams: busy time by event name.
  const parseStart = zero + bench.firstProgressAt * 1000;
  // The canvas first paint comes before the worker's `done`: the window ends at whichever is first.
  const parseEnd = zero + Math.min(bench.parsedAt || Infinity, bench.paintedAt) * 1000;
  const byName = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || e.ts < parseStart || e.ts > parseEnd || !/CrRendererMain/.test(threadOf(e))) continue;
    byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
  }
  const longest = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.dur > 5000 &&
        e.ts >= zero &&
        e.ts <= parseEnd &&
        /CrRendererMain/.test(threadOf(e)) &&
        !/RunTask/.test(e.name),
    )
    .sort((a, b) => a.ts - b.ts)
    .slice(0, 60)
    .map(
      (e) => `${ms(e.ts)}:${e.name} ${Math.round(e.dur / 1000)} ms ${JSON.stringify(e.args?.data ?? {}).slice(0, 80)}`,
    );
  console.log('main-thread events over 5 ms until the result:\n  ' + longest.join('\n  '));
  const workerBy = new Map();
  for (const e of events) {
    if (
      e.ph !== 'X' ||
      !e.dur ||
      e.ts < parseStart - 200_000 ||
      e.ts > parseEnd ||
      !/DedicatedWorker/.test(threadOf(e))
    )
      continue;
    workerBy.set(e.name, (workerBy.get(e.name) ?? 0) + e.dur / 1000);
  }
  console.log(
    'worker events (nested ones counted inside their parents too):',
    [...workerBy]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([n, d]) => `${n} ${Math.round(d)}`)
      .join(', '),
  );
  console.log(
    'main thread while parsing:',
    [...byName]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([n, d]) => `${n} ${Math.round(d)}`)
      .join(', '),
  );
  const resultTask = events
    .filter((e) => e.name === 'HandlePostMessage' && /CrRendererMain/.test(threadOf(e)) && e.dur)
    .sort((a, b) => b.dur - a.dur)[0];
  if (resultTask) printProfile(profile, resultTask.ts, resultTask.ts + resultTask.dur, ms(resultTask.ts));
  console.log('page JS while the worker parses:');
  printProfile(profile, parseStart, parseEnd, ms(parseStart));
  console.log(
    `firstProgress ${Math.round(bench.firstProgressAt)} parsed ${Math.round(bench.parsedAt)} painted ${Math.round(bench.paintedAt)} ms`,
  );
} finally {
  await browser.close();
  await server.close();
}

/** JS time per function (self and with callees) in the page's profile between two trace times. */
function printProfile(profile, from, to, at) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  const self = new Map();
  const total = new Map();
  let ts = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    ts += profile.timeDeltas[i];
    if (ts < from || ts >= to) continue;
    const us = profile.timeDeltas[i + 1] ?? 0;
    const leaf = nodes.get(profile.samples[i]);
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + us);
    const seen = new Set();
    for (let id = leaf.id; id !== undefined; id = parent.get(id)) seen.add(name(nodes.get(id)));
    for (const k of seen) total.set(k, (total.get(k) ?? 0) + us);
  }
  const top = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k, us]) => `  ${(us / 1000).toFixed(1).padStart(6)}  ${k}`)
      .join('\n');
  console.log(
    `the task that receives the result (at ${at} ms, ${Math.round((to - from) / 1000)} ms), JS with callees:\n${top(total)}`,
  );
  console.log(`JS self:\n${top(self)}`);
}
