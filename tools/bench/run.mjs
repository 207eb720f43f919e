// `npm run bench [-- --quick] [-- --big-log] [-- --rebuild] [-- --devtools]`: peakscope against
// speedscope on the same generated files, in headless Chromium, served from 127.0.0.1. Method and
// results: docs/performance.md. `--quick` does the 100 MB heap flame only and ends with
// `load-to-paint speedscope/peakscope: X.XX`. Timed loads run in a Chromium no DevTools client
// watches (plain-browser.mjs); `--devtools` times them in Playwright's, as before.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { bundleSizes } from './first-load.mjs';
import { interactions, loadToPaint, percentiles, timedLoads, workerThroughput } from './measure.mjs';
import { buildParseOnlyWorker } from './parse-only-build.mjs';
import { PlainBrowser } from './plain-browser.mjs';
import { startServer } from './server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const OUT = join(HERE, 'out');
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
/** Timed loads in Playwright's Chromium, DevTools domains on, as before the tenth session. */
const devtools = args.has('--devtools');
const MB = 1e6;
/** Timed loads per app and file (speedscope's one at 300 MB, where a load takes ~20 s). */
const LOADS = 5;

function run(cmd, argv) {
  const r = spawnSync(cmd, argv, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed`);
}

/** Builds dist/ when it is missing, older than a source file, or when asked. */
function ensureBuild() {
  const built = join(ROOT, 'dist', 'index.html');
  const newest = (dir) =>
    readdirSync(dir, { recursive: true }).reduce((t, f) => Math.max(t, statSync(join(dir, f)).mtimeMs), 0);
  if (args.has('--rebuild') || !existsSync(built) || newest(join(ROOT, 'src')) > statSync(built).mtimeMs) {
    run('npx', ['vite', 'build', '--logLevel', 'warn']);
  }
}

const fmt = (n, digits = 0) => (n === null || n === undefined || Number.isNaN(n) ? '—' : n.toFixed(digits));
const median = (v) => percentiles(v).median;
/** Megabytes, or a dash for a figure not measured in this mode (null). */
const mb = (bytes) => (bytes === null || bytes === undefined ? '—' : fmt(bytes / MB));

/** The load with the median load-to-paint, plus every time; the first failure when all failed. */
function medianOf(loads) {
  const ok = loads.filter((l) => !l.error).sort((a, b) => a.loadToPaintMs - b.loadToPaintMs);
  if (ok.length === 0) return loads[0];
  return { ...ok[Math.floor((ok.length - 1) / 2)], loadToPaintRunsMs: ok.map((l) => Math.round(l.loadToPaintMs)) };
}

/**
 * peakscope's and speedscope's timed loads, alternated (p, s, p, s, …): a fresh browser's first
 * loads run slower, and with all of one app's loads first that fell on it alone. In one browser,
 * 100 MB: peakscope 906, 716, 685 ms, then one speedscope load, then 532, 592, 607 ms.
 */
async function alternatingLoads(timed, peakUrl, speedUrl, peakRuns, speedRuns) {
  const peak = [];
  const speed = [];
  for (let i = 0; i < Math.max(peakRuns, speedRuns); i++) {
    if (i < peakRuns) peak.push(await timed.load('peakscope', peakUrl));
    if (i < speedRuns) speed.push(await timed.load('speedscope', speedUrl));
  }
  return { peak: medianOf(peak), speed: medianOf(speed) };
}

/**
 * Everything measured on one heap flame file. Timed loads come first, each in a fresh
 * context and without memory sampling (a load right after the 300 MB Blob harness ran
 * measured twice as slow); worker throughput comes last.
 */
async function benchFlame(browser, plain, origin, file, sizes) {
  const timed = timedLoads(browser, plain);
  const fileUrl = `${origin}/inputs/${file}`;
  const bytes = statSync(join(OUT, file)).size;
  const big = bytes > 200 * MB;
  const peakUrl = `${origin}/app/index.html#url=${encodeURIComponent(fileUrl)}`;
  const speedUrl = `${origin}/speedscope/index.html#profileURL=${encodeURIComponent(fileUrl)}`;
  // Warm-up, untimed and the same for both apps: the server reads a file into memory on its first
  // request, and a fresh browser's first context starts its helper processes. Both fell on
  // peakscope's first timed load, which came first (its slowest of three, e.g. 993 against 659
  // and 796 ms at 100 MB); speedscope's loads came after them.
  await fetch(fileUrl).then((r) => r.arrayBuffer());
  await timed.floor(origin, fileUrl);
  // Five loads each, a true median (with two, the lower one was taken: speedscope's best). With
  // three, one run's 100 MB loads spread 534–788 ms and its 10 MB ones 295–399 ms.
  const { peak, speed } = await alternatingLoads(timed, peakUrl, speedUrl, LOADS, big ? 1 : LOADS);
  // The floor is loaded like the apps (fresh context, from navigation start), as often as peakscope.
  const floorRuns = [];
  for (let i = 0; i < LOADS; i++) floorRuns.push(Math.round(await timed.floor(origin, fileUrl)));
  const floor = { ms: median(floorRuns), runsMs: floorRuns };
  // Untimed, in Playwright's browser: interactions, and memory (both need DevTools).
  const open = await loadToPaint(browser, 'peakscope', peakUrl, { keep: true });
  peak.memoryAfterLoadBytes ??= open.memoryAfterLoadBytes;
  let inter = null;
  if (open.page) {
    inter = await interactions(open.page, quick ? 10 : 20);
    await open.close();
  }
  if (!quick) {
    // Peak memory comes from one more, untimed load of each, sampled while it loads.
    peak.peakDuringLoadBytes = (
      await loadToPaint(browser, 'peakscope', peakUrl, { samplePeak: true })
    ).peakDuringLoadBytes;
    const sampled = await loadToPaint(browser, 'speedscope', speedUrl, { samplePeak: true });
    speed.peakDuringLoadBytes = sampled.peakDuringLoadBytes;
    speed.memoryAfterLoadBytes ??= sampled.memoryAfterLoadBytes;
  }
  const throughput = await workerThroughput(browser, origin, {
    fileUrl,
    appWorkerUrl: `${origin}/app/assets/${sizes.workerFile}`,
    parseWorkerUrl: `${origin}/inputs/parse-only-worker.js`,
    runs: big ? 1 : 3,
  });
  return { file, bytes, throughput, floor, peakscope: peak, speedscope: speed, interactions: inter };
}

function report(results, sizes, env) {
  const lines = [
    `machine: ${env.cores} cores (${env.cpu}), Chromium ${env.chromium}, Node ${env.node}; 1-min load average ${env.loadBefore.toFixed(1)} before, ${env.loadAfter.toFixed(1)} after; timed loads: ${env.timedLoads}`,
  ];
  lines.push(
    `first-load JS: ${fmt(sizes.firstLoadJsGzipBytes / 1024, 1)} kB gzip (${sizes.firstLoadFiles.join(', ')}); worker ${fmt(sizes.workerJsGzipBytes / 1024, 1)} kB gzip with its WebAssembly, loaded on the first parse`,
  );
  lines.push('');
  lines.push(
    '| file | MB | peakscope load→paint ms | speedscope load→paint ms | ratio | fetch+decode+count floor ms | load→paint / floor | worker parse MB/s | decode+count MB/s | share | app worker (parse+derive) MB/s | longest main-thread task during parse ms (p / s) | JS memory after load MB (p / s) | memory ratio s/p | peak JS memory during load MB (p / s) |',
  );
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const p = r.peakscope;
    const s = r.speedscope;
    const parseMBs = r.bytes / MB / (median(r.throughput.parseMs) / 1000);
    const lowerMBs = r.bytes / MB / (median(r.throughput.lowerBoundMs) / 1000);
    const appMBs = r.bytes / MB / (median(r.throughput.appWorkerMs) / 1000);
    lines.push(
      `| ${r.file} | ${fmt(r.bytes / MB)} | ${p.error ?? fmt(p.loadToPaintMs)} | ${s.error ?? fmt(s.loadToPaintMs)} | ${fmt(s.loadToPaintMs / p.loadToPaintMs, 2)} | ${fmt(r.floor.ms)} | ${fmt(p.loadToPaintMs / r.floor.ms, 2)} | ${fmt(parseMBs)} | ${fmt(lowerMBs)} | ${fmt((100 * parseMBs) / lowerMBs)} % | ${fmt(appMBs)} | ${fmt(p.longestTaskDuringParseMs)} / ${fmt(s.longestTaskDuringParseMs)} | ${fmt(p.memoryAfterLoadBytes / MB)} / ${fmt(s.memoryAfterLoadBytes / MB)} | ${fmt(s.memoryAfterLoadBytes / p.memoryAfterLoadBytes, 1)} | ${mb(p.peakDuringLoadBytes)} / ${mb(s.peakDuringLoadBytes)} |`,
    );
  }
  lines.push('');
  lines.push(
    '| file | tree nodes | frames drawn (median) | zoom in first / settled ms (median, p95) | zoom out first / settled | search first / settled | result task / longest task to paint ms |',
  );
  lines.push('|---|---|---|---|---|---|---|');
  for (const r of results) {
    const t = r.interactions?.times;
    const cell = (k) => {
      if (!t) return '—';
      const f = percentiles(t[k].map((x) => x.first));
      const s = percentiles(t[k].map((x) => x.settled));
      return `${fmt(f.median)}, ${fmt(f.p95)} / ${fmt(s.median)}, ${fmt(s.p95)} (n=${f.n})`;
    };
    const drawn = t
      ? percentiles(
          Object.values(t)
            .flat()
            .map((x) => x.frames ?? NaN),
        )
      : null;
    lines.push(
      `| ${r.file} | ${r.throughput.nodes} | ${drawn ? fmt(drawn.median) : '—'} | ${cell('zoom-in')} | ${cell('zoom-out')} | ${cell('search')} | ${fmt(r.peakscope.resultTaskMs)} / ${fmt(r.peakscope.longestTaskToPaintMs)} |`,
    );
  }
  return lines.join('\n');
}

