// The built page's preboot script starts the app (tools/worker-preboot-plugin.ts): for a plain
// `#url=` link only once the worker has drawn its first picture, and whatever the user drops
// before the app runs is kept for it. Holding the app's module entry back makes "before the app
// runs" certain, without timing.
import { createServer } from 'node:http';
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_WAIT_MS } from '../../tools/worker-preboot-plugin.ts';
import { sampleBalancedHeapFlame, sampleHeapFlame, sampleStatements } from '../samples.ts';
import { dropFiles, serveElsewhere, startHarness, type Harness } from './harness.ts';

let h: Harness;
let files: Awaited<ReturnType<typeof serveElsewhere>> | undefined;
let fileUrl: string;

beforeAll(async () => {
  h = await startHarness();
  // When the first picture is marked drawn, on the page's clock (at the very call), and what the
  // preboot worker says, in order.
  await h.context.addInitScript(() => {
    const scope = window as { workerSaid?: string[] };
    scope.workerSaid = [];
    const NativeWorker = window.Worker;
    window.Worker = class extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e: MessageEvent<{ type: string }>) => scope.workerSaid!.push(e.data.type));
      }
    };
    const set = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (name: string, value: string) {
      const scope = window as { paintedAt?: number };
      if (name === 'data-painted' && !scope.paintedAt) scope.paintedAt = performance.now();
      return set.call(this, name, value);
    };
  });
  // The profile on another origin that allows reads, as an artifact server would serve it.
  files = await serveElsewhere('flame.src', sampleBalancedHeapFlame());
  fileUrl = files.url;
});
afterAll(async () => {
  await h?.close();
  await files?.close();
});

/** The app's module entry (the one module the preboot script imports). */
const APP_ENTRY = /\/assets\/index-[^/]*\.js$/;

/** Holds the app's module entry back until `release()`; `done()` ends the hold. */
async function holdAppEntry(): Promise<{ release: () => void; done: () => Promise<void> }> {
  let release!: () => void;
  const held = new Promise<void>((ok) => (release = ok));
  const hold = async (route: Route) => {
    await held;
    await route.continue().catch(() => {});
  };
  await h.context.route(APP_ENTRY, hold);
  return { release, done: () => h.context.unroute(APP_ENTRY, hold) };
}

