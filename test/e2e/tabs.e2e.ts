// The tab registry in the page: the tab bar is one Tab stop moved with arrow keys (WAI-ARIA
// tabs), the keys work after clicking a checkbox or a select, a skip link reaches the main view,
// and a removed set leaves nothing on the Top functions tab.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function openSample(): Promise<Page> {
  const { page } = await h.open('', { width: 1400, height: 900 });
  await page.locator('g.frame').first().waitFor({ timeout: 20_000 });
  return page;
}

const selectedTab = (page: Page) => page.locator('[role=tab][aria-selected=true]').getAttribute('data-tab');
const focusedTab = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.tab ?? null);

describe('tabs and keys', () => {
  it('makes the tab bar one Tab stop whose arrows move and select', async () => {
    const page = await openSample();
    const stops = await page.locator('[role=tab]').evaluateAll((tabs) => tabs.map((t) => (t as HTMLElement).tabIndex));
    expect(stops.filter((t) => t === 0)).toHaveLength(1);
    await page.locator('[role=tab][data-tab=flame]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await selectedTab(page)).toBe('table');
    expect(await focusedTab(page)).toBe('table');
    await page.keyboard.press('End');
    expect(await selectedTab(page)).toBe('statements');
    await page.keyboard.press('ArrowRight'); // wraps to the first
    expect(await selectedTab(page)).toBe('flame');
    // Tab leaves the bar at once: the next stop is no other tab.
    await page.keyboard.press('Tab');
    expect(await focusedTab(page)).toBeNull();
    await page.close();
  });

  it('answers number keys after a click on a checkbox or a select, not in a text field', async () => {
    const page = await openSample();
    await page.locator('#types-toggle').click();
    await page.keyboard.press('2');
    expect(await selectedTab(page)).toBe('table');
    await page.keyboard.press('1');
    await page.locator('#color').focus();
    await page.keyboard.press('3');
    expect(await selectedTab(page)).toBe('both');
    // In a text field the same key is typed, not a tab switch.
    await page.locator('#search').focus();
    await page.keyboard.press('4');
    expect(await selectedTab(page)).toBe('both');
    await page.close();
  });

  it('has a skip link to the main view that leaves the URL alone', async () => {
    const page = await openSample();
    const hash = await page.evaluate(() => location.hash);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-view');
    expect(await page.evaluate(() => location.hash)).toBe(hash);
    await page.close();
  });

  it('keeps no numbers of a removed set on the Top functions tab', async () => {
    const page = await openSample();
    await page.keyboard.press('2');
    await page.locator('#table tbody tr').first().waitFor();
    await page.locator('.set .remove').first().click();
    await eventually(async () => (await page.locator('.set').count()) === 0, 10_000, 'the set removed');
    expect(await page.locator('#table tbody tr').count()).toBe(0);
    expect(await page.locator('#analysis').isHidden()).toBe(true);
    await page.close();
  });
});
