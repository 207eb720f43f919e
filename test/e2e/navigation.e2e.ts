// Zoom, breadcrumb, search, keyboard, table → flamegraph, and the URL hash round trip.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGoldenBody } from '../golden.ts';
import { eventually, flameSettled, SHOWN_CHART, SHOWN_FRAME, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const hashOf = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash));
const width = (page: Page, name: string) =>
  page
    .locator(`${SHOWN_FRAME}[name="${name}"] rect`)
    .first()
    .evaluate((r) => Number(r.getAttribute('width') ?? 0));

/** The default sample: loop-invariant-call/before (module → cxx_libraries → platform_flag_table). */
async function openSample(hash = ''): Promise<Page> {
  const { page } = await h.open(hash);
  await page.locator(`${SHOWN_FRAME}[name="defs.bzl.platform_flag_table"]`).first().waitFor();
  await flameSettled(page);
  return page;
}

async function loadGolden(page: Page): Promise<void> {
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({
      name: 'golden.src',
      mimeType: 'text/plain',
      buffer: Buffer.from(readGoldenBody('heap_flame_allocated.flame.golden')),
    });
  await page.locator(`${SHOWN_FRAME}[name="test.star.inner"]`).first().waitFor();
  await flameSettled(page);
}

/**
 * Zooms (a click on `name`'s frame, or the `0` key when name is null) or does nothing, then
 * reads every drawn frame in the same task, i.e. what the next painted frame shows.
 */
function drawnRightAfter(page: Page, action: 'none' | 'zoom-out' | string) {
  return page.evaluate(
    ({ action, shown }) => {
      if (action === 'zoom-out') document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '0', bubbles: true }));
      else if (action !== 'none')
        document
          .querySelector(`${shown} g.frame[name="${action}"] rect`)!
          .dispatchEvent(new MouseEvent('click', { bubbles: true }));
      return [...document.querySelectorAll(`${shown} g.frame`)].map((g) => {
        const rect = g.querySelector('rect')!;
        // A frame too narrow for a label has no label box at all (the view removes it).
        const box = g.querySelector('foreignObject');
        const label = box?.firstElementChild as HTMLElement | undefined;
        return {
          name: g.getAttribute('name'),
          width: Number(rect.getAttribute('width') ?? 0),
          aria: g.getAttribute('aria-label'),
          label: !label || label.style.display === 'none' ? null : label.textContent,
          boxShown: !!box && box.style.display !== 'none',
          animating: [g, rect, label].some((n) => n && '__transition' in n),
        };
      });
    },
    { action, shown: SHOWN_CHART },
  );
}

