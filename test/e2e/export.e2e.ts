// Every export of the built app, checked by opening what it wrote: the SVG and the HTML snapshot
// in the browser (from disk, offline, with hostile frame names), the PNG's header, the CSV through
// an RFC 4180 parser, and the folded text through our own parser against `peakscope report --json`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeTree } from '../../src/model/call-tree.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import { REPO_ROOT, SAMPLES_DIR } from '../samples.ts';
import { eventually, flameSettled, startHarness, type Harness } from './harness.ts';

let h: Harness;
let out: string;
beforeAll(async () => {
  h = await startHarness();
  out = mkdtempSync(join(tmpdir(), 'peakscope-export-'));
});
afterAll(async () => {
  await h?.close();
  rmSync(out, { recursive: true, force: true });
});

const FLAME = join(SAMPLES_DIR, 'monorepo', 'heap-allocated', 'flame.src');
/** What an export's title says: run, metric, unit and total. */
const TITLE_START =
  /^peakscope: monorepo — allocated bytes \(bytes\), total allocated bytes: [\d.]+ (KiB|MiB|GiB) \([\d,]+ bytes\)/;
const TITLE = new RegExp(`${TITLE_START.source}$`);

interface ReportInput {
  format: string;
  totals: Record<string, number>;
  topFunctions: unknown[];
}

/** `peakscope report --json`, run as the real command. */
function report(...paths: string[]): ReportInput[] {
  const json = execFileSync(process.execPath, ['bin/peakscope.js', 'report', '--json', ...paths], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return (JSON.parse(json) as { inputs: ReportInput[] }).inputs;
}

/** Picks an entry of the Export menu and returns the downloaded file's path. */
async function exportFile(page: Page, kind: string): Promise<{ path: string; name: string }> {
  await page.locator('.export-menu summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`.export-items button[data-export="${kind}"]`).click(),
  ]);
  const path = join(out, download.suggestedFilename());
  await download.saveAs(path);
  return { path, name: download.suggestedFilename() };
}

type Frame = [name: string, widthPx: number];

/** Frames with their widths: in the app (d3-flame-graph's `g.frame`) and in an export (title, rect + 0.5 px gap). */
const appFrames = (page: Page): Promise<Frame[]> =>
  page
    .locator('#flame g.frame')
    .evaluateAll((gs) =>
      gs.map((g): [string, number] => [g.getAttribute('name') ?? '', Number(g.getAttribute('width'))]),
    );
const exportedFrames = (page: Page): Promise<Frame[]> =>
  page
    .locator('g.frame')
    .evaluateAll((gs) =>
      gs.map((g): [string, number] => [
        (g.querySelector('title')?.textContent ?? '').split('\n')[0]!,
        Number(g.querySelector('rect')?.getAttribute('width')) + 0.5,
      ]),
    );

/** Names of frames at least `min` px wide, sorted (a multiset). */
const wide = (frames: Frame[], min: number) =>
  frames
    .filter(([, w]) => w >= min)
    .map(([n]) => n)
    .sort();

/** Every frame 2 px or wider on one side is on the other (a 0.1 px margin for rounding). */
function expectSameFrames(shown: Frame[], exported: Frame[]): void {
  const contains = (big: string[], small: string[]) => {
    const left = [...big];
    return small.filter((n) => {
      const i = left.indexOf(n);
      if (i >= 0) left.splice(i, 1);
      return i < 0;
    });
  };
  expect(wide(shown, 2.1).length).toBeGreaterThan(10);
  expect(contains(wide(exported, 1.9), wide(shown, 2.1))).toEqual([]);
  expect(contains(wide(shown, 1.9), wide(exported, 2.1))).toEqual([]);
}

async function openMonorepo(): Promise<{ page: Page; log: import('./harness.ts').PageLog }> {
  const opened = await h.open(`#url=${encodeURIComponent(`${h.baseUrl}samples/monorepo/manifest.json`)}`);
  await opened.page.locator('g.frame[name="module"]').first().waitFor();
  await flameSettled(opened.page);
  return opened;
}