async function main() {
  run('node', [
    '--import',
    'tsx',
    join(HERE, 'gen-inputs.ts'),
    ...(quick ? ['--quick'] : []),
    ...(args.has('--big-log') ? ['--big-log'] : []),
  ]);
  ensureBuild();
  await buildParseOnlyWorker(OUT);
  const sizes = bundleSizes(join(ROOT, 'dist'));
  const server = await startServer({
    '/app/': join(ROOT, 'dist'),
    '/speedscope/': join(ROOT, 'node_modules', 'speedscope', 'dist', 'release'),
    '/inputs/': OUT,
    '/bench/': join(HERE, 'harness'),
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless=new'],
  });
  // The machine is shared: the load average says how much of it the bench really had.
  const env = {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? '?',
    chromium: browser.version(),
    node: process.version,
    loadBefore: loadavg()[0],
    timedLoads: devtools ? 'Playwright, DevTools domains on (--devtools)' : 'no DevTools (plain-browser.mjs)',
  };
  const plain = devtools ? null : await PlainBrowser.launch(server);
  const files = quick
    ? ['heap-flame-100mb.src']
    : ['heap-flame-10mb.src', 'heap-flame-100mb.src', 'heap-flame-300mb.src'];
  const results = [];
  try {
    for (const file of files) {
      console.log(`measuring ${file} …`);
      results.push(await benchFlame(browser, plain, server.origin, file, sizes));
    }
    const extra = quick
      ? []
      : await import('./bench-other.mjs').then((m) =>
          m.benchOtherInputs(browser, plain, server.origin, {
            bigLog: args.has('--big-log'),
            appWorkerUrl: `${server.origin}/app/assets/${sizes.workerFile}`,
            parseWorkerUrl: `${server.origin}/inputs/parse-only-worker.js`,
          }),
        );
    env.loadAfter = loadavg()[0];
    const text = report(results, sizes, env);
    writeFileSync(
      join(OUT, `results-${quick ? 'quick' : 'full'}.json`),
      JSON.stringify({ env, sizes, results, extra }, null, 2),
    );
    console.log(`\n${text}`);
    for (const e of extra) console.log(`${e.file}: ${e.summary}`);
    const ratio = results.find((r) => r.file === 'heap-flame-100mb.src');
    console.log(
      `load-to-paint runs (ms): peakscope ${ratio.peakscope.loadToPaintRunsMs?.join(', ')}; speedscope ${ratio.speedscope.loadToPaintRunsMs?.join(', ')}`,
    );
    console.log(
      `fetch+decode+count floor (fresh page) runs (ms): ${ratio.floor.runsMs.join(', ')}; load-to-paint / floor: ${fmt(ratio.peakscope.loadToPaintMs / ratio.floor.ms, 2)}`,
    );
    console.log(
      `load-to-paint speedscope/peakscope: ${fmt(ratio.speedscope.loadToPaintMs / ratio.peakscope.loadToPaintMs, 2)}`,
    );
  } finally {
    await plain?.close();
    await browser.close();
    await server.close();
  }
}

await main();
