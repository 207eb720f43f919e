// The first load is the flamegraph path: what index.html loads up front must hold no Starlark
// parser (@lezer: the worker indexes sources, also for sources dropped after their profiles, so
// no chunk of the page holds it or the rules), none of the panels loaded later
// (app/deferred-panel.ts), and stay within the 90 kB gzip. Read from a
// real build of the app, kept in memory: each chunk lists the modules it holds.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { eagerScripts, inlineScripts } from '../../tools/bench/first-load.mjs';
import { HEAP_FLAME_WASM_BASE64 } from '../../src/formats/heap-flame-wasm.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The chunks index.html loads up front (its scripts and preloads, and every chunk they import statically). */
function eagerChunks(output: Rollup.OutputBundle | Rollup.RollupOutput['output']): Rollup.OutputChunk[] {
  const items = Object.values(output);
  const html = items.find((o) => o.fileName === 'index.html');
  if (!html || html.type !== 'asset') throw new Error('the build wrote no index.html');
  const chunks = new Map(items.flatMap((o) => (o.type === 'chunk' ? [[o.fileName, o] as const] : [])));
  const eager = new Set(eagerScripts(String(html.source)).filter((f) => chunks.has(f)));
  for (const file of eager) for (const imported of chunks.get(file)!.imports) eager.add(imported);
  return [...eager].map((f) => chunks.get(f)!);
}

const modulesOf = (chunks: Rollup.OutputChunk[]) => chunks.flatMap((c) => c.moduleIds);
const lezer = (ids: string[]) => ids.filter((id) => id.includes('/node_modules/@lezer/'));

