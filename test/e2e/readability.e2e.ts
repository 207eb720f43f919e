// Readable in every theme and at every width: the contrast of every visible text (≥ 4.5:1,
// measured from computed styles by contrast.ts) in the light and dark themes on the default
// view (flamegraph, findings, source view) and on Top functions; and the layout at 390, 1024
// and 1440 px: no sideways page scroll, the flamegraph full width (≥ 300 px at 390).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureContrast } from './contrast.ts';
import { flameSettled, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The default view as a new user gets it: the default sample, its finding and its source. */
async function openDefault(theme: 'light' | 'dark', viewport = { width: 1440, height: 900 }): Promise<Page> {
  const { page } = await h.open('', viewport);
  await page.evaluate((t) => localStorage.setItem('peakscope.theme', t), theme);
  await page.reload();
  await page.locator('#flame g.frame').first().waitFor();
  await page.locator('.finding').first().waitFor();
  await page.locator('.source tr.hl').first().waitFor();
  await flameSettled(page);
  return page;
}

describe('contrast of every visible text', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`is at least 4.5:1 in the ${theme} theme on the default view, Top functions, Types and Compare`, async () => {
      const page = await openDefault(theme);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      const views: [string, Awaited<ReturnType<typeof measureContrast>>][] = [['default', await measureContrast(page)]];
      await h.screenshot(page, `contrast-${theme}-default`);
      await page.locator('.export-menu summary').click(); // its items, the CSV one disabled with its reason
      await page.locator('.export-items .why').first().waitFor();
      views.push(['default, export menu open', await measureContrast(page)]);
      await page.locator('.export-menu summary').click();
      await page.keyboard.press('2');
      await page.locator('#table tbody tr').first().waitFor();
      views.push(['top functions', await measureContrast(page)]);
      await page.keyboard.press('7');
      await page.locator('table.types-table tbody tr').first().waitFor();
      views.push(['types', await measureContrast(page)]);
      // Compare: the case's fix loaded beside it from the Samples tab.
      await page.keyboard.press('4');
      await page.locator(`.gallery-item a[href*="${encodeURIComponent('/loop-invariant-call/after/')}"]`).click();
      await page.locator('.set-name', { hasText: 'loop-invariant-call/after' }).first().waitFor();
      await page.keyboard.press('5');
      await page.locator('select[name=diff-base]').selectOption('loop-invariant-call/before');
      await page.locator('select[name=diff-target]').selectOption('loop-invariant-call/after');
      await page.locator('.diff-flame g.frame').first().waitFor();
      await page.locator('#diff table.diff-table tbody tr').first().waitFor();
      views.push(['compare', await measureContrast(page)]);
      await h.screenshot(page, `contrast-${theme}-compare`);
      for (const [view, report] of views) {
        console.log(
          `${theme} ${view}: ${report.measured} texts, lowest ${report.worst.ratio.toFixed(2)}:1 (${report.worst.text} — ${report.worst.fg} on ${report.worst.bg})`,
        );
        expect(report.measured).toBeGreaterThan(50);
        expect([theme, view, report.failures]).toEqual([theme, view, []]);
      }
      await page.close();
    });
  }
});

describe('words that do not mislead', () => {
  it('shows code in findings as code, not as Markdown backticks, and says whose calls are counted', async () => {
    const page = await openDefault('light');
    const texts = await page.locator('.finding .message, .finding .evidence li').allTextContents();
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.filter((t) => t.includes('`'))).toEqual([]);
    expect(await page.locator('.finding .message code').count()).toBeGreaterThan(0);
    await page.keyboard.press('2');
    await page.locator('#table tbody tr').first().waitFor();
    expect(await page.locator('#table th').allTextContents()).toContain('Calls it made');
    await page.close();
  });
});

