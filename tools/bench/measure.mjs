// The benchmark's measurements in headless Chromium (playwright-core, Debian's chromium):
// load-to-paint, long tasks, heap, interaction repaint times and worker throughput.
import { HeapProbe } from './heap-probe.mjs';
import { initScript, timeInteraction, timeWorker } from './probes.mjs';

const LOAD_TIMEOUT_MS = 15 * 60_000;

/**
 * What a load of one of the bench's inputs waits for (loadToPaint's `until`): the painted
 * flamegraph for a heap flame, the worker's parsed result for the inputs that draw none (the
 * statement CSV and the event logs show tables and lists).
 */
export function loadEndOf(file) {
  return /\.(csv|json-lines|pb\.zst)$/.test(file) ? 'parsedAt' : 'paintedAt';
}

/** The console message with which the pages say a load reached `key` (probes.mjs, floor.html). */
export function stampMessage(key) {
  return `__bench ${key}`;
}

/**
 * Resolves when the page says it reached `key`. Listening, not polling: `waitForFunction` injected
 * Playwright's script into the page on its first poll, in the middle of the load, and that took
 * the page's main thread ~35 ms (10 MB: 301 against 266 ms, 14 loads each way).
 */
export function reached(page, key) {
  return page.waitForEvent('console', { predicate: (m) => m.text() === stampMessage(key), timeout: LOAD_TIMEOUT_MS });
}

/**
 * Opens `url` in a fresh context and waits for the painted flamegraph. Returns the timings
 * and, when `keep` is set, the still-open page (for interactions) with a close function.
 */
export async function loadToPaint(browser, app, url, { keep = false, until = 'paintedAt', samplePeak = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(initScript, app);
  const probe = await HeapProbe.open(browser, new URL(url).origin);
  // Sampling talks to the page and its worker during the load, so timed loads skip it.
  const sampler = samplePeak ? probe.sample() : { stop: async () => null };
  const ended = reached(page, until);
  // A first paint on the worker's canvas comes before the page has the result: wait for that too.
  const interactive = app === 'peakscope' && until === 'paintedAt' ? reached(page, 'interactiveAt') : null;
  ended.catch(() => {});
  interactive?.catch(() => {});
  await page.goto(url);
  try {
    await ended;
    await interactive;
  } catch (e) {
    await sampler.stop();
    await probe.close();
    await context.close();
    return { app, error: `no ${until}: ${e.message.split('\n')[0]}; page errors: ${errors.join(' | ') || 'none'}` };
  }
  const peak = await sampler.stop();
  const after = await probe.measure({ collect: true });
  await probe.close();
  const bench = await page.evaluate(() => window.__bench);
  const result = {
    ...loadTimings(app, bench),
    // After a forced GC in every isolate: JS heap plus ArrayBuffer backing stores.
    memoryAfterLoadBytes: after.total,
    mainThreadBytes: after.page,
    workerBytes: after.workers,
    // Sampled every 400 ms during the load (only when asked), garbage included.
    peakDuringLoadBytes: peak ? peak.total : null,
    peakPageBytes: peak ? peak.page : null,
    peakWorkerBytes: peak ? peak.workers : null,
    pageErrors: errors,
  };
  if (!keep) {
    await context.close();
    return result;
  }
  return { ...result, page, close: () => context.close() };
}

/**
 * The timings of one load from the page's `window.__bench` (probes.mjs initScript). The parse
 * window ends when the worker's result arrives (peakscope); the task that receives it
 * (deserialise, build the view, first render) is reported on its own. speedscope parses on the
 * main thread, so its window runs to the paint.
 */
function loadTimings(app, bench) {
  if (!bench.paintedAt) bench.paintedAt = bench.parsedAt;
  const parseEnd = bench.parsedAt || bench.paintedAt;
  const ends = ([start, d]) => start + d;
  const longest = (tasks) => Math.max(0, ...tasks.map(([, d]) => d));
  const duringParse = bench.parsedAt
    ? bench.longTasks.filter((t) => ends(t) <= parseEnd)
    : bench.longTasks.filter(([start]) => start < parseEnd);
  const resultTask = bench.parsedAt ? bench.longTasks.filter((t) => t[0] <= parseEnd && ends(t) >= parseEnd) : [];
  return {
    app,
    loadToPaintMs: bench.paintedAt,
    interactiveMs: bench.interactiveAt || null,
    parsedAtMs: bench.parsedAt || null,
    longestTaskDuringParseMs: longest(duringParse),
    resultTaskMs: longest(resultTask),
    longestTaskToPaintMs: longest(bench.longTasks.filter(([start]) => start < bench.paintedAt)),
    longTasksToPaint: bench.longTasks.filter(([start]) => start < bench.paintedAt).length,
  };
}

/**
 * loadToPaint's timings in the DevTools-free browser (plain-browser.mjs), which is how the
 * bench times loads: no memory figures (they need DevTools), the rest as loadToPaint.
 */
export async function plainLoadToPaint(plain, app, url, { until = 'paintedAt' } = {}) {
  const keys = app === 'peakscope' && until === 'paintedAt' ? ['paintedAt', 'interactiveAt'] : [until];
  const bench = await plain.load(url, {
    initSource: `(${initScript})(${JSON.stringify(app)});`,
    until: keys,
    resultExpression: 'window.__bench',
  });
  return bench.error ? { app, error: `no ${until}: ${bench.error}` } : loadTimings(app, bench);
}

/**
 * How the bench times loads: in the DevTools-free browser `plain` (plain-browser.mjs), or, when
 * it is null (`--devtools`), in Playwright's `browser`. Each load is a fresh context.
 */
export function timedLoads(browser, plain) {
  return {
    load: (app, url, options = {}) =>
      plain ? plainLoadToPaint(plain, app, url, options) : loadToPaint(browser, app, url, options),
    floor: (origin, fileUrl) => (plain ? plainFloorLoad(plain, origin, fileUrl) : floorLoad(browser, origin, fileUrl)),
  };
}

/** floorLoad in the DevTools-free browser: ms from navigation start to the floor page's end. */
export async function plainFloorLoad(plain, origin, fileUrl) {
  const floor = await plain.load(`${origin}/bench/floor.html#url=${encodeURIComponent(fileUrl)}`, {
    initSource: '',
    until: ['floor'],
    resultExpression: 'window.__floor',
  });
  if (floor.error) throw new Error(`floor page: ${floor.error}`);
  return floor.doneAt;
}

/**
 * The fetch+decode+count floor of a `#url=` load: a fresh context opens the harness's floor page,
 * which streams the file, decodes it and counts its lines; returns ms from navigation start.
 */
export async function floorLoad(browser, origin, fileUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    const done = reached(page, 'floor');
    done.catch(() => {});
    await page.goto(`${origin}/bench/floor.html#url=${encodeURIComponent(fileUrl)}`);
    await done;
    return await page.evaluate(() => window.__floor.doneAt);
  } finally {
    await context.close();
  }
}

