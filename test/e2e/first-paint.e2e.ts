// The first flamegraph of a `#url=` link is drawn by the parse worker on a canvas as soon as the
// tree is built (worker/first-paint.ts), then the interactive d3-flame-graph chart replaces it.
// The test holds the worker's analysis chunk (which it loads only after the first paint) until
// it has looked at the canvas, so the order is checked without any timing.
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBalancedHeapFlame } from '../samples.ts';
import { eventually, serveElsewhere, startHarness, type Harness } from './harness.ts';

let h: Harness;
let files: Awaited<ReturnType<typeof serveElsewhere>> | undefined;
let fileUrl: string;

beforeAll(async () => {
  h = await startHarness();
  // The profile on another origin that allows reads, as an artifact server would serve it.
  files = await serveElsewhere('flame.src', sampleBalancedHeapFlame());
  fileUrl = files.url;
});
afterAll(async () => {
  await h?.close();
  await files?.close();
});

/** Distinct colours and the share of pixels that are not the page background, from a PNG. */
async function pixelsOf(page: Page, png: Buffer): Promise<{ colours: number; drawn: number }> {
  return page.evaluate(
    async (bytes) => {
      const image = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const ctx = new OffscreenCanvas(image.width, image.height).getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const data = ctx.getImageData(0, 0, image.width, image.height).data;
      const colours = new Set<number>();
      let drawn = 0;
      const bg = (data[0]! << 16) | (data[1]! << 8) | data[2]!;
      for (let i = 0; i < data.length; i += 4) {
        const c = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
        colours.add(c);
        if (c !== bg) drawn++;
      }
      return { colours: colours.size, drawn: drawn / (data.length / 4) };
    },
    [...png],
  );
}

/** Opens the link with the worker's analysis chunk held back; `release` lets it through. */
const ANALYSIS_CHUNK = /\/assets\/set-analysis-[^/]*\.js$/;

async function openHeld(width: number): Promise<{ page: Page; release: () => void; done: () => Promise<void> }> {
  let release!: () => void;
  const held = new Promise<void>((ok) => (release = ok));
  const hold = async (route: Route) => {
    await held;
    await route.continue().catch(() => {}); // the page may be gone by then
  };
  await h.context.route(ANALYSIS_CHUNK, hold);
  const { page } = await h.open(`#url=${encodeURIComponent(fileUrl)}`, { width, height: 800 });
  return { page, release, done: () => h.context.unroute(ANALYSIS_CHUNK, hold) };
}

describe('first paint', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      it(`draws the flamegraph on the worker's canvas first, then the interactive chart replaces it (${theme}, ${width} px)`, async () => {
        const setup = await h.open();
        await setup.page.evaluate((t) => localStorage.setItem('peakscope.theme', t), theme);
        await setup.page.close();
        const { page, release, done } = await openHeld(width);
        try {
          const canvas = page.locator('#flame canvas.first-paint[data-painted]');
          await canvas.waitFor();
          // Drawn before the page has the result: no chart yet.
          expect(await page.locator('#flame svg g.frame').count()).toBe(0);
          expect(await canvas.getAttribute('role')).toBe('img');
          expect(await canvas.getAttribute('aria-hidden')).toBeNull();
          expect(await canvas.getAttribute('aria-label')).toMatch(
            /^Flamegraph of allocated bytes .*widest frames under the root: module \d/,
          );
          const box = (await canvas.boundingBox())!;
          expect(box.width).toBe(await page.locator('#flame').evaluate((el) => el.clientWidth));
          const pixels = await pixelsOf(page, await canvas.screenshot());
          // Frames in several palette colours with labels, not a blank box.
          expect(pixels.colours).toBeGreaterThan(5);
          expect(pixels.drawn).toBeGreaterThan(0.3);
          await page.screenshot({ path: `test-output/screenshots/first-paint-canvas-${theme}-${width}.png` });
          release();
          await page.locator('#flame svg g.frame').first().waitFor();
          await eventually(async () => (await page.locator('#flame canvas').count()) === 0, 10_000, 'the canvas to go');
          // The chart the canvas stood for: same rows, as wide.
          const svg = (await page.locator('#flame svg').first().boundingBox())!;
          expect(svg.height).toBeCloseTo(box.height, 0);
          expect(Math.abs(svg.width - box.width)).toBeLessThan(20);
          expect(await page.locator('#flame g.frame[name="module"]').count()).toBe(1);
          await page.screenshot({ path: `test-output/screenshots/first-paint-chart-${theme}-${width}.png` });
        } finally {
          release();
          await page.close();
          await done();
        }
      });
    }
  }

  it('draws no canvas for a link that sets more of the view than the file', async () => {
    const { page } = await h.open(`#url=${encodeURIComponent(fileUrl)}&color=file`);
    await page.locator('#flame svg g.frame').first().waitFor();
    expect(await page.locator('#flame canvas').count()).toBe(0);
    await page.close();
  });
});
