// pprof profiles in the page: Bazel's memory and CPU profiles and starlark-go's wall profile,
// each drawn with its meaning beside the total ("retained at dump, sampled", never "allocated");
// the Bazel run with its workspace sources gets the advisor's loading-phase findings; the export
// menu writes gzipped pprof that reads back to the same total.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTotals } from '../../src/analysis/totals.ts';
import { parseBytes } from '../../src/formats/parse-file.ts';
import type { Page } from 'playwright-core';
import { SAMPLES_DIR } from '../golden.ts';
import { flameSettled, startHarness, type Harness } from './harness.ts';

let h: Harness;
let work: string;
beforeAll(async () => {
  h = await startHarness();
  work = mkdtempSync(join(tmpdir(), 'peakscope-pprof-e2e-'));
});
afterAll(async () => {
  await h?.close();
  rmSync(work, { recursive: true, force: true });
});

/** A folder holding copies of sample files (relative to samples/), picked as a user would. */
function folder(name: string, files: readonly string[]): string {
  const root = join(work, name);
  for (const f of files) cpSync(join(SAMPLES_DIR, f), join(root, f.slice(f.indexOf('/') + 1)), { recursive: true });
  return root;
}

async function openFolder(page: Page, path: string, name: string): Promise<void> {
  await page.locator('input[type=file][webkitdirectory]').setInputFiles(path);
  await page.locator('.set .set-name', { hasText: name }).click({ timeout: 20_000 });
  await flameSettled(page);
}

describe('pprof profiles in the page', () => {
  it('draws each with the meaning of its values', async () => {
    const { page, log } = await h.open('', { width: 1400, height: 900 });
    await page.locator('g.frame').first().waitFor({ timeout: 20_000 });
    const cases = [
      ['pprof-memory', 'bazel/memory.pprof.gz', /memory\/bytes: retained at dump, sampled/, '_generated_config_impl'],
      [
        'pprof-cpu',
        'bazel/cpu.pprof.gz',
        /CPU\/microseconds: Starlark CPU time, sampled every 10 ms/,
        'macros/defs.bzl.cxx_libraries',
      ],
      [
        'pprof-wall',
        'starlark-go/wall.pprof.gz',
        /wall\/nanoseconds: wall time, sampled every 10 ms/,
        'program.star.platform_flag_table',
      ],
    ] as const;
    for (const [name, file, meaning, frame] of cases) {
      await openFolder(page, folder(name, [file]), name);
      const summary = await page.locator('#summary').textContent();
      expect(summary).toMatch(meaning);
      expect(summary).not.toMatch(/allocated/);
      expect(await page.locator(`g.frame[name$="${frame}"]`).count()).toBeGreaterThan(0);
      await h.screenshot(page, `pprof-${name}`);
    }
    // The CPU profile's two roots tell the phases apart.
    await page.locator('.set .set-name', { hasText: 'pprof-cpu' }).click();
    await flameSettled(page);
    for (const root of ['(loading)', '(analysis)'])
      expect(await page.locator(`g.frame[name="${root}"]`).count()).toBe(1);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('names the loading-phase causes when the workspace sources are dropped with the profiles', async () => {
    const { page, log } = await h.open('', { width: 1400, height: 900 });
    await page.locator('g.frame').first().waitFor({ timeout: 20_000 });
    await openFolder(
      page,
      folder('bazel-run', ['bazel/cpu.pprof.gz', 'bazel/memory.pprof.gz', 'bazel/workspace']),
      'bazel-run',
    );
    await page.locator('#findings .finding[data-cause="loop-invariant-call"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('#findings .finding[data-cause="loop-invariant-call"] .where').textContent()).toMatch(
      /^macros\/defs\.bzl:22:9-58 in macros\/defs\.bzl\.cxx_libraries$/,
    );
    expect(await page.locator('#findings .finding[data-cause="dict-view-in-loop"] .where').allTextContents()).toContain(
      'macros/defs.bzl:36:13-40:1 in macros/defs.bzl.platform_variants',
    );
    await h.screenshot(page, 'pprof-bazel-run-findings');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('exports the drawn profile as gzipped pprof with the same total', async () => {
    const { page } = await h.open('', { width: 1400, height: 900 });
    await page.locator('g.frame').first().waitFor({ timeout: 20_000 });
    await openFolder(page, folder('pprof-export', ['bazel/memory.pprof.gz']), 'pprof-export');
    await page.locator('.export-menu summary').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.export-items button[data-export="pprof"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pb\.gz$/);
    const path = join(work, download.suggestedFilename());
    await download.saveAs(path);
    const back = parseBytes(path, new Uint8Array(readFileSync(path)));
    const original = parseBytes(
      'memory.pprof.gz',
      new Uint8Array(readFileSync(join(SAMPLES_DIR, 'bazel', 'memory.pprof.gz'))),
    );
    expect(back.profile?.format).toBe('pprof');
    expect((computeTotals(back.profile!) as { bytes: number }).bytes).toBe(
      (computeTotals(original.profile!) as { bytes: number }).bytes,
    );
    await page.close();
  });
});