describe('navigation', () => {
  it('zooms by click with a breadcrumb, and labels frames for screen readers', async () => {
    const { page } = await h.open();
    await loadGolden(page);
    const label = await page.locator(`${SHOWN_FRAME}[name="test.star.inner"]`).first().getAttribute('aria-label');
    expect(label).toBe('test.star.inner: 1.72 KiB (1,760 bytes), 58%');
    const before = await width(page, 'test.star.inner');
    await page.locator(`${SHOWN_FRAME}[name="test.star.inner"]`).first().click();
    await eventually(async () => (await width(page, 'test.star.inner')) > before * 1.5, 5000, 'zoom to widen inner');
    expect(await page.locator('#breadcrumb').textContent()).toBe('all›module›test.star.test›test.star.inner');
    // A faded ancestor is drawn full width but says its own size.
    expect(await page.locator(`${SHOWN_FRAME}[name="module"]`).first().getAttribute('aria-label')).toBe(
      'module: 2.95 KiB (3,024 bytes), 99.7%',
    );
    expect(await hashOf(page)).toContain('zoom=module;test.star.test;test.star.inner');
    await page.locator('#breadcrumb button', { hasText: 'module' }).click();
    await eventually(
      async () => (await page.locator('#breadcrumb .current').textContent()) === 'module',
      5000,
      'breadcrumb zoom out',
    );
    await page.close();
  });

  it('searches literally by default: `dict.items(` is text, not a broken regex', async () => {
    const { page, log } = await h.open();
    await loadGolden(page);
    await page.locator('#search').fill('dict.items(');
    await eventually(
      async () => (await page.locator('#search-status').textContent()) === 'no matches',
      5000,
      'no matches',
    );
    await page.locator('#search').fill('dict');
    await eventually(
      async () =>
        (await page.locator('#search-status').textContent())?.startsWith(
          '2 matches: 1.91 KiB (1,952 bytes), 64.4% of total',
        ),
      5000,
      'dict matches',
    );
    const highlighted = await page.evaluate(() =>
      [...document.querySelectorAll('g.frame')]
        .filter((g) => g.querySelector('rect')?.getAttribute('fill') === '#e600e6')
        .map((g) => g.getAttribute('name')),
    );
    expect(highlighted).toEqual(['dict', 'dict']);
    await page.locator('#regex').check();
    await page.locator('#search').fill('dict.items(');
    await eventually(
      async () => (await page.locator('#search-status').textContent())?.startsWith('not a valid regular expression'),
      5000,
      'regex message',
    );
    await page.locator('#search').fill('^test\\.star\\.(inner|test)$');
    await eventually(
      async () => (await page.locator('#search-status').textContent())?.startsWith('2 matches'),
      5000,
      'regex matches',
    );
    expect(log.consoleErrors).toEqual([]);
    await h.screenshot(page, 'search-regex');
    await page.close();
  });

  it('switches icicle/flame, type leaves and colours, with a legend', async () => {
    const page = await openSample();
    const rootY = () =>
      page
        .locator(`${SHOWN_FRAME}[name="all"]`)
        .first()
        .evaluate((g) => g.getBoundingClientRect().y);
    const moduleY = () =>
      page
        .locator(`${SHOWN_FRAME}[name="module"]`)
        .first()
        .evaluate((g) => g.getBoundingClientRect().y);
    expect(await rootY()).toBeLessThan(await moduleY());
    await page.locator('#flame-toggle').check();
    await eventually(async () => (await rootY()) > (await moduleY()), 5000, 'root at the bottom');
    expect(await hashOf(page)).toContain('flame=1');
    expect(await page.locator(`${SHOWN_FRAME}[name="string"]`).count()).toBe(1);
    await page.locator('#types-toggle').uncheck();
    await eventually(
      async () => (await page.locator(`${SHOWN_FRAME}[name="string"]`).count()) === 0,
      5000,
      'type leaves folded',
    );
    // Folded type leaves count as their function's own bytes, coloured by its heaviest type.
    expect(await page.locator('#legend').textContent()).toMatch(/^Value types:string 31\.6 MiB/);
    await page.locator('#color').selectOption('file');
    await eventually(
      async () => (await page.locator('#legend').textContent())?.startsWith('Files:defs.bzl'),
      5000,
      'file legend',
    );
    await page.locator('#color').selectOption('package');
    await eventually(
      async () => (await page.locator('#legend').textContent())?.startsWith('Packages://'),
      5000,
      'package legend',
    );
    await flameSettled(page);
    await h.screenshot(page, 'flame-mode-by-package');
    await page.close();
  });

  it('draws a zoom in and out whole in the task of the input: sized, labelled, nothing left to animate', async () => {
    const { page } = await h.open();
    await loadGolden(page);
    const root = await drawnRightAfter(page, 'none');
    const zoomed = await drawnRightAfter(page, 'test.star.inner');
    // The whole tree's view is kept for the zoom out, hidden: none of its frames is drawn.
    const visible = () =>
      page.evaluate(() => [...document.querySelectorAll('#flame g.frame')].map((g) => g.checkVisibility()));
    expect((await visible()).filter((shown) => shown).length).toBe(zoomed.length);
    expect((await visible()).length).toBe(zoomed.length + root.length);
    const chartWidth = await page.locator(`${SHOWN_CHART} svg`).evaluate((svg) => Number(svg.getAttribute('width')));
    for (const frames of [root, zoomed]) {
      expect(frames.filter((f) => f.animating || !(f.width > 1) || !f.aria)).toEqual([]);
      // Labels of wide frames carry the name; narrow frames hide their label box altogether.
      expect(
        frames.filter((f) => (f.label !== null && f.label !== f.name) || f.boxShown !== (f.label !== null)),
      ).toEqual([]);
      expect(frames.filter((f) => f.label !== null).length).toBeGreaterThan(2);
    }
    const inner = (frames: typeof root) => frames.find((f) => f.name === 'test.star.inner')!.width;
    expect(inner(root)).toBeLessThan(chartWidth * 0.6);
    expect(inner(zoomed)).toBeCloseTo(chartWidth, 0);
    expect(await drawnRightAfter(page, 'zoom-out')).toEqual(root);
    expect((await visible()).filter((shown) => shown).length).toBe(root.length);
    await page.close();
  });

  it('colours search matches and clears them without redrawing the frames', async () => {
    const page = await openSample();
    const highlighted = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('g.frame')]
          .filter((g) => g.querySelector('rect')?.getAttribute('fill') === '#e600e6')
          .map((g) => g.getAttribute('name')),
      );
    const first = await page.locator(`${SHOWN_FRAME}`).first().elementHandle();
    await page.locator('#search').fill('platform_flag');
    await eventually(async () => (await highlighted()).length > 0, 5000, 'matches coloured');
    expect(new Set(await highlighted())).toEqual(new Set(['defs.bzl.platform_flag_table']));
    await page.locator('#search').fill('');
    await eventually(async () => (await page.locator('#search-status').textContent()) === '', 5000, 'search cleared');
    expect(await highlighted()).toEqual([]);
    expect(await first!.evaluate((g) => g.isConnected)).toBe(true);
    await page.close();
  });

  it('answers the keyboard: / Enter Esc 0 arrows 1–4 ?', async () => {
    const page = await openSample();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type('platform');
    await page.keyboard.press('Enter');
    await eventually(
      async () => (await page.locator('#breadcrumb .current').textContent()) === 'defs.bzl.platform_flag_table',
      5000,
      'Enter zooms to the match',
    );
    await page.keyboard.press('Escape');
    expect(await page.locator('#search').inputValue()).toBe('');
    await page.keyboard.press('0');
    await eventually(
      async () => (await page.locator('#breadcrumb .current').textContent()) === 'all',
      5000,
      '0 resets zoom',
    );
    await page.locator('#flame').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await eventually(
      async () => (await page.locator('#focus-line').textContent())?.startsWith('defs.bzl.cxx_libraries'),
      5000,
      'arrow focus',
    );
    expect(await page.locator(`${SHOWN_FRAME}.focused`).getAttribute('name')).toBe('defs.bzl.cxx_libraries');
    await page.keyboard.press('ArrowUp');
    await eventually(
      async () => (await page.locator('#focus-line').textContent())?.startsWith('module'),
      5000,
      'arrow up',
    );
    await page.keyboard.press('2');
    await page.locator('table.function-table').waitFor();
    expect(await hashOf(page)).toContain('tab=table');
    await page.keyboard.press('1');
    await page.keyboard.press('?');
    await page.locator('dialog#keys[open]').waitFor();
    expect(await page.locator('dialog#keys').textContent()).toContain('reset zoom');
    await h.screenshot(page, 'keys');
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('selects a function from the table in the flamegraph', async () => {
    const page = await openSample('#tab=both');
    await page.locator('table.function-table tbody tr').first().waitFor();
    const headers = await page.locator('table.function-table th').allTextContents();
    expect(headers).toEqual([
      'Function',
      'Self',
      'Total',
      'Allocations',
      'Calls it made',
      'Per call it made',
      'Top caller',
    ]);
    await page.locator('table.function-table th button', { hasText: 'Self' }).click();
    expect(await page.locator('table.function-table tbody tr td:first-child').first().textContent()).toBe(
      'defs.bzl.platform_flag_table',
    );
    await page.locator('table.function-table tbody tr[data-name="defs.bzl.cxx_libraries"]').click();
    await eventually(
      async () => (await page.locator('#breadcrumb .current').textContent()) === 'defs.bzl.cxx_libraries',
      5000,
      'zoom to the selected function',
    );
    expect(await page.locator(`${SHOWN_FRAME}.selected`).first().getAttribute('name')).toBe('defs.bzl.cxx_libraries');
    expect(await hashOf(page)).toContain('fn=defs.bzl.cxx_libraries');
    await flameSettled(page);
    await h.screenshot(page, 'table-selection');
    await page.close();
  });

  it('restores the view from the hash on reload, and back/forward walk the zooms', async () => {
    const page = await openSample();
    await page.locator(`${SHOWN_FRAME}[name="defs.bzl.cxx_libraries"]`).first().click();
    await eventually(
      async () => (await hashOf(page)).includes('zoom=module;defs.bzl.cxx_libraries'),
      5000,
      'zoom in hash',
    );
    await page.locator(`${SHOWN_FRAME}[name="defs.bzl.platform_flag_table"]`).first().click();
    await eventually(
      async () => (await hashOf(page)).includes('defs.bzl.platform_flag_table'),
      5000,
      'deeper zoom in hash',
    );
    await page.locator('#search').fill('dict');
    await eventually(async () => (await hashOf(page)).includes('search=dict'), 5000, 'search in hash');
    await page.reload();
    await page.locator(`${SHOWN_FRAME}[name="defs.bzl.platform_flag_table"]`).first().waitFor();
    await eventually(
      async () => (await page.locator('#breadcrumb .current').textContent()) === 'defs.bzl.platform_flag_table',
      8000,
      'zoom restored',
    );
    expect(await page.locator('#search').inputValue()).toBe('dict');
    await page.goBack();
    await eventually(
      async () => (await page.locator('#breadcrumb .current').textContent()) === 'defs.bzl.cxx_libraries',
      5000,
      'back',
    );
    await page.goForward();
    await eventually(
      async () => (await page.locator('#breadcrumb .current').textContent()) === 'defs.bzl.platform_flag_table',
      5000,
      'forward',
    );
    await page.close();
  });
});
