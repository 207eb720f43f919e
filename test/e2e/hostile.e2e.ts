// The hostile corpus (test/e2e/hostile-corpus.ts, ≥ 50 hand-made payloads) pushed through every
// view, tooltip, table, source view, advisor message and export of the built app in Chromium:
// zero dialogs, zero `__pwn` calls, zero CSP violations (an injected handler would raise one
// even where the policy stops it), zero injected elements.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'fflate';
import { readGoldenBody } from '../golden.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, flameSettled, SHOWN_FRAME, startHarness, type Harness } from './harness.ts';
import { asFrame, HOSTILE, MUST_SHOW_NAME } from './hostile-corpus.ts';
import { HOSTILE_BZL, hostileRun, MARKUP_FRAMES, mustShowFlame, writeLooseFiles } from './hostile-files.ts';

let h: Harness;
let work: string;

/** Installed before any page script: the payloads' target and a CSP violation recorder. */
function installTraps(): void {
  const w = window as unknown as { __pwned: unknown[]; __pwn: (n: unknown) => void; __csp: string[] };
  w.__pwned = [];
  w.__pwn = (n) => void w.__pwned.push(n);
  w.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
  );
}

/** Elements and attributes no view creates, found anywhere in the document. */
function findInjected(): string[] {
  const found: string[] = [];
  const tags =
    /^(img|iframe|object|embed|frame|frameset|base|form|video|audio|source|math|template|marquee|x|noscript|textarea)$/i;
  const urlAttr = /^(href|src|xlink:href|action|formaction|data|srcdoc|poster)$/i;
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (el.classList.contains('pwn') || tags.test(tag)) found.push(`<${tag}>`);
    // Ours: a bundled module of this origin, or the build's one inline preboot script, placed
    // right after the CSP <meta> (tools/worker-preboot-plugin.ts; the policy allows it by hash).
    const preboot =
      !(el as HTMLScriptElement).src &&
      el.parentElement === document.head &&
      el.previousElementSibling?.getAttribute('http-equiv') === 'Content-Security-Policy';
    if (
      tag === 'script' &&
      !preboot &&
      !(el as HTMLScriptElement).src.startsWith(location.origin) &&
      location.protocol !== 'file:'
    )
      found.push('<script> not ours');
    if ((tag === 'style' || tag === 'meta') && !el.closest('head')) found.push(`<${tag}> in body`);
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) found.push(`<${tag} ${a.name}>`);
      if (urlAttr.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value) && tag !== 'a')
        found.push(`<${tag} ${a.name}=${a.value.slice(0, 30)}>`);
      if (tag === 'a' && a.name === 'href' && /^\s*(javascript|vbscript):/i.test(a.value))
        found.push('<a href=javascript:>');
    }
  }
  return found;
}

interface Watched {
  page: Page;
  dialogs: string[];
}

async function watched(page: Page): Promise<Watched> {
  const w: Watched = { page, dialogs: [] };
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  return w;
}

/** What ran or was injected so far: dialogs, __pwn calls, CSP violations, foreign elements. */
async function traces(w: Watched): Promise<{ dialogs: string[]; pwned: unknown[]; csp: string[]; injected: string[] }> {
  const injected = (await w.page.evaluate(`(${findInjected.toString()})()`)) as string[];
  const traps = await w.page.evaluate(() => {
    const t = window as unknown as { __pwned: unknown[]; __csp: string[] };
    return { pwned: t.__pwned, csp: t.__csp };
  });
  return { dialogs: w.dialogs, ...traps, injected };
}

/** Asserts that nothing ran and nothing was injected; `step` names the view for the message. */
async function expectClean(w: Watched, step: string): Promise<void> {
  expect({ step, ...(await traces(w)) }).toEqual({ step, dialogs: [], pwned: [], csp: [], injected: [] });
}

beforeAll(async () => {
  h = await startHarness();
  await h.context.addInitScript(installTraps);
  work = mkdtempSync(join(tmpdir(), 'peakscope-hostile-'));
});
afterAll(async () => {
  await h?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Hovers every frame at least 3 px wide (scrolled into view); returns the tooltip titles seen. */
async function hoverEveryFrame(page: Page): Promise<string[]> {
  const rects = page.locator('#flame g.frame rect');
  const widths = await rects.evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().width));
  const titles: string[] = [];
  for (let i = 0; i < widths.length; i++) {
    if (widths[i]! < 3) continue;
    await rects.nth(i).hover({ force: true, timeout: 5000 });
    // A frame that moved since it was measured shows no tooltip: record '' and go on.
    titles.push(
      (await page
        .locator('.tooltip:not([hidden]) .tooltip-title')
        .first()
        .textContent({ timeout: 2000 })
        .catch(() => '')) ?? '',
    );
  }
  return titles;
}

