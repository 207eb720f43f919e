// The advisor in the browser: a "before" sample run dropped as a folder with its sources shows
// its finding; clicking it shows the loop in the source view and the function in the flamegraph.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../samples.ts';
import { eventually, flameSettled, SHOWN_FRAME, startHarness, type Harness } from './harness.ts';

let h: Harness;
let work: string;
beforeAll(async () => {
  h = await startHarness();
  work = mkdtempSync(join(tmpdir(), 'peakscope-analysis-'));
});
afterAll(async () => {
  await h?.close();
  rmSync(work, { recursive: true, force: true });
});

/** A folder as a user would pick it: the run's mode folders and the program's sources beside them. */
function runFolder(cause: string): string {
  // Not named after the cause: the default sample's set is `loop-invariant-call/before` already.
  const root = join(work, `dropped-${cause}`);
  cpSync(join(SAMPLES_DIR, cause, 'before'), join(root, 'before'), { recursive: true });
  cpSync(join(SAMPLES_DIR, 'programs', cause, 'before'), join(root, 'sources', cause, 'before'), { recursive: true });
  return root;
}

const selectedFrames = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('g.frame.selected')].map((g) => g.getAttribute('name')));
const highlighted = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('#source-view tr.hl')].map((r) => Number((r as HTMLElement).dataset.line)),
  );

describe('findings, source view and flamegraph together', () => {
  it('shows the loop-invariant-call finding and links it to the source and the flamegraph', async () => {
    const { page, log } = await h.open('', { width: 1400, height: 1000 });
    // Let the default sample finish loading first, so it cannot take the view after our folder.
    await page.locator(`${SHOWN_FRAME}`).first().waitFor({ timeout: 20_000 });
    await page.locator('input[type=file][webkitdirectory]').setInputFiles(runFolder('loop-invariant-call'));
    await page.locator('.set .set-name', { hasText: 'dropped-loop-invariant-call/before' }).click({ timeout: 20_000 });
    const finding = page.locator('#findings .finding[data-cause="loop-invariant-call"]');
    await finding.waitFor({ timeout: 20_000 });
    expect(await finding.locator('.where').textContent()).toBe('defs.bzl:20:9-58 in defs.bzl.cxx_libraries');
    expect(await page.locator('#findings .honest-notes').textContent()).toContain('garbage collection off');

    await finding.locator('.finding-head').click();
    await eventually(
      async () => (await selectedFrames(page)).includes('defs.bzl.cxx_libraries'),
      10_000,
      'the function selected in the flamegraph',
    );
    await flameSettled(page);
    expect(await highlighted(page)).toEqual([20]);
    // The loop around the call: its header is marked, its body (the call's line) is inside it.
    expect(await page.locator('#source-view tr.loop-head[data-line="18"] .loop-mark').textContent()).toBe('↻');
    expect(await page.locator('#source-view tr[data-line="20"]').getAttribute('class')).toContain('in-loop');
    expect(await page.locator('#source-view tr[data-line="17"] .gutter').textContent()).toMatch(/MiB$/);
    // Bytes per line and per loop from the stack-led attribution: the call carries its callee's bytes.
    expect(await page.locator('#source-view tr[data-line="20"] .alloc').textContent()).toMatch(/MiB$/);
    expect(await page.locator('#source-view tr.loop-head[data-line="18"] .loop-mark').getAttribute('title')).toContain(
      'while it ran',
    );
    await h.screenshot(page, 'analysis-finding-clicked');

    // A frame click opens its def; a line click selects its function.
    await page.locator(`${SHOWN_FRAME}[name="defs.bzl.platform_flag_table"]`).first().click();
    await eventually(async () => (await highlighted(page)).includes(5), 10_000, 'the def of platform_flag_table');
    await page.locator('#source-view tr[data-line="24"]').click();
    await eventually(
      async () => (await selectedFrames(page)).includes('defs.bzl.cxx_libraries'),
      10_000,
      'line 24 selecting cxx_libraries',
    );
    await flameSettled(page);
    expect(
      await page
        .locator(`${SHOWN_FRAME}[name="defs.bzl.platform_flag_table"] rect`)
        .first()
        .evaluate((r) => Number(r.getAttribute('width'))),
    ).toBeGreaterThan(100);
    await h.screenshot(page, 'analysis-line-clicked');
    expect(log.consoleErrors).toEqual([]);
    expect(log.foreignRequests).toEqual([]);
    await page.close();
  });

  it('shows per-file peaks from an event log, flags the over-limit failure, gives the profile commands', async () => {
    const { page, log } = await h.open('', { width: 1400, height: 900 });
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles(join(SAMPLES_DIR, 'event-logs', 'monorepo.json-lines'));
    const table = page.locator('#peaks table.peaks-table');
    await table.waitFor({ timeout: 20_000 });
    const modules = await table.locator('tbody button.module').allTextContents();
    expect(modules[0]).toBe('root//services/search:BUCK');
    expect(await table.locator('tbody tr').first().getAttribute('class')).toContain('over-limit');
    expect(await page.locator('#peaks .peak-histogram .bucket').count()).toBeGreaterThan(1);
    await table.locator('button.module', { hasText: 'root//libs/core:BUCK' }).click();
    await eventually(
      async () =>
        (await page.locator('#peaks .profile-commands pre').allTextContents())
          .join('\n')
          .includes(
            'buck2 profile loading --mode heap-allocated -o peakscope-profiles/libs-core/heap-allocated root//libs/core:',
          ),
      10_000,
      'the commands',
    );
    await page.locator('#peaks .limit input').fill('1MiB');
    await page.locator('#peaks .limit input').press('Enter');
    await eventually(
      async () => (await table.locator('tbody tr.over-limit').count()) >= 2,
      10_000,
      'core over a 1 MiB limit',
    );
    // A size that does not read puts back the limit in force, not the default.
    await page.locator('#peaks .limit input').fill('lots');
    await page.locator('#peaks .limit input').press('Enter');
    await eventually(
      async () => (await page.locator('#peaks .limit input').inputValue()).replace(/\s/g, '') === '1MiB',
      10_000,
      'the 1 MiB limit back in the box',
    );
    await h.screenshot(page, 'analysis-peaks');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('shows the per-file peaks table for a dropped buck-out/v2/log/…_events.pb.zst, each file against its own limit', async () => {
    const { page, log } = await h.open('', { width: 1400, height: 900 });
    const name = '20261125-100000_uquery_8e1b7c42-96d0-4f3a-b5e2-3c9a0f61d7b4_events.pb.zst';
    const base64 = readFileSync(join(SAMPLES_DIR, 'buck-out', 'v2', 'log', name)).toString('base64');
    // Dropped as Buck2 left it: binary bytes under Buck2's file name.
    const transfer = await page.evaluateHandle(
      ({ data, fileName }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], fileName));
        return dt;
      },
      { data: base64, fileName: name },
    );
    await page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
    const table = page.locator('#peaks table.peaks-table');
    await table.waitFor({ timeout: 20_000 });
    const modules = await table.locator('tbody button.module').allTextContents();
    expect(modules).toHaveLength(6);
    expect(modules[0]).toBe('root//services/search:BUCK');
    const first = table.locator('tbody tr').first();
    expect(await first.getAttribute('class')).toContain('over-limit');
    // search sets a 1 MiB limit of its own: 2 MiB is 200 % of it, not 0.1 % of the 2 GiB default.
    expect((await first.locator('td').nth(2).textContent())?.replace(/\s/g, '')).toBe('200.0%of1MiB');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });
});