/**
 * Repeats zoom-in, zoom-out and search (or `kinds`) `rounds` times; returns the times per
 * kind. A performance mark named after the kind precedes each input, for traces.
 */
export async function interactions(page, rounds, kinds = ['zoom-in', 'zoom-out', 'search']) {
  const times = Object.fromEntries(kinds.map((kind) => [kind, []]));
  const errors = [];
  for (let i = 0; i < rounds; i++) {
    for (const kind of kinds) {
      await page.evaluate((name) => performance.mark(name), kind);
      const r = await page.evaluate(timeInteraction, { kind, seed: 1000 + i });
      if (r.error) errors.push(r.error);
      else times[kind].push(r);
      await page.waitForTimeout(150);
    }
  }
  return { times, errors };
}

/** Median and 95th percentile of a list of numbers. */
export function percentiles(values) {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 0) return { median: NaN, p95: NaN, n: 0 };
  const at = (q) => v[Math.min(v.length - 1, Math.ceil(q * v.length) - 1)];
  return { median: at(0.5), p95: at(0.95), n: v.length };
}

/**
 * Worker wall times on one in-memory file: the decode + count-lines bound, parseChunks alone
 * (bundled from src/ by run.mjs) and the app's own worker (parse, derive, transfer).
 */
export async function workerThroughput(browser, origin, { fileUrl, appWorkerUrl, parseWorkerUrl, runs }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/bench/index.html`);
  const out = { lowerBoundMs: [], parseMs: [], appWorkerMs: [], nodes: 0, chunks: 0, largestChunk: 0, errors: [] };
  // A worker that dies (seen once at 300 MB under heavy machine load) gets one more try.
  const timed = async (workerUrl, kind) => {
    const first = await page.evaluate(timeWorker, { workerUrl, fileUrl, kind });
    return first.error
      ? { ...(await page.evaluate(timeWorker, { workerUrl, fileUrl, kind })), retried: first.error }
      : first;
  };
  for (let i = 0; i < runs; i++) {
    const lower = await timed(`${origin}/bench/lower-bound-worker.js`, 'lower');
    const parse = await timed(parseWorkerUrl, 'parse');
    const app = await timed(appWorkerUrl, 'app');
    const error = lower.error ?? parse.error ?? app.error;
    if (error) out.errors.push(error);
    else {
      out.lowerBoundMs.push(lower.ms);
      out.parseMs.push(parse.ms);
      out.appWorkerMs.push(app.ms);
      Object.assign(out, { nodes: parse.nodes, chunks: parse.chunks, largestChunk: parse.largestChunk });
    }
  }
  await context.close();
  return out;
}