describe('app start', () => {
  it('requests the app only once the worker has drawn the first picture of a plain `#url=` link', async () => {
    const { page, log } = await h.open(`#url=${encodeURIComponent(fileUrl)}`);
    await page.locator('#flame svg g.frame').first().waitFor();
    const times = await page.evaluate((entry) => {
      const app = performance.getEntriesByType('resource').find((r) => new RegExp(entry).test(r.name));
      return { appRequested: app?.startTime ?? -1, painted: (window as { paintedAt?: number }).paintedAt ?? -1 };
    }, APP_ENTRY.source);
    // The picture first, unless a slow machine ran out the wait (the app then starts anyway, to
    // show the progress); the picture's text alternative is set before the app is asked for.
    expect(times.painted).toBeGreaterThan(0);
    expect(times.appRequested).toBeGreaterThanOrEqual(Math.min(times.painted, APP_WAIT_MS));
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('keeps a file dropped before the app runs and opens it once the app has started', async () => {
    const { release, done } = await holdAppEntry();
    try {
      const { page, log } = await h.open(`#url=${encodeURIComponent(fileUrl)}`);
      await page.waitForFunction(() => document.readyState !== 'loading');
      const heldBack = await page.evaluate(() => document.querySelector('.set') === null);
      expect(heldBack).toBe(true);
      await dropFiles(page, [{ name: 'dropped-early.src', text: sampleHeapFlame() }]);
      // Still on the page (the browser did not open the file in the tab), and the drop is kept.
      expect(page.url()).toContain('#url=');
      release();
      await page.locator('.set .set-name', { hasText: 'dropped-early.src' }).waitFor({ timeout: 15_000 });
      await page.locator('.set .set-name', { hasText: 'flame.src' }).first().waitFor({ timeout: 15_000 });
      expect(log.consoleErrors).toEqual([]);
      await page.close();
    } finally {
      release();
      await done();
    }
  });

  it('tells the page at once when a link gives no picture, and the app then says why', async () => {
    const { page } = await h.open(`#url=${encodeURIComponent(`${h.origin}/no-such-profile.src`)}`);
    await page.locator('.notices', { hasText: 'could not be read' }).waitFor({ timeout: 15_000 });
    const said = await page.evaluate(() => (window as { workerSaid?: string[] }).workerSaid ?? []);
    // The early job's result (the file unread) is held for the app; its word that no picture comes is not.
    expect(said).toContain('no-first-paint');
    expect(said.indexOf('no-first-paint')).toBeLessThan(said.indexOf('done'));
    await page.close();
  });

  it('starts the app while a file that gets no picture still streams (a statement CSV)', async () => {
    // The head, then the rest only once the page knows: the early job decides from the head.
    const [header, ...rows] = sampleStatements().trimEnd().split('\n');
    const head = `${[header, ...Array.from({ length: 2000 }, () => rows).flat()].join('\n')}\n`;
    let release!: () => void;
    const rest = new Promise<void>((ok) => (release = ok));
    const slow = createServer((_req, res) => {
      res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/csv' });
      res.write(head);
      void rest.then(() => res.end(rows.join('\n') + '\n'));
    });
    await new Promise<void>((ok) => slow.listen(0, '127.0.0.1', ok));
    const address = slow.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/profile.csv`;
    try {
      const { page } = await h.open(`#url=${encodeURIComponent(url)}`);
      await page.waitForFunction(() => (window as { workerSaid?: string[] }).workerSaid?.includes('no-first-paint'));
      release();
      await page.locator('.set .set-name', { hasText: 'profile.csv' }).waitFor({ timeout: 15_000 });
      await page.close();
    } finally {
      release();
      slow.closeAllConnections();
      await new Promise<void>((ok) => slow.close(() => ok()));
    }
  });

  it('shows the stored dark theme while the app waits, the first picture included', async () => {
    const setup = await h.open();
    await setup.page.evaluate(() => localStorage.setItem('peakscope.theme', 'dark'));
    await setup.page.close();
    const { release, done } = await holdAppEntry();
    try {
      const { page } = await h.open(`#url=${encodeURIComponent(fileUrl)}`);
      await page.locator('#flame canvas.first-paint[data-painted]').waitFor();
      const look = await page.evaluate(() => ({
        theme: document.documentElement.dataset.theme,
        picker: document.querySelector<HTMLSelectElement>('#theme')!.value,
        app: document.querySelector('.set') !== null,
        background: getComputedStyle(document.body).backgroundColor,
      }));
      expect(look.app).toBe(false);
      expect(look.theme).toBe('dark');
      expect(look.picker).toBe('dark');
      const [r, g, b] = look.background.match(/\d+/g)!.map(Number);
      expect(r! + g! + b!).toBeLessThan(3 * 80);
      await h.screenshot(page, 'app-start-waiting-dark');
      release();
      await page.locator('#flame svg g.frame').first().waitFor();
      await page.close();
    } finally {
      release();
      await done();
      const reset = await h.open();
      await reset.page.evaluate(() => localStorage.removeItem('peakscope.theme'));
      await reset.page.close();
    }
  });

  it('says so when the app’s own code cannot be loaded, instead of sitting there', async () => {
    const fail = (route: Route) => route.abort('failed');
    await h.context.route(APP_ENTRY, fail);
    try {
      const { page } = await h.open(`#url=${encodeURIComponent(fileUrl)}`);
      await page.locator('#notices', { hasText: 'could not load its own code' }).waitFor({ timeout: 15_000 });
      expect(await page.locator('#notices').textContent()).toMatch(/reload the page to try again/);
      await page.close();
    } finally {
      await h.context.unroute(APP_ENTRY, fail);
    }
  });
});