const frameNames = (page: Page) =>
  page.locator('#flame g.frame').evaluateAll((gs) => gs.map((g) => g.getAttribute('name') ?? ''));

describe('the must-show: a markup file name and frames, on a page opened with #url=javascript: and a markup search', () => {
  it('shows frames and file name as text, hovering each frame, with no dialog and no injected element', async () => {
    const search = '<img src=x onerror=alert(9) class=pwn>';
    const { page } = await h.open(`#url=javascript:alert(9)&search=${search}`);
    const w = await watched(page);
    await page.locator('.notice.error').first().waitFor();
    expect(await page.locator('.notice.error').first().textContent()).toMatch(
      /only http: and https: URLs can be loaded, not javascript:/,
    );
    expect(await page.locator('#search').inputValue()).toBe(search);
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: MUST_SHOW_NAME, mimeType: 'text/plain', buffer: mustShowFlame() });
    await page.locator('#flame g.frame[name="module"]').first().waitFor();
    await flameSettled(page);
    expect(await page.locator('.file .path', { hasText: MUST_SHOW_NAME }).count()).toBe(1);
    const names = await frameNames(page);
    expect(names).toEqual(expect.arrayContaining(MARKUP_FRAMES));
    // The labels are text too: every markup frame's label reads back exactly (or cut with …).
    const labels = await page
      .locator('#flame g.frame')
      .evaluateAll((gs) =>
        gs.map((g) => [g.getAttribute('name') ?? '', g.querySelector('div')?.textContent ?? ''] as const),
      );
    for (const [name, label] of labels) expect(label === '' || name.startsWith(label.replace(/…$/, ''))).toBe(true);
    const titles = await hoverEveryFrame(page);
    expect(titles.filter((t) => MARKUP_FRAMES.includes(t)).length).toBeGreaterThan(10);
    await h.screenshot(page, 'hostile-must-show');
    await expectClean(w, 'must-show');
    await page.close();
  });
});

describe('the hostile corpus', () => {
  it('has at least 50 payloads', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(50);
    expect(new Set(HOSTILE.map((p) => p.text)).size).toBe(HOSTILE.length);
  });

  it('in every hash parameter: refused or shown as text', async () => {
    for (const p of HOSTILE.filter((x) => /[<{$:]/.test(x.text)).slice(0, 25)) {
      const v = encodeURIComponent(p.text);
      const { page } = await h.open(
        `#url=${v}&search=${v}&zoom=module;${v}&fn=${v}&set=${v}&tab=${v}&metric=${v}&color=${v}&base=${v}`,
      );
      const w = await watched(page);
      await eventually(
        async () => (await page.locator('.notice, g.frame').count()) > 0,
        10_000,
        `the page to settle for ${p.what}`,
      );
      expect(await page.locator('#search').inputValue()).toBe(p.text.slice(0, 8192));
      await expectClean(w, `hash: ${p.what}`);
      await page.close();
    }
  });
});

/** Names shown in a frame list that are payloads (as frames). */
const PAYLOAD_FRAMES = new Set(HOSTILE.map((p) => asFrame(p.text)));

/** Clicks the centre of the first visible frame named `name`. */
async function clickFrame(page: Page, name: string): Promise<void> {
  const box = await page.locator('#flame g.frame').evaluateAll((gs, n) => {
    const g = gs.find(
      (x) => x.getAttribute('name') === n && x.querySelector('rect')!.getBoundingClientRect().width >= 3,
    );
    const b = g?.querySelector('rect')!.getBoundingClientRect();
    return b ? [b.x + b.width / 2, b.y + b.height / 2] : null;
  }, name);
  if (box) await page.mouse.click(box[0]!, box[1]!);
}

