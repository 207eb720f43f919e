// `node tools/bench/parse-ab.mjs [file] [runs]`: the browser's parse throughput alone, for
// quick before/after checks between optimisation rounds (the full method is run.mjs): bundles
// the parse-only worker from src/, then times the decode+count bound and parseChunks on the
// file held as a Blob, alternating, in one Chromium.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readdirSync, statSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { buildParseOnlyWorker } from './parse-only-build.mjs';
import { timeWorker } from './probes.mjs';
import { startServer } from './server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, 'out');
const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const file = positional[0] ?? 'heap-flame-100mb.src';
const runs = Number(positional[1] ?? 5);
// --url streams the file from the server in every run (as `#url=` does) instead of a Blob.
const viaUrl = process.argv.includes('--url');

await buildParseOnlyWorker(OUT);
const server = await startServer({
  '/inputs/': OUT,
  '/bench/': join(HERE, 'harness'),
  '/app/': join(HERE, '..', '..', 'dist'),
});
// The app's own worker from the last `vite build` (parse, derive the set data, transfer).
const appWorker = readdirSync(join(HERE, '..', '..', 'dist', 'assets')).find((f) => /^parse-worker.*\.js$/.test(f));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new'] });
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.origin}/bench/index.html`);
  const fileUrl = `${server.origin}/inputs/${file}`;
  const mb = statSync(join(OUT, file)).size / 1e6;
  const lower = [];
  const parse = [];
  const transport = [];
  const app = [];
  for (let i = 0; i < runs; i++) {
    if (viaUrl)
      transport.push(
        (
          await page.evaluate(timeWorker, {
            workerUrl: `${server.origin}/bench/fetch-only-worker.js`,
            fileUrl,
            kind: 'lower',
            viaUrl,
          })
        ).ms,
      );
    lower.push(
      (
        await page.evaluate(timeWorker, {
          workerUrl: `${server.origin}/bench/lower-bound-worker.js`,
          fileUrl,
          kind: 'lower',
          viaUrl,
        })
      ).ms,
    );
    const p = await page.evaluate(timeWorker, {
      workerUrl: `${server.origin}/inputs/parse-only-worker.js`,
      fileUrl,
      kind: 'parse',
      viaUrl,
    });
    if (p.error) throw new Error(p.error);
    parse.push(p.ms);
    if (appWorker) {
      const a = await page.evaluate(timeWorker, {
        workerUrl: `${server.origin}/app/assets/${appWorker}`,
        fileUrl,
        kind: 'app',
        viaUrl,
      });
      if (a.error) throw new Error(a.error);
      app.push(a.ms);
    }
  }
  const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
  const fmt = (a) => a.map((x) => Math.round(x)).join(' ');
  if (viaUrl)
    console.log(`${file}: fetch only   ${fmt(transport)} ms (median ${Math.round(mb / (med(transport) / 1000))} MB/s)`);
  console.log(`${file}: decode+count ${fmt(lower)} ms (median ${Math.round(mb / (med(lower) / 1000))} MB/s)`);
  console.log(`${file}: parseChunks  ${fmt(parse)} ms (median ${Math.round(mb / (med(parse) / 1000))} MB/s)`);
  if (app.length)
    console.log(
      `${file}: app worker   ${fmt(app)} ms (median ${Math.round(mb / (med(app) / 1000))} MB/s; dist/assets/${appWorker})`,
    );
} finally {
  await browser.close();
  await server.close();
}
