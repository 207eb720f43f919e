// Sources dropped after their profiles: the worker analyses the earlier load again (the page
// loads no Starlark indexer or rules for it), and the findings, the source view's heat and the
// notices appear as for a first load; a file of the same drop that cannot be read is counted and said.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../samples.ts';
import { dropFiles, eventually, startHarness, type Harness } from './harness.ts';

let h: Harness;
let work: string;
beforeAll(async () => {
  h = await startHarness();
  work = mkdtempSync(join(tmpdir(), 'e2e-late-sources-'));
});
afterAll(async () => {
  await h?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The scripts the page itself fetched (a worker's fetches are its own, not the window's). */
const pageScripts = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.endsWith('.js')),
  );

const allocCells = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('#source-view td.heat.alloc')].map((td) => ({
      line: Number(td.closest('tr')?.dataset.line),
      text: td.textContent ?? '',
      heated: td.style.background !== '',
    })),
  );

describe('sources dropped after their profiles', () => {
  it('shows the findings and the source heat the worker computed, and counts the file it could not read', async () => {
    const { page, log } = await h.open('', { width: 1400, height: 1000 });
    // The default sample first, so it cannot take the view after our loads.
    await page.locator('g.frame').first().waitFor({ timeout: 20_000 });
    const profiles = join(work, 'late', 'before');
    cpSync(join(SAMPLES_DIR, 'huge-collection', 'before'), profiles, { recursive: true });
    await page.locator('input[type=file][webkitdirectory]').setInputFiles(profiles);
    await page.locator('.set.current .set-name', { hasText: /^before$/ }).waitFor({ timeout: 20_000 });
    await eventually(
      async () => /sources/i.test((await page.locator('#findings').textContent()) ?? ''),
      10_000,
      'the findings panel asking for sources',
    );
    expect(await page.locator('#findings .finding').count()).toBe(0);
    const scriptsBefore = await pageScripts(page);

    const program = (name: string) =>
      readFileSync(join(SAMPLES_DIR, 'programs', 'huge-collection', 'before', name), 'utf8');
    await dropFiles(page, [
      { name: 'defs.bzl', text: program('defs.bzl') },
      { name: 'BUCK', text: program('BUCK') },
      { name: 'notes.txt', text: 'not a profile, not a source\n' },
    ]);
    const finding = page.locator('#findings .finding[data-cause="huge-collection"]');
    await finding.first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.set.current .set-name').textContent()).toBe('before');
    expect(await finding.first().locator('.where').textContent()).toMatch(
      /^defs\.bzl:\d+:\d+-\d+ in defs\.bzl\.sharded_test$/,
    );
    const notices = () => page.locator('#notices').textContent();
    await eventually(
      async () => /2 Starlark sources joined \d+ runs? \(\d+ findings?\)/.test((await notices()) ?? ''),
      10_000,
      'the join notice',
    );
    expect(await notices()).toMatch(/1 of 3 files could not be read/);

    // The source view of the finding's file, with the bytes per line the worker attributed.
    await finding.first().locator('.finding-head').click();
    await page.locator('#source-view tr.hl').first().waitFor({ timeout: 10_000 });
    const heated = (await allocCells(page)).filter((c) => c.heated);
    expect(heated.length).toBeGreaterThan(0);
    expect(heated.every((c) => /\d(\.\d+)? (B|KiB|MiB|GiB)$/.test(c.text))).toBe(true);
    const line = Number(
      await finding
        .first()
        .locator('.where')
        .textContent()
        .then((w) => /:(\d+):/.exec(w ?? '')![1]),
    );
    expect(heated.map((c) => c.line)).toContain(line);

    // The page fetched no chunk of the analysis for this: the worker did the work.
    const added = (await pageScripts(page)).filter((p) => !scriptsBefore.includes(p));
    expect(added.filter((p) => /set-analysis|analyse-job|load-job|run-roles/.test(p))).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  }, 90_000);
});
