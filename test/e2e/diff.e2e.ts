import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAUSES, splitCausesLog } from '../analysis/diff-fixtures.ts';
import { readGoldenBody } from '../golden.ts';
import { eventually, flameSettled, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const manifest = (id: string) => `${h.baseUrl}samples/${id}/manifest.json`;

/** Opens a case's before (by link), then loads its after from the Samples tab, as a user would. */
async function openPair(caseName: string) {
  const opened = await h.open(`#url=${encodeURIComponent(manifest(`${caseName}/before`))}`);
  await loadAfter(opened.page, caseName);
  return opened;
}

async function loadAfter(page: Page, caseName: string): Promise<void> {
  await page
    .locator('.set-name', { hasText: `${caseName}/before` })
    .first()
    .waitFor();
  await page.locator('[role=tab][data-tab=samples]').click();
  await page.locator(`.gallery-item a[href*="${encodeURIComponent(`/${caseName}/after/`)}"]`).click();
  await page
    .locator('.set-name', { hasText: `${caseName}/after` })
    .first()
    .waitFor();
}

/** Picks base and target in the Compare tab and waits for the flamegraph and tables. */
async function compare(page: Page, base: string, target: string): Promise<void> {
  await page.locator('[role=tab][data-tab=diff]').click();
  await page.locator('select[name=diff-base]').selectOption(base);
  await page.locator('select[name=diff-target]').selectOption(target);
  await page.locator('.diff-flame g.frame').first().waitFor();
  await flameSettled(page);
}

/** The rows of a delta table as [name, change] pairs. */
function tableRows(page: Page, table: string): Promise<[string, string][]> {
  return page
    .locator(`table[data-table=${table}] tbody tr`)
    .evaluateAll((rows) =>
      rows.map((r) => [
        (r as HTMLTableRowElement).cells[0]!.textContent ?? '',
        (r as HTMLTableRowElement).cells[3]!.textContent ?? '',
      ]),
    );
}

describe('the Compare tab', () => {
  it("compares two dropped files: the golden heap flame and a copy with inner's dict shrunk to 176 bytes", async () => {
    const { page, log } = await h.open();
    const golden = readGoldenBody('heap_flame_allocated.flame.golden');
    const shrunk = golden.replace('test.star.inner;dict 1760', 'test.star.inner;dict 176');
    await page.locator('.set-name').first().waitFor(); // the default sample, so the drop is a second load
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles([
        { name: 'golden.src', mimeType: 'text/plain', buffer: Buffer.from(golden) },
        { name: 'shrunk.src', mimeType: 'text/plain', buffer: Buffer.from(shrunk) },
      ]);
    // Two `.src` files of different names are two evaluations (as in a --profile-patterns tree): two sets.
    await page.locator('.set-name', { hasText: 'shrunk' }).waitFor();
    await compare(page, 'golden', 'shrunk');
    expect(await page.locator('.diff-summary').textContent()).toContain(
      '2.96 KiB → 1.41 KiB (-1.55 KiB = -1,584 bytes, -52%)',
    );
    const functions = Object.fromEntries(await tableRows(page, 'diff-functions'));
    expect([functions['test.star.inner'], functions['module'], functions['test.star.test']]).toEqual([
      '-1.55 KiB',
      '-1.55 KiB',
      '-1.55 KiB',
    ]);
    expect(await page.locator('.diff-flame g.frame[name="test.star.inner"]').first().getAttribute('aria-label')).toBe(
      'test.star.inner: shrank, 1.72 KiB → 176 B',
    );
    await h.screenshot(page, 'diff-golden-dropped');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it.each(CAUSES)('shows the drop of $name at the fixed function and type', async (cause) => {
    const { page, log } = await openPair(cause.name);
    await compare(page, `${cause.name}/before`, `${cause.name}/after`);
    const functions = await tableRows(page, 'diff-functions');
    const fixed = functions.find(([name]) => name !== 'module')!;
    expect(fixed[0]).toBe(cause.fixed);
    expect(fixed[1]).toMatch(/^-\d/);
    const [topType] = await tableRows(page, 'diff-types');
    expect(topType![0]).toBe(cause.type);
    expect(topType![1]).toMatch(/^-\d/);
    // The fixed frame is drawn blue (shrank) and says so to screen readers.
    const frame = page.locator(`.diff-flame g.frame[name="${cause.fixed}"]`).first();
    expect(await frame.getAttribute('aria-label')).toMatch(
      new RegExp(`^${cause.fixed.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: shrank, `),
    );
    const fill = await frame.locator('rect').evaluate((r) => getComputedStyle(r).fill);
    const [red, , blue] = fill.match(/\d+/g)!.map(Number);
    expect(blue).toBeGreaterThan(red!);
    await frame.hover();
    const tip = await eventually(() => page.locator('.tooltip:not([hidden])').textContent(), 5000, 'the tooltip');
    expect(tip).toMatch(/shrank.*base: .*target: .*change: -/);
    await page.mouse.move(0, 0);
    await h.screenshot(page, `diff-${cause.name}`);
    expect(log.consoleErrors).toEqual([]);
    expect(log.failedRequests).toEqual([]);
    expect(log.foreignRequests).toEqual([]);
    await page.close();
  });

  it('compares per-file peaks of two dropped event logs, with no flamegraph to draw', async () => {
    const { page, log } = await h.open();
    const { before, after } = splitCausesLog();
    await page.locator('.set-name').first().waitFor();
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles([
        { name: 'before.json-lines', mimeType: 'text/plain', buffer: Buffer.from(before) },
        { name: 'after.json-lines', mimeType: 'text/plain', buffer: Buffer.from(after) },
      ]);
    await page.locator('.set-name', { hasText: 'before.json-lines, after.json-lines' }).waitFor();
    await page.locator('[role=tab][data-tab=diff]').click();
    await page.locator('select[name=diff-base]').selectOption('before.json-lines');
    await page.locator('select[name=diff-target]').selectOption('after.json-lines');
    await page.locator('table[data-table=diff-peaks]').waitFor();
    const peaks = await tableRows(page, 'diff-peaks');
    expect(peaks.map(([file]) => file).sort()).toEqual(CAUSES.map((c) => `root//${c.name}:BUCK`).sort());
    expect(peaks.every(([, change]) => /^-\d/.test(change))).toBe(true);
    expect(await page.locator('.diff-flame').isHidden()).toBe(true);
    await h.screenshot(page, 'diff-event-logs');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('keeps the comparison in the URL: reload restores sets, width and colour mode', async () => {
    const c = CAUSES[2];
    const { page, log } = await openPair(c.name);
    await compare(page, `${c.name}/before`, `${c.name}/after`);
    await page.locator('select[name=diff-width]').selectOption('max');
    await page.locator('select[name=diff-scale]').selectOption('share');
    const hash = await eventually(
      async () => {
        const h = await page.evaluate(() => location.hash);
        return h.includes('dscale=share') ? h : '';
      },
      5000,
      'the hash to carry the colour mode',
    );
    const params = new URLSearchParams(hash.slice(1));
    expect([params.get('tab'), params.get('base'), params.get('target'), params.get('dwidth')]).toEqual([
      'diff',
      `${c.name}/before`,
      `${c.name}/after`,
      'max',
    ]);
    expect(params.get('burl')).toBe(manifest(`${c.name}/before`));
    expect(params.get('turl')).toBe(manifest(`${c.name}/after`));
    const rowsBefore = await tableRows(page, 'diff-functions');

    await page.reload();
    await page.locator('.diff-flame g.frame').first().waitFor();
    await flameSettled(page);
    expect(await page.locator('select[name=diff-base]').inputValue()).toBe(`${c.name}/before`);
    expect(await page.locator('select[name=diff-target]').inputValue()).toBe(`${c.name}/after`);
    expect(await page.locator('select[name=diff-width]').inputValue()).toBe('max');
    expect(await page.locator('select[name=diff-scale]').inputValue()).toBe('share');
    expect(await tableRows(page, 'diff-functions')).toEqual(rowsBefore);
    // Only the two compared sets were loaded again, not the default sample.
    expect(await page.locator('.set-name').allTextContents()).toHaveLength(2);
    // Width by the larger side draws what the target no longer allocates, outlined as gone.
    expect(await page.locator('.diff-flame g.frame.diff-gone').count()).toBeGreaterThan(0);
    await h.screenshot(page, 'diff-url-restored');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('zooms on click, keeps the zoom in the URL, and swaps base and target', async () => {
    const c = CAUSES[0];
    const { page } = await openPair(c.name);
    await compare(page, `${c.name}/before`, `${c.name}/after`);
    await page.locator(`.diff-flame g.frame[name="${c.fixed}"]`).first().click();
    await eventually(
      async () => (await page.evaluate(() => location.hash)).includes('dzoom='),
      5000,
      'dzoom in the hash',
    );
    await page.locator('.diff-panel button', { hasText: 'Swap' }).click();
    expect(await page.locator('select[name=diff-base]').inputValue()).toBe(`${c.name}/after`);
    await flameSettled(page);
    const [, change] = (await tableRows(page, 'diff-functions')).find(([name]) => name === c.fixed)!;
    expect(change).toMatch(/^\+\d/);
    const label = await page.locator(`.diff-flame g.frame[name="${c.fixed}"]`).first().getAttribute('aria-label');
    expect(label).toMatch(/: grew, /);
    await page.goBack();
    await eventually(
      async () => (await page.locator('select[name=diff-base]').inputValue()) === `${c.name}/before`,
      5000,
      'back to the unswapped comparison',
    );
    await page.close();
  });
});