/** Opens a file from disk in a fresh page; records every request that is not that file. */
async function openFromDisk(
  path: string,
): Promise<{ page: Page; requests: string[]; errors: string[]; dialogs: string[] }> {
  const page = await h.context.newPage();
  const url = pathToFileURL(path).href;
  const requests: string[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  return { page, requests, errors, dialogs };
}

describe('exports of a real sample', () => {
  it('SVG: a standalone file that shows the same frames as the app', async () => {
    const { page, log } = await openMonorepo();
    const shown = await appFrames(page);
    const { path, name } = await exportFile(page, 'svg');
    expect(name).toBe('peakscope-monorepo-bytes.svg');
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(
      true,
    );
    const svg = await openFromDisk(path);
    expectSameFrames(shown, await exportedFrames(svg.page));
    expect(await svg.page.locator('text', { hasText: 'build_defs/codegen.bzl.generated_cxx' }).count()).toBe(1);
    // Alone, the file says what it shows: run, metric, unit and total; the zoom path; the legend.
    const heading = await svg.page.locator('g.heading text').allTextContents();
    expect(heading.join(' ')).toMatch(TITLE_START);
    expect(heading).toContain('Zoom: all');
    expect(await svg.page.locator('g.heading rect').count()).toBeGreaterThan(1);
    expect(heading.filter((t) => /^\S+ [\d.]+ (B|KiB|MiB|GiB)$/.test(t)).length).toBe(
      await svg.page.locator('g.heading rect').count(),
    );
    expect([svg.requests, svg.errors]).toEqual([[], []]);
    await svg.page.setViewportSize({ width: 1000, height: 800 });
    await svg.page.screenshot({ path: join(REPO_ROOT, 'test-output', 'screenshots', 'export-svg.png') });
    await svg.page.close();
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('PNG: the SVG drawn at twice its size', async () => {
    const { page } = await openMonorepo();
    const svgText = readFileSync((await exportFile(page, 'svg')).path, 'utf8');
    const { path } = await exportFile(page, 'png');
    const png = readFileSync(path);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const [w, h2] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    const size = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svgText)!;
    expect([w, h2]).toEqual([Number(size[1]) * 2, Number(size[2]) * 2]);
    writeFileSync(join(REPO_ROOT, 'test-output', 'screenshots', 'export-png.png'), png);
    await page.close();
  });

  it('folded: re-parses to the same tree and the totals `peakscope report --json` gives for the source', async () => {
    const { page } = await openMonorepo();
    const { path } = await exportFile(page, 'folded');
    const reparsed = parseText('export.folded.txt', readFileSync(path, 'utf8')).profile;
    const original = parseText('flame.src', readFileSync(FLAME, 'utf8')).profile;
    if (reparsed?.format !== 'heap-flame' || original?.format !== 'heap-flame') throw new Error('not heap flames');
    const [source, exported] = report(FLAME, path);
    expect(exported!.format).toBe('heap-flame');
    expect(exported!.totals).toEqual(source!.totals);
    expect(exported!.topFunctions).toEqual(source!.topFunctions);
    expect(describeTree(reparsed.tree)).toEqual(describeTree(original.tree));
    await page.close();
  });

  it('CSV: the types table, every row, parsed back with its exact numbers', async () => {
    const { page } = await openMonorepo();
    await page.keyboard.press('7');
    await page.locator('table.types-table tbody tr').first().waitFor();
    const { path, name } = await exportFile(page, 'csv');
    expect(name).toBe('peakscope-monorepo-bytes-types.csv');
    const rows = Papa.parse<string[]>(readFileSync(path, 'utf8').trimEnd(), { newline: '\r\n' }).data;
    expect(rows[0]).toEqual([
      'Type',
      'Bytes',
      'Share',
      'Values',
      'Bytes per value',
      'Stacks',
      'Top allocator',
      'Its bytes',
    ]);
    const onScreen = await page
      .locator('table.types-table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.children[0]!.textContent, tr.children[1]!.getAttribute('title')]));
    expect(rows.slice(1).map((r) => [r[0], Number(r[1]).toLocaleString('en-US')])).toEqual(onScreen);
    expect(rows.slice(1).reduce((sum, r) => sum + Number(r[1]), 0)).toBe(report(FLAME)[0]!.totals.bytes);
    await page.close();
  });

  it('HTML: one file that works offline from disk and draws the same flamegraph, zoomable', async () => {
    const { page } = await openMonorepo();
    const shown = await appFrames(page);
    const { path } = await exportFile(page, 'html');
    const html = readFileSync(path, 'utf8');
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'; style-src 'sha256-/,
    );
    expect(html.match(/<script/g)?.length).toBe(2);
    const snap = await openFromDisk(path);
    await snap.page.locator('g.frame').first().waitFor();
    expectSameFrames(shown, await exportedFrames(snap.page));
    expect(await snap.page.locator('h1').textContent()).toMatch(TITLE);
    expect(await snap.page.locator('table caption').allTextContents()).toContainEqual(
      expect.stringContaining('functions'),
    );
    await snap.page.setViewportSize({ width: 1280, height: 800 });
    await snap.page.screenshot({ path: join(REPO_ROOT, 'test-output', 'screenshots', 'export-html.png') });
    // Click-to-zoom inside the snapshot.
    await snap.page.locator('g.frame', { hasText: 'build_defs/cxx.bzl.library' }).first().click();
    await eventually(
      async () => (await snap.page.locator('.path').textContent())?.includes('build_defs/cxx.bzl.library'),
      3000,
      'zoom in the snapshot',
    );
    expect([snap.requests, snap.errors, snap.dialogs]).toEqual([[], [], []]);
    await snap.page.close();
    await page.close();
  });
});

describe('exports of the default view', () => {
  it('HTML: carries the findings and the hot loops, not only the flamegraph', async () => {
    const { page } = await h.open('');
    await page.locator('.finding').first().waitFor();
    await flameSettled(page);
    const finding = (await page.locator('.finding .where').first().textContent())!;
    const snap = await openFromDisk((await exportFile(page, 'html')).path);
    await snap.page.locator('g.frame').first().waitFor();
    const captions = await snap.page.locator('table caption').allTextContents();
    expect(captions.slice(0, 2)).toEqual([
      expect.stringMatching(/^Findings \(\d+\)$/),
      expect.stringMatching(/^Hot loops/),
    ]);
    expect(await snap.page.locator('table').first().locator('td', { hasText: finding }).count()).toBe(1);
    expect(await snap.page.locator('table').nth(1).locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await snap.page.locator('table').first().textContent()).not.toContain('`');
    await snap.page.setViewportSize({ width: 1280, height: 800 });
    await snap.page.screenshot({
      path: join(REPO_ROOT, 'test-output', 'screenshots', 'export-html-findings.png'),
      fullPage: true,
    });
    await snap.page.close();
    await page.close();
  });
});

describe('exports of the Compare tab', () => {
  it('exports its differential flamegraph and delta tables, and says why folded stacks do not apply', async () => {
    const sample = (v: string) => `${h.baseUrl}samples/loop-invariant-call/${v}/manifest.json`;
    const { page } = await h.open(`#url=${encodeURIComponent(sample('before'))}`);
    await page.locator('.set-name', { hasText: 'loop-invariant-call/before' }).first().waitFor();
    await page.locator('[role=tab][data-tab=samples]').click();
    await page.locator(`.gallery-item a[href*="${encodeURIComponent('/loop-invariant-call/after/')}"]`).click();
    await page.locator('.set-name', { hasText: 'loop-invariant-call/after' }).first().waitFor();
    await page.locator('[role=tab][data-tab=diff]').click();
    await page.locator('select[name=diff-base]').selectOption('loop-invariant-call/before');
    await page.locator('select[name=diff-target]').selectOption('loop-invariant-call/after');
    await page.locator('.diff-flame g.frame').first().waitFor();
    await page.locator('.export-menu summary').click();
    const items = await page
      .locator('.export-items button')
      .evaluateAll((bs) =>
        bs.map((b) => [
          (b as HTMLButtonElement).dataset.export,
          (b as HTMLButtonElement).disabled,
          b.querySelector('.why')?.textContent ?? '',
        ]),
      );
    expect(items.filter(([, disabled]) => disabled)).toEqual(
      ['folded', 'pprof'].map((kind) => [kind, true, expect.stringContaining('two call trees')]),
    );
    await page.locator('.export-menu summary').click();

    const svg = await openFromDisk((await exportFile(page, 'svg')).path);
    const heading = (await svg.page.locator('g.heading text').allTextContents()).join(' ');
    expect(heading).toMatch(
      /^peakscope: compare loop-invariant-call\/before → loop-invariant-call\/after — allocated bytes: /,
    );
    expect(heading).toContain('grew most');
    expect(await svg.page.locator('g.frame').count()).toBeGreaterThan(3);
    await svg.page.close();

    const onScreen = await page.locator('#diff table.diff-table caption').allTextContents();
    expect(onScreen.length).toBeGreaterThan(0);
    const csv = Papa.parse<string[]>(readFileSync((await exportFile(page, 'csv')).path, 'utf8').trimEnd(), {
      newline: '\r\n',
    }).data;
    expect(new Set(csv.slice(1).map((r) => r[0]))).toEqual(new Set(onScreen.length > 1 ? onScreen : [undefined]));
    const snap = await openFromDisk((await exportFile(page, 'html')).path);
    await snap.page.locator('g.frame').first().waitFor();
    expect(await snap.page.locator('table caption').allTextContents()).toEqual(onScreen);
    expect([snap.requests, snap.errors]).toEqual([[], []]);
    await snap.page.close();
    await page.close();
  });
});

describe('exports with hostile names', () => {
  const hostile = [
    '</script><script>alert(1)</script>.bzl.f',
    '<img src=x onerror=alert(2)>.bzl.g',
    '=HYPERLINK("http://evil.example","x").bzl.h',
    '"quotes" & \'amps\' <!-- .bzl.i',
    'x\u2028y.bzl.j',
  ];
  const text = hostile.map((name, i) => `module;${name};dict ${(i + 1) * 1000}`).join('\n') + '\n';

  async function openHostile(): Promise<Page> {
    const { page } = await h.open();
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: '<b>x</b>.src', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await page.locator(`g.frame[name="${hostile[4]}"]`).first().waitFor();
    await flameSettled(page);
    return page;
  }

  it('keeps them as text in the SVG and the HTML snapshot, which run nothing', async () => {
    const page = await openHostile();
    for (const kind of ['svg', 'html']) {
      const { path } = await exportFile(page, kind);
      const opened = await openFromDisk(path);
      await opened.page.locator('g.frame').first().waitFor();
      const titles = await opened.page
        .locator('g.frame title')
        .evaluateAll((ts) => ts.map((t) => t.textContent!.split('\n')[0]));
      expect(titles).toEqual(expect.arrayContaining(hostile));
      expect(await opened.page.locator('img, iframe, object').count()).toBe(0);
      expect(await opened.page.locator('script').count()).toBe(kind === 'html' ? 2 : 0);
      expect([kind, opened.dialogs, opened.requests]).toEqual([kind, [], []]);
      await opened.page.close();
    }
    await page.close();
  });

  it('neutralises formula cells in the CSV of the top functions', async () => {
    const page = await openHostile();
    await page.keyboard.press('2');
    const rows = Papa.parse<string[]>(readFileSync((await exportFile(page, 'csv')).path, 'utf8').trimEnd(), {
      newline: '\r\n',
    }).data;
    const names = rows.slice(1).map((r) => r[0]);
    expect(names).toContain(`'${hostile[2]}`);
    expect(names).toContain(hostile[0]);
    expect(names.filter((n) => /^[=+\-@]/.test(n!))).toEqual([]);
    await page.close();
  });
});
