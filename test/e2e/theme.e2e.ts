// Light, dark and system themes in the built app: the header picker, persistence across a
// reload, the system setting followed, frame labels readable on their fills in both themes
// (WCAG contrast ≥ 4.5), and the flamegraph redrawn at the new width when the window resizes.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, flameSettled, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

/**
 * The lowest contrast between a label and its frame's fill (composited over the page
 * background with the rect's fill-opacity), over every frame whose label is shown.
 */
function lowestLabelContrast(page: Page): Promise<{ ratio: number; name: string }> {
  return page.evaluate(() => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const c = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * c(r!) + 0.7152 * c(g!) + 0.0722 * c(b!);
    };
    const page = rgb(getComputedStyle(document.documentElement).backgroundColor);
    let worst = { ratio: Infinity, name: '' };
    for (const g of document.querySelectorAll('#flame g.frame')) {
      const label = g.querySelector<HTMLElement>('.d3-flame-graph-label');
      const rect = g.querySelector('rect');
      if (!label || !rect || getComputedStyle(label).display === 'none' || !label.textContent) continue;
      const style = getComputedStyle(rect);
      const alpha = Number(style.fillOpacity) * Number(getComputedStyle(g).opacity);
      const fill = rgb(style.fill).map((v, i) => v * alpha + page[i]! * (1 - alpha));
      const [a, b] = [lum(fill), lum(rgb(getComputedStyle(label).color))].sort((x, y) => y - x);
      const ratio = (a! + 0.05) / (b! + 0.05);
      if (ratio < worst.ratio) worst = { ratio, name: label.textContent };
    }
    return worst;
  });
}

async function openSample(): Promise<Page> {
  const { page } = await h.open(`#url=${encodeURIComponent(`${h.baseUrl}samples/monorepo/manifest.json`)}`);
  await page.locator('g.frame[name="module"]').first().waitFor();
  await flameSettled(page);
  return page;
}

describe('themes', () => {
  it('follows the system, switches from the header, and keeps the choice across a reload', async () => {
    const page = await openSample();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.locator('#theme').inputValue()).toBe('system');
    await eventually(async () => (await theme(page)) === 'dark', 3000, 'dark from the system');
    expect(await background(page)).toBe('rgb(19, 20, 23)');
    await page.emulateMedia({ colorScheme: 'light' });
    await eventually(async () => (await theme(page)) === 'light', 3000, 'light from the system');
    expect(await background(page)).toBe('rgb(255, 255, 255)');

    await page.selectOption('#theme', 'dark');
    expect(await theme(page)).toBe('dark');
    await page.reload();
    await page.locator('g.frame[name="module"]').first().waitFor();
    expect([await page.locator('#theme').inputValue(), await theme(page)]).toEqual(['dark', 'dark']);
    await flameSettled(page);
    await h.screenshot(page, 'theme-dark');
    await page.selectOption('#theme', 'system');
    expect(await page.evaluate(() => localStorage.getItem('peakscope.theme'))).toBe('system');
    await page.close();
  });

  it('keeps frame labels readable on their fills in light and dark', async () => {
    const page = await openSample();
    for (const choice of ['light', 'dark']) {
      await page.selectOption('#theme', choice);
      await flameSettled(page);
      const worst = await lowestLabelContrast(page);
      expect([choice, worst.ratio >= 4.5 ? 'readable' : `${worst.ratio.toFixed(2)} on ${worst.name}`]).toEqual([
        choice,
        'readable',
      ]);
    }
    // The Types tab in dark: table text on the dark panel.
    await page.keyboard.press('7');
    await page.locator('table.types-table tbody tr').first().waitFor();
    await h.screenshot(page, 'theme-dark-types');
    await page.selectOption('#theme', 'system');
    await page.close();
  });

  it('redraws the flamegraph at the new width when the window is resized', async () => {
    const page = await openSample();
    const svgWidth = () =>
      page
        .locator('#flame svg')
        .first()
        .evaluate((s) => Number(s.getAttribute('width')));
    const boxWidth = () => page.locator('#flame').evaluate((e) => Math.floor(e.clientWidth));
    expect(await svgWidth()).toBe(await boxWidth());
    const before = await svgWidth();
    await page.setViewportSize({ width: 900, height: 700 });
    await eventually(
      async () => (await svgWidth()) === (await boxWidth()) && (await svgWidth()) < before,
      5000,
      'a narrower flamegraph',
    );
    await flameSettled(page);
    await h.screenshot(page, 'theme-resized');
    await page.close();
  });
});
