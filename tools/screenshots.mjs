// Regenerates docs/screenshots/: the default view (the bundled default sample, as a new user
// first sees it) in the light and dark themes at 390, 1024 and 1440 px wide. Builds dist/ with
// vite, serves it with `vite preview` on 127.0.0.1 and drives Debian's Chromium through
// playwright-core, like the e2e tests (test/e2e/harness.ts).
//
//   node tools/screenshots.mjs            # all six
//   node tools/screenshots.mjs --no-build # reuse dist/ as it is
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'docs', 'screenshots');
const WIDTHS = [390, 1024, 1440];
const THEMES = ['light', 'dark'];
const HEIGHT = { 390: 844, 1024: 768, 1440: 900 };

if (!process.argv.includes('--no-build')) await build({ root: ROOT, logLevel: 'warn' });
const server = await preview({ root: ROOT, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, open: false } });
const baseUrl = server.resolvedUrls?.local[0];
const profile = mkdtempSync(join(tmpdir(), 'peakscope-shots-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
mkdirSync(OUT, { recursive: true });
try {
  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: HEIGHT[width] });
      await page.addInitScript((t) => localStorage.setItem('peakscope.theme', t), theme);
      await page.goto(baseUrl);
      await page.locator('#flame g.frame').first().waitFor({ timeout: 30_000 });
      // The panels are chunks loaded after the first paint (app/deferred-panel.ts); the Export menu comes last.
      await page.locator('#analysis').waitFor({ state: 'attached', timeout: 30_000 });
      await page.locator('#export .export-menu').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(500); // the findings panel and the source view arrive with the analysis
      const file = join(OUT, `default-${theme}-${width}.png`);
      await page.screenshot({ path: file, fullPage: false });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await context.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
  rmSync(profile, { recursive: true, force: true });
}
