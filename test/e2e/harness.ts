// Shared browser harness for e2e tests: builds dist/ once when missing, serves it with
// `vite preview` on 127.0.0.1 (random port), drives Debian's Chromium through playwright-core
// (toolchain.md), and records console errors, failed requests and requests to other origins.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { REPO_ROOT } from '../samples.ts';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-output', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let building: Promise<void> | null = null;

/** Builds dist/ if it is missing (once per process). */
export function ensureBuilt(): Promise<void> {
  if (existsSync(join(REPO_ROOT, 'dist', 'index.html'))) return Promise.resolve();
  building ??= build({ root: REPO_ROOT, logLevel: 'warn' }).then(() => undefined);
  return building;
}

/** What a page did that a test may want to assert on. */
export interface PageLog {
  consoleErrors: string[];
  /** Requests that failed or answered with an HTTP error status. */
  failedRequests: string[];
  /** Requests to any origin other than the app's own. */
  foreignRequests: string[];
}

export interface Harness {
  baseUrl: string;
  origin: string;
  context: BrowserContext;
  /** Opens the app (optionally with a hash) and returns the page with its log. */
  open(hash?: string, viewport?: { width: number; height: number }): Promise<{ page: Page; log: PageLog }>;
  /** Opens any URL (e.g. a `peakscope open` server) with the same logging; `origin` is its own. */
  visit(url: string, viewport?: { width: number; height: number }): Promise<{ page: Page; log: PageLog }>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts preview + Chromium. Call `close()` in afterAll. */
export async function startHarness(): Promise<Harness> {
  await ensureBuilt();
  const server: PreviewServer = await preview({
    root: REPO_ROOT,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) throw new Error('vite preview did not report a URL');
  const origin = new URL(baseUrl).origin;
  const profile = mkdtempSync(join(tmpdir(), 'e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: CHROMIUM_ARGS,
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const harness: Harness = {
    baseUrl,
    origin,
    context,
    open(hash = '', viewport) {
      return harness.visit(baseUrl + hash, viewport);
    },
    async visit(url, viewport) {
      const own = new URL(url).origin;
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      const log: PageLog = { consoleErrors: [], failedRequests: [], foreignRequests: [] };
      page.on('console', (m) => {
        if (m.type() === 'error') log.consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => log.consoleErrors.push(String(e)));
      page.on('requestfailed', (r) => log.failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
      page.on('response', (r) => {
        if (r.status() >= 400) log.failedRequests.push(`${r.url()} HTTP ${r.status()}`);
      });
      page.on('request', (r) => {
        if (/^https?:/.test(r.url()) && new URL(r.url()).origin !== own) log.foreignRequests.push(r.url());
      });
      await page.goto(url);
      return { page, log };
    },
    async screenshot(page, name) {
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    async close() {
      await context.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Polls until `check` returns a truthy value (d3 transitions settle a few frames later). */
export async function eventually<T>(
  check: () => Promise<T>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The flamegraph views on screen (the page's and Compare's). A chart keeps the views a zoom left,
 * hidden, beside the one shown (views/flamegraph.ts): a query for frames after a zoom is made
 * under this.
 */
export const SHOWN_CHART = '.flame-chart > :not(.kept)';
/** Frames of the view on screen; a test appends `[name="…"]` or a class. */
export const SHOWN_FRAME = `${SHOWN_CHART} g.frame`;

/** Waits until the flamegraph's rect widths stop changing (its transitions have ended). */
export async function flameSettled(page: Page, timeoutMs = 10_000): Promise<void> {
  const widths = () =>
    page.evaluate(
      (frames) => [...document.querySelectorAll(`${frames} rect`)].map((r) => r.getAttribute('width')).join(),
      SHOWN_FRAME,
    );
  let last = '';
  await eventually(
    async () => {
      const now = await widths();
      const same = now !== '' && now === last;
      last = now;
      return same;
    },
    timeoutMs,
    'the flamegraph to settle',
  );
}

/**
 * Serves `text` on another origin that allows reads, as an artifact server would serve a
 * profile; `url` names it `name`. Call `close()` in afterAll.
 */
export async function serveElsewhere(name: string, text: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/plain' });
    res.end(text);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/${name}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** Drops files on the page through a DataTransfer built in the page (a DragEvent `drop`). */
export async function dropFiles(page: Page, files: { name: string; text: string }[]): Promise<void> {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    return dt;
  }, files);
  await page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
}
