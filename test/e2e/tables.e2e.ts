// The table tabs in the built app on a real sample (samples/monorepo): callers/callees, value
// types and statements show what `peakscope report --json` says about the same files, sort, and
// select in the flamegraph. Screenshots of each tab go to test-output/screenshots/.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SAMPLES_DIR } from '../samples.ts';
import { eventually, flameSettled, startHarness, type Harness } from './harness.ts';

interface ReportInput {
  path: string;
  format: string;
  totals: Record<string, number>;
  topFunctions: { name: string; selfBytes: number; totalBytes: number }[];
}

/** `peakscope report --json` on files of the monorepo sample, run as the real command. */
function report(...parts: string[]): ReportInput[] {
  const paths = parts.map((p) => join('samples', 'monorepo', p));
  const out = execFileSync(process.execPath, ['bin/peakscope.js', 'report', '--json', ...paths], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return (JSON.parse(out) as { inputs: ReportInput[] }).inputs;
}

let h: Harness;
let flame: ReportInput;
let summary: ReportInput;
let statements: ReportInput;
beforeAll(async () => {
  h = await startHarness();
  [flame, summary] = report('heap-allocated/flame.src', 'heap-allocated/profile.csv') as [ReportInput, ReportInput];
  [statements] = report('statement/profile.csv') as [ReportInput];
});
afterAll(async () => {
  await h?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

let work = '';
/** The loop-invariant-call run with its .bzl/BUCK sources beside it, as a user would pick the folder. */
function runWithSources(): string {
  work = mkdtempSync(join(tmpdir(), 'peakscope-tables-'));
  const root = join(work, 'dropped-run');
  cpSync(join(SAMPLES_DIR, 'loop-invariant-call', 'before'), join(root, 'before'), { recursive: true });
  cpSync(join(SAMPLES_DIR, 'programs', 'loop-invariant-call', 'before'), join(root, 'sources'), { recursive: true });
  return root;
}

const exact = (n: number) => n.toLocaleString('en-US');
const fromExact = (text: string | null) => Number((text ?? '').replace(/,/g, ''));

/** Opens the monorepo sample on a tab and waits for its set. */
async function openMonorepo(tab: string): Promise<{ page: Page; log: import('./harness.ts').PageLog }> {
  const manifest = `${h.baseUrl}samples/monorepo/manifest.json`;
  const opened = await h.open(`#url=${encodeURIComponent(manifest)}&tab=${tab}`);
  await eventually(
    async () => (await opened.page.locator('.set .set-name').allTextContents()).includes('monorepo'),
    15_000,
    'the monorepo set',
  );
  return opened;
}

/** Exact numbers (the cell titles) of one column of a table. */
async function columnTitles(page: Page, table: string, column: number): Promise<number[]> {
  return page
    .locator(`${table} tbody tr`)
    .evaluateAll(
      (rows, i) => rows.map((r) => Number((r.children[i]?.getAttribute('title') ?? '').replace(/,/g, ''))),
      column,
    );
}

describe('callers and callees', () => {
  it('centres on the heaviest allocator, with totals that equal the report, and re-centres on a row click', async () => {
    const { page, log } = await openMonorepo('sandwich');
    const top = [...flame.topFunctions].sort((a, b) => b.selfBytes - a.selfBytes)[0]!;
    await eventually(
      async () => (await page.locator('.sandwich-summary').textContent())?.startsWith(`${top.name}:`),
      10_000,
      'the sandwich',
    );
    // Callers add up to the function's total; callees plus its own bytes do too.
    const callers = await columnTitles(page, 'table.sandwich-callers', 1);
    const callees = await columnTitles(page, 'table.sandwich-callees', 1);
    expect(callers.reduce((a, b) => a + b, 0)).toBe(top.totalBytes);
    expect(callees.reduce((a, b) => a + b, 0)).toBe(top.totalBytes);
    expect(
      await page
        .locator('table.sandwich-callees tbody tr', { hasText: '(self' })
        .locator('td')
        .nth(1)
        .getAttribute('title'),
    ).toBe(exact(top.selfBytes));
    await h.screenshot(page, 'tables-sandwich');

    // A caller row re-centres the sandwich on that caller.
    const caller = (await page.locator('table.sandwich-callers tbody tr[data-key]').first().getAttribute('data-key'))!;
    await page.locator('table.sandwich-callers tbody tr[data-key]').first().click();
    await eventually(
      async () => (await page.locator('.sandwich-summary').textContent())?.startsWith(`${caller}:`),
      5000,
      're-centred sandwich',
    );
    const callerTotal = flame.topFunctions.find((f) => f.name === caller)!.totalBytes;
    expect((await columnTitles(page, 'table.sandwich-callers', 1)).reduce((a, b) => a + b, 0)).toBe(callerTotal);

    // "Show in flamegraph" selects it in the flamegraph, zoomed to its heaviest stack.
    await page.getByRole('button', { name: 'Show in flamegraph' }).click();
    await page.locator(`g.frame.selected[name="${caller}"]`).first().waitFor();
    expect(await page.locator('#breadcrumb .current').textContent()).toBe(caller);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('value types', () => {
  it('gives bytes that add up to the flame total and counts that add up to the summary allocs', async () => {
    const { page, log } = await openMonorepo('types');
    await page.locator('table.types-table tbody tr').first().waitFor();
    const bytes = await columnTitles(page, 'table.types-table', 1);
    const counts = await columnTitles(page, 'table.types-table', 3);
    expect(bytes.reduce((a, b) => a + b, 0)).toBe(flame.totals.bytes);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(summary.totals.allocs);
    expect(bytes).toEqual([...bytes].sort((a, b) => b - a));
    await h.screenshot(page, 'tables-types');

    // Sorting by a header: Values ascending after two clicks, and aria-sort says so.
    const values = page.locator('table.types-table th button[data-key="count"]');
    await values.click();
    expect(await columnTitles(page, 'table.types-table', 3)).toEqual([...counts].sort((a, b) => b - a));
    await values.click();
    expect(await columnTitles(page, 'table.types-table', 3)).toEqual([...counts].sort((a, b) => a - b));
    expect(await page.locator('table.types-table th[aria-sort="ascending"]').textContent()).toBe('Values');

    // A row highlights that type's leaves in the flamegraph: the matched bytes are the row's.
    const row = page.locator('table.types-table tbody tr[data-key="dict"]');
    const dictBytes = fromExact(await row.locator('td').nth(1).getAttribute('title'));
    await row.click();
    await page.locator('g.frame[name="dict"]').first().waitFor();
    await eventually(
      async () => (await page.locator('#search-status').textContent())?.includes(`(${exact(dictBytes)} bytes)`),
      5000,
      'the search status',
    );
    expect(await page.locator('#search').inputValue()).toBe('^dict$');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('statements', () => {
  it('lists every statement with the TOTAL row of the report, sortable by count', async () => {
    const { page, log } = await openMonorepo('statements');
    await page.locator('table.statements-table tbody tr').first().waitFor();
    expect(await page.locator('table.statements-table tbody tr').count()).toBe(statements.totals.statements);
    const caption = (await page.locator('table.statements-table caption').textContent()) ?? '';
    expect(caption).toContain(`${statements.totals.statements} statements`);
    expect(caption).toContain(`TOTAL ${statements.totals.seconds} s, ${exact(statements.totals.count!)} segments`);
    await page.locator('table.statements-table th button[data-key="count"]').click();
    const counts = await columnTitles(page, 'table.statements-table', 6);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(await page.locator('#toolbar').isHidden()).toBe(true);
    await h.screenshot(page, 'tables-statements');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('statements with their sources', () => {
  it('names the function of each statement and selects it in the flamegraph on a click', async () => {
    const { page, log } = await h.open();
    await page.locator('g.frame').first().waitFor({ timeout: 20_000 });
    await page.locator('input[type=file][webkitdirectory]').setInputFiles(runWithSources());
    await page.locator('.set .set-name', { hasText: 'dropped-run/before' }).click({ timeout: 20_000 });
    await page.keyboard.press('8');
    const row = page.locator('table.statements-table tbody tr[data-key="defs.bzl:20:9-58"]');
    expect(await row.locator('td').nth(5).textContent()).toBe('defs.bzl.cxx_libraries');
    // Bytes of the call statement from the attribution: what platform_flag_table allocated through it.
    expect(await row.locator('td').nth(7).textContent()).toMatch(/MiB$/);
    const loop = page.locator('table.statements-table tbody tr[data-key="defs.bzl:18:5-26:1"]');
    expect(await loop.locator('td').nth(8).textContent()).toMatch(/KiB$/);
    await h.screenshot(page, 'tables-statements-sources');
    await row.click();
    await page.locator('g.frame.selected[name="defs.bzl.cxx_libraries"]').first().waitFor();
    expect(await page.locator('[role=tab][aria-selected=true]').getAttribute('data-tab')).toBe('flame');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('top functions and keys', () => {
  it('selects a top-functions row in the flamegraph, and 1–8 switch tabs as the ? list says', async () => {
    const { page, log } = await openMonorepo('table');
    const name = flame.topFunctions[2]!.name;
    await page.locator(`table.function-table tr[data-name="${name}"]`).click();
    await page.locator(`g.frame.selected[name="${name}"]`).first().waitFor();
    await flameSettled(page);
    await h.screenshot(page, 'tables-selected-in-flame');
    const tabs = ['flame', 'table', 'both', 'samples', 'diff', 'sandwich', 'types', 'statements'];
    await page.locator('#flame').focus();
    for (const [i, tab] of tabs.entries()) {
      await page.keyboard.press(String(i + 1));
      await eventually(
        async () => (await page.locator('[role=tab][aria-selected=true]').getAttribute('data-tab')) === tab,
        3000,
        `tab ${tab}`,
      );
    }
    await page.keyboard.press('?');
    expect(await page.locator('#keys').textContent()).toContain('callers/callees, types, statements');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });
});
