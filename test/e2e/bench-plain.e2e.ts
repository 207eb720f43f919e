// The bench's DevTools-free browser (tools/bench/plain-browser.mjs), which times its loads: it
// must see the pages' reported ends, return their figures and stay usable load after load.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs bench module without types
import { plainFloorLoad, plainLoadToPaint } from '../../tools/bench/measure.mjs';
// @ts-expect-error: a plain .mjs bench module without types
import { PlainBrowser } from '../../tools/bench/plain-browser.mjs';
// @ts-expect-error: a plain .mjs bench module without types
import { startServer } from '../../tools/bench/server.mjs';
import { REPO_ROOT } from '../samples.ts';
import { ensureBuilt } from './harness.ts';

const SAMPLE = 'loop-invariant-call/before/heap-flame-allocated/flame.src';

describe('the bench’s DevTools-free loads', () => {
  let server: { origin: string; close(): Promise<void> };
  let plain: { close(): Promise<void> };

  beforeAll(async () => {
    await ensureBuilt();
    server = await startServer({
      '/app/': join(REPO_ROOT, 'dist'),
      '/bench/': join(REPO_ROOT, 'tools', 'bench', 'harness'),
      '/inputs/': join(REPO_ROOT, 'samples'),
    });
    plain = await PlainBrowser.launch(server);
  }, 120_000);

  afterAll(async () => {
    await plain?.close();
    await server?.close();
  });

  it('times the floor page and peakscope’s first picture and chart from navigation start', async () => {
    expect(existsSync(join(REPO_ROOT, 'samples', SAMPLE))).toBe(true);
    const fileUrl = `${server.origin}/inputs/${SAMPLE}`;
    const floor = await plainFloorLoad(plain, server.origin, fileUrl);
    expect(floor).toBeGreaterThan(0);
    const load = await plainLoadToPaint(
      plain,
      'peakscope',
      `${server.origin}/app/index.html#url=${encodeURIComponent(fileUrl)}`,
    );
    expect(load.error).toBeUndefined();
    expect(load.loadToPaintMs).toBeGreaterThan(0);
    expect(load.interactiveMs).toBeGreaterThanOrEqual(load.loadToPaintMs);
    // A second load in a fresh context of the same browser.
    const again = await plainLoadToPaint(
      plain,
      'peakscope',
      `${server.origin}/app/index.html#url=${encodeURIComponent(fileUrl)}`,
    );
    expect(again.loadToPaintMs).toBeGreaterThan(0);
  }, 120_000);

  it('says a page that never reports as an error, not a time', async () => {
    const browser = plain as unknown as { load(url: string, options: object): Promise<{ error?: string }> };
    // The harness's index page runs nothing and reports no end.
    const result = await browser.load(`${server.origin}/bench/index.html`, {
      initSource: '',
      until: ['floor'],
      resultExpression: 'window.__floor',
      timeoutMs: 3000,
    });
    expect(result.error).toMatch(/no floor within 3000 ms/);
  }, 60_000);
});