/** Picks an entry of the Export menu; returns the saved file's path. */
async function exported(page: Page, kind: string): Promise<string> {
  await page.locator('.export-menu summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`.export-items button[data-export="${kind}"]`).click(),
  ]);
  const path = join(work, `export-${kind}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return path;
}

describe('the hostile corpus through every view', () => {
  it(
    'flamegraph, tooltips, zoom, breadcrumb, search, tables, peaks, notices and every export',
    { timeout: 240_000 },
    async () => {
      const { page, log } = await h.open('', { width: 1400, height: 1000 });
      const w = await watched(page);
      await page.locator('#flame g.frame').first().waitFor({ timeout: 20_000 }); // the default sample first
      await page.locator('input[type=file]').first().setInputFiles(writeLooseFiles(work));
      await eventually(
        async () => (await frameNames(page)).some((n) => PAYLOAD_FRAMES.has(n)),
        20_000,
        'the hostile flame',
      );
      await flameSettled(page);
      const shown = (await frameNames(page)).filter((n) => PAYLOAD_FRAMES.has(n));
      expect(shown.length).toBeGreaterThan(30);
      // Narrow frames are pruned from drawing; every frame wide enough to point at is hovered.
      expect((await hoverEveryFrame(page)).filter((t) => PAYLOAD_FRAMES.has(t)).length).toBeGreaterThan(15);
      await expectClean(w, 'flamegraph and tooltips');

      const wide = await page
        .locator('#flame g.frame')
        .evaluateAll((gs) =>
          gs
            .filter((g) => g.querySelector('rect')!.getBoundingClientRect().width >= 20)
            .map((g) => g.getAttribute('name') ?? ''),
        );
      for (const name of wide.filter((n) => PAYLOAD_FRAMES.has(n)).slice(0, 6)) {
        await clickFrame(page, name);
        await flameSettled(page);
        expect(await page.locator('#breadcrumb').textContent()).toContain(name.slice(0, 40));
        await page.keyboard.press('0');
        await flameSettled(page);
      }
      await expectClean(w, 'zoom and breadcrumb');

      for (const p of HOSTILE.slice(0, 64)) {
        await page.locator('#search').fill(p.text);
        await page.locator('#search-status').textContent();
      }
      await page.locator('#regex').check();
      for (const text of ['.*+?^${}()|[]\\', '(a+)+$', '<img src=x onerror=__pwn(1)>', '['])
        await page.locator('#search').fill(text);
      await page.locator('#regex').uncheck();
      await page.locator('#search').fill('');
      await expectClean(w, 'search');

      for (const key of ['2', '6', '7', '8', '3', '5', '1']) {
        await page.keyboard.press(key);
        await page.waitForTimeout(300);
        await expectClean(w, `tab ${key}`);
      }
      await page.keyboard.press('2');
      for (const row of (await page.locator('table.function-table tbody tr').all()).slice(0, 5)) await row.click();
      await page.keyboard.press('6');
      await expectClean(w, 'table rows and callers/callees');

      const modules = page.locator('#peaks button.module');
      await modules.first().waitFor({ timeout: 20_000 });
      for (const m of (await modules.all()).slice(0, 5)) await m.click();
      expect((await page.locator('#peaks').textContent())!.length).toBeGreaterThan(100);
      await expectClean(w, 'peaks table');
      expect(await page.locator('.file .problem').count()).toBeGreaterThan(0);

      await page.keyboard.press('1');
      await flameSettled(page);
      for (const kind of ['svg', 'html', 'folded', 'csv']) {
        if (kind === 'csv') await page.keyboard.press('2'); // the CSV is of the table shown
        const path = await exported(page, kind);
        if (kind === 'folded' || kind === 'csv') {
          expect(readFileSync(path, 'utf8')).toContain(shown[0]!.slice(0, 40));
          continue;
        }
        const opened = await watched(await h.context.newPage());
        await opened.page.goto(pathToFileURL(path).href);
        await opened.page.locator('g.frame').first().waitFor();
        const titles = await opened.page
          .locator('g.frame title')
          .evaluateAll((ts) => ts.map((t) => t.textContent!.split('\n')[0]!));
        expect(titles.filter((t) => PAYLOAD_FRAMES.has(t)).length).toBeGreaterThan(15);
        await expectClean(opened, `exported ${kind}`);
        await opened.page.close();
      }
      await expectClean(w, 'after exports');
      expect(log.consoleErrors).toEqual([]);
      await h.screenshot(page, 'hostile-views');
      await page.close();
    },
  );

  it(
    'advisor findings and the source view of a run whose .bzl file, folder and source lines are payloads',
    { timeout: 120_000 },
    async () => {
      const { page } = await h.open('', { width: 1400, height: 1000 });
      const w = await watched(page);
      await page.locator('#flame g.frame').first().waitFor({ timeout: 20_000 });
      await page.locator('input[type=file][webkitdirectory]').setInputFiles(hostileRun(work));
      await page.locator('.set .set-name', { hasText: 'dropped-' }).click({ timeout: 20_000 });
      const finding = page.locator('#findings .finding[data-cause="loop-invariant-call"]');
      await finding.waitFor({ timeout: 20_000 });
      expect(await finding.locator('.where').textContent()).toContain(HOSTILE_BZL);
      await finding.locator('.finding-head').click();
      await page.locator('#source-view tr.hl').first().waitFor({ timeout: 10_000 });
      const source = (await page.locator('#source-view').textContent())!;
      // Odd payloads went in as `# <payload>` comment lines: each must read back as written.
      const missing = HOSTILE.filter(
        (p, i) => i % 2 === 1 && !source.includes(`# ${p.text.replace(/[\r\n]/g, ' ').slice(0, 40)}`),
      );
      expect(missing.map((p) => p.what)).toEqual([]);
      // The finding zoomed the flamegraph: the frame is clicked in the view on screen.
      await page.locator(`${SHOWN_FRAME}[name="${HOSTILE_BZL}.platform_flag_table"]`).first().click();
      await page.locator('#source-view tr[data-line="24"]').click();
      await expectClean(w, 'findings and source view');
      await h.screenshot(page, 'hostile-source-view');
      await page.close();
    },
  );
});