describe('first-load JS', () => {
  let chunks: Rollup.OutputChunk[] = [];
  let all: Rollup.OutputChunk[] = [];
  let workerEntry = '';
  let workerJob = '';
  let workerAnalyseJob = '';
  let indexHtml = '';
  let coreFiles: Rollup.OutputAsset[] = [];
  beforeAll(async () => {
    const result = await build({ root: ROOT, logLevel: 'silent', build: { write: false } });
    const output = (Array.isArray(result) ? result[0]! : (result as Rollup.RollupOutput)).output;
    chunks = eagerChunks(output);
    const html = output.find((o) => o.fileName === 'index.html');
    indexHtml = html?.type === 'asset' ? String(html.source) : '';
    all = output.flatMap((o) => (o.type === 'chunk' ? [o] : []));
    const entry = output.find((o) => /(^|\/)parse-worker-[^/]*\.js$/.test(o.fileName));
    workerEntry = entry ? String(entry.type === 'chunk' ? entry.code : entry.source) : '';
    const job = output.find((o) => /(^|\/)load-job-[^/]*\.js$/.test(o.fileName));
    workerJob = job ? String(job.type === 'chunk' ? job.code : job.source) : '';
    const analyse = output.find((o) => /(^|\/)analyse-job-[^/]*\.js$/.test(o.fileName));
    workerAnalyseJob = analyse ? String(analyse.type === 'chunk' ? analyse.code : analyse.source) : '';
    coreFiles = output.flatMap((o) =>
      o.type === 'asset' && /(^|\/)heap-flame-[^/]*\.wasm$/.test(o.fileName) ? [o] : [],
    );
  }, 180_000);

  it('loads the app up front, and no module of @lezer or the advisor in any chunk of the page', () => {
    expect(modulesOf(chunks).some((id) => id.endsWith('/src/app/main.ts'))).toBe(true);
    expect(lezer(modulesOf(chunks))).toEqual([]);
    // Not even later: sources dropped after their profiles are analysed in the worker (analyse-job.ts).
    const analysis = /\/src\/(analysis\/(advisor|starlark-[^/]*|attribution)|worker\/(set-analysis|analyse-job))\.ts$/;
    expect(modulesOf(all).length).toBeGreaterThan(modulesOf(chunks).length);
    expect([...lezer(modulesOf(all)), ...modulesOf(all).filter((id) => analysis.test(id))]).toEqual([]);
    // A worker chunk of its own answers the page's re-analysis; the load job's chunk, which the
    // first paint waits for, holds no Starlark grammar (the analysis is imported after the parse).
    expect(workerAnalyseJob).toMatch(/\brunAnalyseJob\b/);
    expect(workerJob).not.toBe('');
    // A lezer grammar's serialized spec names these fields even when minified.
    expect(workerJob).not.toMatch(/\btokenPrec\b|\btopRules\b/);
  });

  it('leaves the panels the first paint does not need to chunks loaded later', () => {
    const deferred = ['app/tables-panel.ts', 'app/analysis-panels.ts', 'app/diff-panel.ts', 'app/export.ts'];
    const eager = modulesOf(chunks);
    expect(deferred.filter((m) => eager.some((id) => id.endsWith(`/src/${m}`)))).toEqual([]);
    const later = modulesOf(all.filter((c) => !chunks.includes(c)));
    expect(deferred.filter((m) => later.some((id) => id.endsWith(`/src/${m}`)))).toEqual(deferred);
  });

  it('stays within 90 kB gzip (kB = 1024 bytes, as the bench prints it)', () => {
    const inline = inlineScripts(indexHtml).reduce((n, text) => n + gzipSync(text).length, 0);
    const gzip = chunks.reduce((n, c) => n + gzipSync(c.code).length, inline);
    expect(gzip).toBeGreaterThan(0);
    expect(gzip).toBeLessThanOrEqual(90 * 1024);
  });

  it('runs one inline script, the preboot, which the policy allows by its hash and nothing else', () => {
    const [preboot, ...others] = inlineScripts(indexHtml);
    expect(others).toEqual([]);
    expect(preboot).toContain('parse-worker-');
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(indexHtml)![1]!;
    const hash = createHash('sha256').update(preboot!).digest('base64');
    expect(policy).toContain(`script-src 'self' 'sha256-${hash}';`);
    // Nothing runs before it but the policy: it is the page's only script, and it starts the app
    // (tools/worker-preboot-plugin.ts), whose module script and preloads left the HTML.
    expect(indexHtml).not.toMatch(/<script type="module"|rel="modulepreload"/);
    expect(preboot).toMatch(/var app = \{"entry":"\.\/assets\/index-[\w-]+\.js"/);
  });

  it("ships the heap flame reader as one file the worker's entry compiles, and no base64 copy", () => {
    // tools/heap-flame-wasm-plugin.ts: the bytes are those of the base64 module the CLI reads.
    expect(coreFiles.map((f) => Buffer.from(f.source).equals(Buffer.from(HEAP_FLAME_WASM_BASE64, 'base64')))).toEqual([
      true,
    ]);
    expect(workerEntry).toContain(coreFiles[0]!.fileName.split('/').pop());
    // "\0asm", the first bytes of any WebAssembly module, in base64.
    expect([workerEntry, workerJob, workerAnalyseJob].filter((code) => code.includes('AGFzbQ'))).toEqual([]);
  });

  it('leaves the decompressors out of the chunks every load waits for', () => {
    // formats/codecs.ts: fflate's and fzstd's error messages mark their code, even minified.
    const codecs = /invalid block type|invalid zstd data/;
    expect([workerEntry, workerJob].filter((code) => codecs.test(code))).toEqual([]);
    expect(workerJob).toMatch(/import\(`\.\/codecs-[\w-]+\.js`\)|import\("\.\/codecs-[\w-]+\.js"\)/);
  });

  it("the worker's entry exports nothing: no chunk imports it back", () => {
    // It runs with the page's address in its URL fragment (worker/prefetch.ts). A chunk importing a
    // value from it would load it again under the bare URL: a second module instance, whose start
    // fetched the #url= file a second time (seen when the statement rows' buffers were listed there).
    expect(workerEntry.length).toBeGreaterThan(0);
    expect(workerEntry).not.toMatch(/\bexport\s*\{/);
  });
});
