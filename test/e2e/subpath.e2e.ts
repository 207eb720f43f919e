// `npm run build` output hosted under a sub-path (as GitHub Pages serves a project site): a tiny
// static server on 127.0.0.1 serves the build only below /some/sub/path/, and the app, its
// worker, its samples and the gallery must all load from there with no request outside it.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../samples.ts';
import { eventually, flameSettled, startHarness, type Harness } from './harness.ts';

const PREFIX = '/some/sub/path/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Serves `root` below PREFIX only (index.html for the bare prefix); records every path asked for. */
function staticServer(root: string, seen: string[]): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    seen.push(path);
    const file = path.startsWith(PREFIX) ? normalize(join(root, path.slice(PREFIX.length) || 'index.html')) : null;
    if (!file || !file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let h: Harness;
let outDir: string;
let server: Server;
let base: string;
const seen: string[] = [];
beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'peakscope-build-'));
  // The real command (tsc, then vite build), into a fresh folder instead of the shared dist/.
  execFileSync('npm', ['run', 'build', '--', '--outDir', outDir, '--emptyOutDir'], { cwd: REPO_ROOT, stdio: 'pipe' });
  server = await staticServer(outDir, seen);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PREFIX}`;
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(outDir, { recursive: true, force: true });
});

describe('hosting under a sub-path', () => {
  it('builds with relative asset paths only', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(1);
    // In-page fragment links (the skip link) are no asset paths.
    expect(refs.filter((r) => !r.startsWith('./') && !r.startsWith('#'))).toEqual([]);
  });

  it('loads the app, its worker and the default sample from /some/sub/path/', async () => {
    seen.length = 0;
    const { page, log } = await h.visit(base);
    await page.locator('g.frame[name="module"]').first().waitFor({ timeout: 20_000 });
    await flameSettled(page);
    expect(await page.locator('.set .set-name').allTextContents()).toEqual(['loop-invariant-call/before']);
    expect(seen.filter((p) => !p.startsWith(PREFIX))).toEqual([]);
    expect(seen.some((p) => /assets\/parse-worker-[\w-]+\.js$/.test(p))).toBe(true);
    expect([log.failedRequests, log.foreignRequests, log.consoleErrors]).toEqual([[], [], []]);
    await h.screenshot(page, 'subpath-default');

    // A sample from the gallery, then a table tab, all still below the prefix.
    await page.keyboard.press('4');
    await page.locator('.gallery-item', { hasText: 'Monorepo' }).locator('a').first().click();
    await eventually(
      async () => (await page.locator('.set .set-name').allTextContents()).includes('monorepo'),
      15_000,
      'the monorepo set',
    );
    await page.keyboard.press('7');
    await page.locator('table.types-table tbody tr').first().waitFor();
    expect(seen.filter((p) => !p.startsWith(PREFIX))).toEqual([]);
    expect(log.failedRequests).toEqual([]);
    await page.close();
  });

  it('is what the Pages workflow publishes', () => {
    const workflow = readFileSync(join(REPO_ROOT, '.github', 'workflows', 'pages.yml'), 'utf8');
    expect(workflow).toMatch(/run: npm ci\n/);
    expect(workflow).toMatch(/run: npm run build\n/);
    expect(workflow).toMatch(/upload-pages-artifact@v\d+\n\s+with:\n\s+path: dist\n/);
    // vite 8 needs Node ^20.19 or >= 22.12; setup-node's `20` resolves to the newest 20.x.
    expect(workflow).toMatch(/node-version: (20|22|24)\n/);
    expect(readFileSync(join(REPO_ROOT, 'vite.config.ts'), 'utf8')).toMatch(/base: '\.\/'/);
  });
});