describe('broken and huge files in the viewer', () => {
  it('cut-short, damaged, binary and unknown files: what was read, where it stopped, what was tried, lines skipped', async () => {
    const flame = readGoldenBody('heap_flame_allocated.flame.golden');
    const gz = gzipSync(Buffer.from(flame));
    const dir = join(work, 'broken');
    const files: Record<string, string | Buffer> = {
      'cut.flame.src': flame.slice(0, flame.lastIndexOf('\n', flame.length - 2) + 12),
      'cut.flame.src.gz': Buffer.from(gz.subarray(0, Math.floor(gz.length * 0.6))),
      'damaged.flame.src': flame.replace('\n', '\nnot a stack\nalso; not one\n'),
      'core.bin': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 10, 0]),
      'notes.txt': 'just some notes\nnothing to see\n',
    };
    execFileSync('mkdir', ['-p', dir]);
    for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
    const { page } = await h.open('#tab=samples');
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles(Object.keys(files).map((n) => join(dir, n)));
    await eventually(
      async () =>
        (await page.locator('.file .path').allTextContents()).filter((t) => Object.keys(files).includes(t)).length ===
        5,
      20_000,
      'the five files',
    );
    const text = (name: string) =>
      page
        .locator('.file', { has: page.locator('.path', { hasText: new RegExp(`^${name.replace(/\./g, '\\.')}$`) }) })
        .textContent();
    expect(await text('cut.flame.src')).toMatch(
      /truncated — the file ends mid-line at line \d+; that partial line was ignored/,
    );
    expect(await text('cut.flame.src.gz')).toMatch(/heap flame.*truncated — the gzip stream is damaged or cut short/);
    expect(await text('damaged.flame.src')).toMatch(/ignored 2 lines without a trailing byte count \(first at line 2/);
    expect(await text('core.bin')).toMatch(
      /binary data; tried event-log, flame-svg, heap-summary, .*heap-flame, targets/,
    );
    expect(await text('notes.txt')).toMatch(/not a profile peakscope knows; tried event-log, .*targets/);
    await page.close();
  });

  it(
    'streams a 600 MiB file (beyond the largest string V8 holds) and shows its exact total',
    { timeout: 240_000 },
    async () => {
      const path = join(work, 'huge.flame.src');
      const pair = 'module;a.bzl.f;dict 8\nmodule;a.bzl.g;list 16\n';
      const chunk = Buffer.from(pair.repeat(Math.floor((1 << 20) / pair.length)));
      const chunks = Math.ceil((600 << 20) / chunk.length);
      const fd = openSync(path, 'w');
      for (let i = 0; i < chunks; i++) writeSync(fd, chunk);
      closeSync(fd);
      const total = (chunk.length / pair.length) * chunks * 24;
      const { page, log } = await h.open('#tab=samples');
      const w = await watched(page);
      await page.locator('input[type=file]').first().setInputFiles(path);
      const totals = page
        .locator('.file', { has: page.locator('.path', { hasText: /^huge\.flame\.src$/ }) })
        .locator('.totals');
      await totals.waitFor({ timeout: 200_000 });
      expect(await totals.textContent()).toContain(`bytes ${total.toLocaleString('en-US')}`);
      expect(await page.evaluate(() => 1 + 1)).toBe(2); // the tab is alive
      expect(log.consoleErrors).toEqual([]);
      await expectClean(w, 'huge file');
      await page.close();
      rmSync(path);
    },
  );
});

describe('the checks themselves', () => {
  it('notice an injected element, a handler the CSP blocked, a __pwn call and a dialog', async () => {
    const { page } = await h.open('#tab=samples');
    const w = await watched(page);
    await page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<img class=pwn src=x onerror=__pwn(1)>');
      (window as unknown as { __pwn: (n: number) => void }).__pwn(2);
      alert('caught');
    });
    await eventually(
      async () => (await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.length)) > 0,
      5000,
      'the CSP report',
    );
    const seen = await traces(w);
    expect(seen.injected).toEqual(expect.arrayContaining(['<img>', '<img onerror>']));
    expect(seen.csp.join()).toContain('script-src-attr');
    expect([seen.pwned, seen.dialogs]).toEqual([[2], ['caught']]);
    await page.close();
  });
});
