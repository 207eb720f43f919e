// Every way in: drop, folder input, paste, #url= from another origin with CORS, refused
// schemes, network failure, progress and cancel on a large file, and `peakscope open`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listInputs, startOpenServer } from '../../src/cli/open.ts';
import { REPO_ROOT, sampleHeapFlame, SAMPLES_DIR } from '../samples.ts';
import { dropFiles, eventually, flameSettled, startHarness, type Harness } from './harness.ts';

let h: Harness;
let cors: Server;
let corsOrigin: string;
let tmp: string;
const heapFlame = sampleHeapFlame();
const INNER = 'defs.bzl.platform_flag_table';

beforeAll(async () => {
  h = await startHarness();
  tmp = mkdtempSync(join(tmpdir(), 'e2e-load-'));
  // A second origin that allows cross-origin reads, as a user's artifact server would.
  cors = createServer((req, res) => {
    if (req.url === '/flame.src') {
      res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/plain' });
      res.end(heapFlame);
    } else if (req.url === '/no-cors.src') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(heapFlame);
    } else {
      res.writeHead(404, { 'access-control-allow-origin': '*' });
      res.end();
    }
  });
  await new Promise<void>((ok) => cors.listen(0, '127.0.0.1', ok));
  const address = cors.address();
  corsOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await h?.close();
  await new Promise<void>((ok) => (cors ? cors.close(() => ok()) : ok()));
  rmSync(tmp, { recursive: true, force: true });
});

async function frameNames(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('g.frame')].map((g) => g.getAttribute('name') ?? ''));
}

async function setNames(page: Page): Promise<string[]> {
  return page.locator('.set .set-name').allTextContents();
}

const drop = dropFiles;

