import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { REPO_ROOT, sampleBalancedHeapFlame } from '../samples.ts';
import { eventually, flameSettled, SHOWN_FRAME, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const rectWidth = (page: import('playwright-core').Page, name: string) =>
  page
    .locator(`${SHOWN_FRAME}[name="${name}"] rect`)
    .first()
    .evaluate((r) => Number(r.getAttribute('width') ?? 0));

const OUTER = 'macros/defs.bzl.generated_libraries';
const INNER = 'macros/defs.bzl.make_target';

describe('the viewer', () => {
  it('shows a real heap flame given to the first file input, and zooms on click', async () => {
    const { page, log } = await h.open();
    const body = sampleBalancedHeapFlame();
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: 'anything.dat', mimeType: 'application/octet-stream', buffer: Buffer.from(body) });
    for (const name of ['module', OUTER, INNER]) {
      await page.locator(`${SHOWN_FRAME}[name="${name}"]`).first().waitFor();
    }
    const before = await eventually(() => rectWidth(page, INNER), 5000, 'inner width');
    await page.locator(`${SHOWN_FRAME}[name="${INNER}"]`).first().click();
    const after = await eventually(
      async () => {
        const w = await rectWidth(page, INNER);
        return w > before + 1 ? w : 0;
      },
      5000,
      'inner rect to widen',
    );
    expect(after).toBeGreaterThan(before);
    await h.screenshot(page, 'sample-zoomed');
    expect(log.foreignRequests).toEqual([]);
    expect(log.failedRequests).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('totals', () => {
  it('shows the same totals and top functions as `peakscope report --json` on the same files', async () => {
    const dir = join(REPO_ROOT, 'samples', 'materialize-then-process', 'before', 'heap-allocated');
    let out = '';
    const code = await main(['report', '--json', dir], { stdout: (t) => void (out += t), stderr: () => {} });
    expect(code).toBe(0);
    const report = JSON.parse(out) as {
      inputs: {
        path: string;
        format: string;
        totals: Record<string, number>;
        topFunctions: { name: string; selfBytes: number; totalBytes: number }[];
      }[];
    };
    const { page } = await h.open();
    await page.locator(`${SHOWN_FRAME}`).first().waitFor();
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles(['flame.src', 'profile.csv', 'targets.txt'].map((f) => join(dir, f)));
    await eventually(async () => (await page.locator('.set').count()) === 2, 8000, 'the second set');
    const sideText = (await page.locator('.set.current').textContent()) ?? '';
    const exact = (n: number) => n.toLocaleString('en-US');
    const flame = report.inputs.find((i) => i.format === 'heap-flame')!;
    const summary = report.inputs.find((i) => i.format === 'heap-summary')!;
    expect(sideText).toContain(`bytes ${exact(flame.totals.bytes!)}`);
    expect(sideText).toContain(`stacks ${exact(flame.totals.stacks!)}`);
    expect(sideText).toContain(`alloc bytes ${exact(summary.totals.allocBytes!)}`);
    expect(sideText).toContain(`allocs ${exact(summary.totals.allocs!)}`);
    expect(await page.locator('#summary').textContent()).toContain(`(${exact(flame.totals.bytes!)} bytes)`);
    await page.keyboard.press('2');
    for (const f of flame.topFunctions) {
      const row = page.locator(`table.function-table tr[data-name="${f.name}"]`);
      expect([
        f.name,
        await row.locator('td').nth(1).getAttribute('title'),
        await row.locator('td').nth(2).getAttribute('title'),
      ]).toEqual([f.name, exact(f.selfBytes), exact(f.totalBytes)]);
    }
    await page.close();
  });
});

describe('hostile shapes', () => {
  it('draws a 20,000-level recursion as a bounded number of frames, and names stay text', async () => {
    const { page, log } = await h.open();
    const deep = ['module', ...Array.from({ length: 20_000 }, () => 'r.bzl.recurse')].join(';');
    const text = `${deep};list 4096\nmodule;<img src=x onerror=alert(1)>.bzl.f;dict 2048\n`;
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: '<b>deep</b>.src', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await page.locator(`${SHOWN_FRAME}[name="⋯ deeper frames"]`).first().waitFor();
    expect(await page.locator(`${SHOWN_FRAME}`).count()).toBeLessThan(260);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('.file .path', { hasText: '<b>deep<\u2215b>.src' }).count()).toBe(1);
    await page.locator(`${SHOWN_FRAME}[name="⋯ deeper frames"]`).first().click();
    await eventually(
      async () => (await page.locator(`${SHOWN_FRAME}`, { hasText: 'levels above' }).count()) === 1,
      8000,
      'zoomed past the depth limit',
    );
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('npm start', () => {
  it('serves the source through the dev server and opens with the default real sample', async () => {
    // A fresh dependency cache, as on a first `npm start` after `npm ci`.
    const cacheDir = mkdtempSync(join(tmpdir(), 'vite-cache-'));
    const server = await createServer({
      root: REPO_ROOT,
      cacheDir,
      logLevel: 'warn',
      server: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    });
    await server.listen();
    try {
      const url = server.resolvedUrls!.local[0]!;
      const { page, log } = await h.visit(url);
      // The dev server compiles on first request: allow it time on a shared 2-core machine.
      await page.locator(`${SHOWN_FRAME}[name="defs.bzl.platform_flag_table"]`).first().waitFor({ timeout: 45_000 });
      await flameSettled(page);
      expect(await page.locator('.set .set-name').allTextContents()).toEqual(['loop-invariant-call/before']);
      const files = await page.locator('.set .file .path').allTextContents();
      expect(files).toEqual(
        expect.arrayContaining(['heap-allocated/flame.src', 'heap-allocated/profile.csv', 'statement/profile.csv']),
      );
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
