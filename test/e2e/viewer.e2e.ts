import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGoldenBody } from '../golden.ts';
import { eventually, startHarness, type Harness } from './harness.ts';

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
