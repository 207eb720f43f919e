import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGoldenBody, REPO_ROOT } from '../golden.ts';
import { eventually, flameSettled, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const rectWidth = (page: import('playwright-core').Page, name: string) =>
  page.locator(`g.frame[name="${name}"] rect`).first().evaluate((r) => Number(r.getAttribute('width') ?? 0));

describe('the viewer', () => {
  it('shows the golden heap flame given to the first file input, and zooms on click', async () => {
    const { page, log } = await h.open();
    const body = readGoldenBody('heap_flame_allocated.flame.golden');
    await page.locator('input[type=file]').first().setInputFiles({ name: 'anything.dat', mimeType: 'application/octet-stream', buffer: Buffer.from(body) });
    for (const name of ['module', 'test.star.test', 'test.star.inner']) {
      await page.locator(`g.frame[name="${name}"]`).first().waitFor();
    }
    const before = await eventually(() => rectWidth(page, 'test.star.inner'), 5000, 'inner width');
    await page.locator('g.frame[name="test.star.test"]').first().click();
    const after = await eventually(async () => {
      const w = await rectWidth(page, 'test.star.inner');
      return w > before + 1 ? w : 0;
    }, 5000, 'inner rect to widen');
    expect(after).toBeGreaterThan(before);
    await h.screenshot(page, 'golden-zoomed');
    expect(log.foreignRequests).toEqual([]);
    expect(log.failedRequests).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('hostile shapes', () => {
  it('draws a 20,000-level recursion as a bounded number of frames, and names stay text', async () => {
    const { page, log } = await h.open();
    const deep = ['module', ...Array.from({ length: 20_000 }, () => 'r.bzl.recurse')].join(';');
    const text = `${deep};list 4096\nmodule;<img src=x onerror=alert(1)>.bzl.f;dict 2048\n`;
    await page.locator('input[type=file]').first().setInputFiles({ name: '<b>deep</b>.src', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await page.locator('g.frame[name="⋯ deeper frames"]').first().waitFor();
    expect(await page.locator('g.frame').count()).toBeLessThan(260);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('.file .path', { hasText: '<b>deep<\u2215b>.src' }).count()).toBe(1);
    await page.locator('g.frame[name="⋯ deeper frames"]').first().click();
    await eventually(async () => (await page.locator('g.frame', { hasText: 'levels above' }).count()) === 1, 8000, 'zoomed past the depth limit');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('npm start', () => {
  it('serves the source through the dev server and opens with the default real sample', async () => {
    // A fresh dependency cache, as on a first `npm start` after `npm ci`.
    const cacheDir = mkdtempSync(join(tmpdir(), 'vite-cache-'));
    const server = await createServer({ root: REPO_ROOT, cacheDir, logLevel: 'warn', server: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
    await server.listen();
    try {
      const url = server.resolvedUrls!.local[0]!;
      const { page, log } = await h.visit(url);
      // The dev server compiles on first request: allow it time on a shared 2-core machine.
      await page.locator('g.frame[name="defs.bzl.platform_flag_table"]').first().waitFor({ timeout: 45_000 });
      await flameSettled(page);
      expect(await page.locator('.set .set-name').allTextContents()).toEqual(['loop-invariant-call/before']);
      const files = await page.locator('.set .file .path').allTextContents();
      expect(files).toEqual(expect.arrayContaining(['heap-allocated/flame.src', 'heap-allocated/profile.csv', 'statement/profile.csv']));
      expect(log.foreignRequests).toEqual([]);
      expect(log.failedRequests).toEqual([]);
      expect(log.consoleErrors).toEqual([]);
      await h.screenshot(page, 'npm-start');
      await page.close();
    } finally {
      await server.close();
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
