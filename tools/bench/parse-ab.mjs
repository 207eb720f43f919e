// `node tools/bench/parse-ab.mjs [file] [runs] [--url] [--base <checkout>]`: the browser's parse
// throughput alone, for quick before/after checks between optimisation rounds (the full method
// is run.mjs): bundles the parse-only worker from src/, then times the decode+count bound and
// parseChunks on the file held as a Blob, alternating, in one Chromium. With --base, another
// checkout (built with `vite build`) is timed too, alternating with this one in the same runs:
// on a shared machine only figures from the same minutes compare.
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { timeWorker } from './probes.mjs';
import { startServer } from './server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, 'out');
const args = process.argv.slice(2);
const baseAt = args.indexOf('--base');
const baseDir = baseAt >= 0 ? resolve(args[baseAt + 1]) : null;
const positional = args.filter((a, i) => !a.startsWith('--') && !(baseAt >= 0 && i === baseAt + 1));
const file = positional[0] ?? 'heap-flame-100mb.src';
const runs = Number(positional[1] ?? 5);
// --url streams the file from the server in every run (as `#url=` does) instead of a Blob.
const viaUrl = args.includes('--url');

/** A checkout to time: its parse-only worker (bundled from its src/) and its built app worker. */
async function variant(name, checkout, prefix) {
  const out = join(checkout, 'tools', 'bench', 'out', 'ab');
  mkdirSync(out, { recursive: true });
  const { buildParseOnlyWorker: build } = await import(
    pathToFileURL(join(checkout, 'tools', 'bench', 'parse-only-build.mjs')).href
  );
  await build(out);
  const appWorker = readdirSync(join(checkout, 'dist', 'assets')).find((f) => /^parse-worker.*\.js$/.test(f));
  return { name, prefix, out, dist: join(checkout, 'dist'), appWorker, parse: [], app: [] };
}

const variants = [
  ...(baseDir ? [await variant('base', baseDir, '/base')] : []),
  await variant(baseDir ? 'this' : '', join(HERE, '..', '..'), ''),
];
const server = await startServer({
  '/inputs/': OUT,
  '/bench/': join(HERE, 'harness'),
  ...Object.fromEntries(
    variants.flatMap((v) => [
      [`${v.prefix}/ab/`, v.out],
      [`${v.prefix}/app/`, v.dist],
    ]),
  ),
});
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
console.log(`load average at start: ${load()}`);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new'] });
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.origin}/bench/index.html`);
  const fileUrl = `${server.origin}/inputs/${file}`;
  const mb = statSync(join(OUT, file)).size / 1e6;
  const lower = [];
  const transport = [];
  const timed = async (workerUrl, kind) => {
    const r = await page.evaluate(timeWorker, { workerUrl, fileUrl, kind, viaUrl });
    if (r.error) throw new Error(r.error);
    return r.ms;
  };
  for (let i = 0; i < runs; i++) {
    if (viaUrl) transport.push(await timed(`${server.origin}/bench/fetch-only-worker.js`, 'lower'));
    lower.push(await timed(`${server.origin}/bench/lower-bound-worker.js`, 'lower'));
    for (const v of variants) {
      v.parse.push(await timed(`${server.origin}${v.prefix}/ab/parse-only-worker.js`, 'parse'));
      if (v.appWorker) v.app.push(await timed(`${server.origin}${v.prefix}/app/assets/${v.appWorker}`, 'app'));
    }
  }
  const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
  const fmt = (a) => a.map((x) => Math.round(x)).join(' ');
  if (viaUrl)
    console.log(`${file}: fetch only   ${fmt(transport)} ms (median ${Math.round(mb / (med(transport) / 1000))} MB/s)`);
  console.log(`${file}: decode+count ${fmt(lower)} ms (median ${Math.round(mb / (med(lower) / 1000))} MB/s)`);
  for (const v of variants) {
    const tag = v.name ? ` ${v.name}` : '';
    console.log(
      `${file}: parseChunks${tag} ${fmt(v.parse)} ms (median ${Math.round(mb / (med(v.parse) / 1000))} MB/s)`,
    );
    if (v.app.length)
      console.log(
        `${file}: app worker${tag} ${fmt(v.app)} ms (median ${Math.round(mb / (med(v.app) / 1000))} MB/s; ${v.appWorker})`,
      );
  }
  console.log(`load average at end: ${load()}`);
} finally {
  await browser.close();
  await server.close();
}