describe('loading', () => {
  it('takes dropped files and makes no request beyond its own origin', async () => {
    const { page, log } = await h.open();
    await drop(page, [
      { name: 'flame.src', text: heapFlame },
      { name: 'notes.txt', text: 'just some words\n' },
    ]);
    await page.locator(`g.frame[name="${INNER}"]`).first().waitFor();
    // Loose files are named by their file names (a later load of loose files gets its own name).
    expect(await setNames(page)).toContain('flame.src, notes.txt');
    await expect(page.locator('.file .problem').first().textContent()).resolves.toMatch(
      /notes\.txt line 1: not a profile peakscope knows/,
    );
    expect(log.foreignRequests).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('takes a whole folder through the folder input and forms one set per run', async () => {
    const { page, log } = await h.open();
    await page
      .locator('input[type=file][webkitdirectory]')
      .setInputFiles(join(SAMPLES_DIR, 'huge-collection', 'before'));
    // The browser names files relative to the chosen folder: `before/heap-allocated/flame.src`.
    await eventually(async () => (await setNames(page)).includes('before'), 15_000, 'the folder set');
    await page.locator('g.frame[name="module"]').first().waitFor();
    // A mode folder is part of its run: heap-allocated/ and statement/ are files of one set.
    const files = await page.locator('.set.current .file .path').allTextContents();
    expect(files).toEqual(
      expect.arrayContaining(['heap-allocated/flame.src', 'statement/profile.csv', 'time-flame/flame.src']),
    );
    await page.locator('#metric').selectOption('time');
    await eventually(
      async () => (await page.locator('#summary').textContent())?.includes('total time'),
      5000,
      'the time metric',
    );
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('turns pasted text into a file named pasted-N.txt', async () => {
    const { page } = await h.open();
    await page.locator('g.frame').first().waitFor();
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
    }, heapFlame);
    await eventually(
      async () => (await page.locator('.set.current .file .path').allTextContents()).includes('pasted-1.txt'),
      5000,
      'pasted-1.txt',
    );
    await page.locator(`g.frame[name="${INNER}"]`).first().waitFor();
    await page.close();
  });

  it('loads #url= from another origin that allows CORS', async () => {
    const { page, log } = await h.open(`#url=${encodeURIComponent(`${corsOrigin}/flame.src`)}`);
    await page.locator(`g.frame[name="${INNER}"]`).first().waitFor();
    expect(await setNames(page)).toEqual(['flame.src']);
    // Fetched once: the worker's early download (preboot script, src/worker/prefetch.ts) was claimed, not repeated.
    expect(log.foreignRequests).toEqual([`${corsOrigin}/flame.src`]);
    // The preboot script is the page's one inline script, first in <head> after the policy.
    expect(await page.locator('head script:not([src])').count()).toBe(1);
    await page.close();
  });

  it('says in words when a URL cannot be read (CORS refused, 404) and keeps what loaded', async () => {
    const { page } = await h.open(`#url=${encodeURIComponent(`${corsOrigin}/no-cors.src`)}`);
    await eventually(
      async () =>
        (await page.locator('.file .problem').allTextContents())
          .join()
          .includes('does not allow cross-origin reads (CORS)'),
      8000,
      'the CORS message',
    );
    await page.evaluate((u) => (location.hash = `#url=${encodeURIComponent(u)}`), `${corsOrigin}/missing.src`);
    await eventually(
      async () => (await page.locator('.file .problem').allTextContents()).join().includes('HTTP 404'),
      8000,
      'the 404 message',
    );
    expect((await setNames(page)).length).toBe(2);
    await page.close();
  });

  it('refuses javascript: and data: URLs with a message and never navigates', async () => {
    for (const bad of ['javascript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>']) {
      const { page, log } = await h.open(`#url=${encodeURIComponent(bad)}`);
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      const notice = page.locator('.notice.error');
      await notice.first().waitFor();
      expect(await notice.first().textContent()).toMatch(
        /Not loaded: only http: and https: URLs can be loaded, not (javascript|data):/,
      );
      expect(new URL(page.url()).origin).toBe(h.origin);
      expect(dialogs).toBe(0);
      expect(log.foreignRequests).toEqual([]);
      await page.close();
    }
  });

  it('shows progress on a large heap flame and cancels it', async () => {
    const path = join(tmp, 'big.flame.src');
    const lines: string[] = [];
    for (let i = 0; i < 200_000; i++)
      lines.push(
        `module;pkg${i % 97}/defs.bzl.macro_${i % 1013};pkg${i % 89}/util.bzl.helper_${i % 4099};list ${8 + (i % 977)}`,
      );
    const chunk = `${lines.join('\n')}\n`;
    writeFileSync(path, chunk.repeat(4));
    const { page } = await h.open();
    await page.locator('g.frame').first().waitFor();
    const before = (await setNames(page)).length;
    await page.locator('input[type=file]').first().setInputFiles(path);
    const progress = page.locator('#progress');
    await progress.waitFor({ state: 'visible' });
    expect(await progress.textContent()).toMatch(/Reading big\.flame\.src: .* of \d+(\.\d+)? MiB/);
    await page.screenshot({ path: join(REPO_ROOT, 'test-output', 'screenshots', 'progress.png') });
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await progress.waitFor({ state: 'hidden' });
    expect(await page.locator('.notice').last().textContent()).toMatch(/Loading big\.flame\.src was cancelled/);
    expect((await setNames(page)).length).toBe(before);
    // The page still works after a cancel: load the same file to the end.
    await page.locator('input[type=file]').first().setInputFiles(path);
    await eventually(async () => (await setNames(page)).length === before + 1, 60_000, 'the large file to load');
    await page.locator('g.frame[name="module"]').first().waitFor();
    expect((await frameNames(page)).length).toBeLessThan(5000);
    await page.close();
  });

  it('offers the bundled samples, before and after, and loads one by a shareable link', async () => {
    const { page, log } = await h.open();
    await page.locator('g.frame').first().waitFor();
    await page.keyboard.press('4');
    await page.locator('.gallery-item').first().waitFor();
    const titles = await page.locator('.gallery-item h3').allTextContents();
    expect(titles).toEqual(
      expect.arrayContaining([
        'Loop-invariant call',
        'Huge collection',
        'Materialise, then process',
        'dict.items() in a hot loop',
        'Allocating for a rare case',
      ]),
    );
    await h.screenshot(page, 'gallery');
    await page
      .locator('.gallery-item', { hasText: 'Huge collection' })
      .getByRole('link', { name: /^after/ })
      .click();
    await eventually(async () => (await setNames(page)).includes('huge-collection/after'), 8000, 'the after sample');
    expect(await page.locator('.set.current .set-name').textContent()).toBe('huge-collection/after');
    expect(decodeURIComponent(new URL(page.url()).hash)).toMatch(
      /url=http:\/\/127\.0\.0\.1:\d+\/samples\/huge-collection\/after\/manifest\.json/,
    );
    await page.locator('g.frame[name="module"]').first().waitFor();
    expect(log.foreignRequests).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('loads what `peakscope open` serves', async () => {
    const dir = join(SAMPLES_DIR, 'dict-view-in-loop', 'after');
    const server = await startOpenServer(await listInputs([dir]), join(REPO_ROOT, 'dist'));
    try {
      const { page, log } = await h.visit(server.url);
      await page.locator('g.frame[name="module"]').first().waitFor();
      await flameSettled(page);
      expect((await setNames(page)).some((n) => n.endsWith('dict-view-in-loop/after'))).toBe(true);
      expect(log.foreignRequests).toEqual([]);
      expect(log.consoleErrors).toEqual([]);
      await h.screenshot(page, 'peakscope-open');
      await page.close();
    } finally {
      await server.close();
    }
  });
});
