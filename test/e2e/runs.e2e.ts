// Loads that join instead of replacing: sources picked after their profiles make the finding
// appear; two loads of loose files are both reachable (the newest shown); every evaluation of a
// `--profile-patterns` tree is its own set; a load of several runs opens on the worst.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '../golden.ts';
import { dropFiles, eventually, startHarness, type Harness } from './harness.ts';

let h: Harness;
let work: string;
beforeAll(async () => {
  h = await startHarness();
  work = mkdtempSync(join(tmpdir(), 'e2e-runs-'));
});
afterAll(async () => {
  await h?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Opens the app and waits for the default sample, so it cannot take the view after our loads. */
async function openApp(): Promise<Page> {
  const { page } = await h.open('', { width: 1400, height: 1000 });
  await page.locator('g.frame').first().waitFor({ timeout: 20_000 });
  return page;
}

const setNames = (page: Page) => page.locator('.set .set-name').allTextContents();
const currentSetName = (page: Page) => page.locator('.set.current .set-name').textContent();
const frameNames = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('g.frame')].map((g) => g.getAttribute('name') ?? ''));

const drop = dropFiles;

const sampleText = (path: string) => readFileSync(join(SAMPLES_DIR, path), 'utf8');

describe('loads join, never replace by accident', () => {
  it('joins sources picked after their profiles: the finding appears and the panel stops asking', async () => {
    const page = await openApp();
    const profiles = join(work, 'picked-profiles', 'before');
    const sources = join(work, 'picked-sources', 'before');
    // Not the default sample's case: its sources are in the page already and would join at once.
    cpSync(join(SAMPLES_DIR, 'huge-collection', 'before'), profiles, { recursive: true });
    cpSync(join(SAMPLES_DIR, 'programs', 'huge-collection', 'before'), sources, { recursive: true });
    const folder = page.locator('input[type=file][webkitdirectory]');
    await folder.setInputFiles(profiles);
    await eventually(async () => (await setNames(page)).includes('before'), 20_000, 'the profiles set');
    expect(await currentSetName(page)).toBe('before');
    // No sources yet: the findings panel asks for them.
    await eventually(
      async () => /sources/i.test((await page.locator('#findings').textContent()) ?? ''),
      10_000,
      'the findings panel asking for sources',
    );
    expect(await page.locator('#findings .finding').count()).toBe(0);

    await folder.setInputFiles(sources);
    const finding = page.locator('#findings .finding[data-cause="huge-collection"]');
    await finding.first().waitFor({ timeout: 20_000 });
    expect(await finding.first().locator('.where').textContent()).toMatch(
      /^defs\.bzl:\d+:\d+-\d+ in defs\.bzl\.sharded_test$/,
    );
    expect(await page.locator('#findings .empty-findings').count()).toBe(0);
    expect(await page.locator('#notices').textContent()).toMatch(/Starlark sources? joined 1 run \(\d+ findings?\)/);
    expect(await page.locator('#source-view').count()).toBe(1);
    await page.close();
  }, 90_000);

  it('keeps two loads of loose files apart: the second is shown, the first still selectable', async () => {
    const page = await openApp();
    await drop(page, [
      { name: 'flame.src', text: sampleText('loop-invariant-call/before/heap-flame-allocated/flame.src') },
    ]);
    await eventually(
      async () => (await frameNames(page)).includes('defs.bzl.platform_flag_table'),
      20_000,
      'the first drop drawn',
    );
    await drop(page, [
      { name: 'flame.src', text: sampleText('huge-collection/before/heap-flame-allocated/flame.src') },
    ]);
    await eventually(
      async () => (await frameNames(page)).includes('defs.bzl.sharded_test'),
      20_000,
      'the second drop drawn',
    );
    expect(await setNames(page)).toEqual(expect.arrayContaining(['flame.src', 'flame.src 2']));
    expect(await currentSetName(page)).toBe('flame.src 2');
    await page.locator('.set .set-name', { hasText: /^flame\.src$/ }).click();
    await eventually(
      async () => (await frameNames(page)).includes('defs.bzl.platform_flag_table'),
      10_000,
      'the first drop drawn again',
    );
    expect(await currentSetName(page)).toBe('flame.src');
    await page.close();
  }, 90_000);

  it('makes every evaluation of a --profile-patterns tree reachable, and shows an overview of the runs', async () => {
    const page = await openApp();
    const tree = join(SAMPLES_DIR, 'monorepo', 'profile-patterns');
    const stamp = readdirSync(tree)[0]!;
    await page.locator('input[type=file][webkitdirectory]').setInputFiles(tree);
    await eventually(
      async () => (await page.locator('#runs-overview tbody tr').count()) === 11,
      20_000,
      'the overview of 11 evaluations',
    );
    const evaluations = (await setNames(page)).filter((n) => n.startsWith(`profile-patterns/${stamp}/`));
    expect(evaluations.map((n) => n.slice(`profile-patterns/${stamp}/`.length)).sort()).toEqual([
      'load/root/apps/cli',
      'load/root/apps/web',
      'load/root/libs/core',
      'load/root/libs/util',
      'load/root/services/search',
      'load/root/tools/codegen',
      'load_bzl/root/build_defs/codegen.bzl',
      'load_bzl/root/build_defs/common.bzl',
      'load_bzl/root/build_defs/cxx.bzl',
      'load_bzl/root/build_defs/python.bzl',
      'merged',
    ]);
    // The load opens on its worst run: the first overview row (merged holds every evaluation).
    const first = await page.locator('#runs-overview tbody tr .run-name').first().textContent();
    expect(await currentSetName(page)).toBe(first);
    for (const name of evaluations) {
      await page
        .locator('.set .set-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
        .click();
      await eventually(
        async () => (await page.locator('#summary').textContent())?.startsWith(`${name} — total allocated bytes`),
        10_000,
        `the flame of ${name}`,
      );
      expect(await page.locator('g.frame').count()).toBeGreaterThan(1);
    }
    await page.close();
  }, 120_000);
});