/** Pastes `text` on the page, as a user pasting a profile does. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
  }, text);
}

describe('loads that went wrong', () => {
  it('keeps the good profile in view after an unreadable paste, and marks a cut-short flame partial', async () => {
    const page = await openDefault('light');
    await paste(page, '\u0000\u0001 not a profile at all');
    await page.locator('.set .file .problem').first().waitFor();
    expect(await page.locator('.set.current .set-name').textContent()).toBe('loop-invariant-call/before');
    expect(await page.locator('#summary').textContent()).toMatch(
      /^loop-invariant-call\/before — total allocated bytes/,
    );
    await paste(page, 'module;a.bzl.f;string 100\nmodule;a.bzl.g;list 50\nmodule;a.bzl.h;str');
    await page.locator('#flame g.frame[name="a.bzl.g"]').first().waitFor();
    expect(await page.locator('#summary').textContent()).toMatch(
      /total allocated bytes: 150 B \(150 bytes\) — partial: the file is cut short/,
    );
    await page.close();
  });
});

describe('the flamegraph at 390 px', () => {
  it('keeps the function name in narrow labels and drops the tooltip when a click zooms', async () => {
    const { page } = await h.open(`#url=${encodeURIComponent(`${h.baseUrl}samples/monorepo/manifest.json`)}`, {
      width: 390,
      height: 844,
    });
    await page.locator('#flame g.frame[name="module"]').first().waitFor();
    await flameSettled(page);
    const labels = await page.locator('#flame g.frame').evaluateAll((gs) =>
      gs.flatMap((g) => {
        const label = g.querySelector<HTMLElement>('.d3-flame-graph-label');
        return label && label.style.display !== 'none'
          ? [[g.getAttribute('name') ?? '', label.textContent ?? ''] as [string, string]]
          : [];
      }),
    );
    const cut = labels.filter(([name, label]) => label !== name);
    expect(cut.length).toBeGreaterThan(0);
    console.log(`390 px labels cut: ${cut.map(([, l]) => l).join(', ')}`);
    for (const [name, label] of cut) {
      const fn = /\.bzl\.([^./]+)$/.exec(name)?.[1];
      if (fn && label.length > fn.length + 1) expect([name, label.endsWith(fn)]).toEqual([name, true]);
    }
    const frame = page.locator('#flame g.frame[name="build_defs/cxx.bzl.library"]').first();
    await frame.hover();
    await page.locator('.tooltip:not([hidden])').waitFor();
    await frame.click();
    await page.locator('#breadcrumb', { hasText: 'build_defs/cxx.bzl.library' }).waitFor();
    await flameSettled(page);
    await h.screenshot(page, 'flame-390-zoomed');
    expect(await page.locator('.tooltip:not([hidden])').count()).toBe(0);
    await page.close();
  });
});

describe('layout by width', () => {
  const widths = [
    [390, 844],
    [1024, 768],
    [1440, 900],
  ] as const;
  for (const [width, height] of widths) {
    it(`has no sideways scroll and a full-width flamegraph at ${width} px`, async () => {
      const page = await openDefault('light', { width, height });
      const m = await page.evaluate(() => ({
        pageWidth: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
        flame: Math.floor(document.querySelector('#flame svg')!.getBoundingClientRect().width),
        content: Math.floor(document.querySelector('.content')!.getBoundingClientRect().width),
      }));
      console.log(
        `${width} px: page ${m.pageWidth} / viewport ${m.viewport}, flame ${m.flame} px, content ${m.content} px`,
      );
      expect(m.pageWidth).toBeLessThanOrEqual(m.viewport);
      expect(m.flame).toBeGreaterThanOrEqual(width === 390 ? 300 : 0.6 * width);
      await h.screenshot(page, `layout-${width}`);
      if (width <= 1100) {
        // The side list is a drawer: closed at first, opened from the header, closed on a pick.
        expect(await page.locator('#sets').isVisible()).toBe(false);
        await page.click('#sets-toggle');
        await page.locator('#sets button.set-name').first().waitFor();
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
        ).toBe(true);
        await page.click('#sets button.set-name');
        expect(await page.locator('#sets').isVisible()).toBe(false);
        // Every tab's tables scroll inside their own box, never the page.
        for (const [key, tab] of [
          ['2', 'table'],
          ['3', 'both'],
          ['6', 'sandwich'],
          ['7', 'types'],
          ['8', 'statements'],
        ]) {
          await page.keyboard.press(key!);
          await page.locator(`[role=tab][data-tab=${tab}][aria-selected=true]`).waitFor();
          const wide = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect([tab, wide]).toEqual([tab, 0]);
        }
      } else {
        expect(await page.locator('#sets-toggle').isVisible()).toBe(false);
      }
      await page.close();
    });
  }
});
