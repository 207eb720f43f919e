import { describe, expect, it } from 'vitest';
import { FIRST_PAINT_CLASS as APP_CLASS } from '../../src/app/first-paint.ts';
import { PREBOOT_GLOBAL as APP_GLOBAL } from '../../src/app/head-start.ts';
import { FIRST_PAINT_CLASS, PREBOOT_GLOBAL, prebootSource } from '../../tools/worker-preboot-plugin.ts';

interface Posted {
  message: { type: string; width: number; scale: number; canvas: unknown };
  transfer: unknown[];
}

/** Runs the classic script against a fake page: the worker script URL, what it posted, the canvas it added. */
function runPreboot(
  href: string,
  options: { offscreen?: boolean; flameWidth?: number; readyState?: string; sheetLoaded?: boolean } = {},
) {
  const source = prebootSource('assets/parse-worker-AbC123.js');
  let made = '';
  const posted: Posted[] = [];
  const listeners: Record<string, () => void> = {};
  const children: Record<string, unknown>[] = [];
  const offscreen = { offscreen: true };
  const canvas = {
    className: '',
    width: 300,
    height: 150,
    attributes: {} as Record<string, string>,
    isConnected: true,
    setAttribute(k: string, v: string) {
      this.attributes[k] = v;
    },
    removeAttribute(k: string) {
      delete this.attributes[k];
    },
    transferControlToOffscreen: () => offscreen,
  };
  const flame = {
    hidden: false,
    clientWidth: options.flameWidth ?? 1000.6,
    appendChild: (c: never) => children.push(c),
  };
  class FakeWorker {
    constructor(url: URL) {
      made = url.href;
    }
    postMessage(message: Posted['message'], transfer: unknown[]) {
      posted.push({ message, transfer });
    }
    addEventListener(type: string, f: (event: { data: unknown }) => void) {
      workerListeners.push(f);
    }
  }
  const workerListeners: ((event: { data: unknown }) => void)[] = [];
  /** A message from the worker, as the page receives it. */
  const fromWorker = (data: unknown) => workerListeners.forEach((f) => f({ data }));
  const canvasClass = function () {};
  if (options.offscreen !== false) canvasClass.prototype.transferControlToOffscreen = () => offscreen;
  const sheet = {
    sheet: options.sheetLoaded === false ? null : {},
    addEventListener: (type: string, f: () => void) => (listeners[`sheet ${type}`] = f),
  };
  const document = {
    readyState: options.readyState ?? 'loading',
    baseURI: 'https://p.test/app/',
    querySelectorAll: (selector: string) => (selector === 'link[rel=stylesheet]' ? [sheet] : []),
    addEventListener: (type: string, f: () => void) => (listeners[type] = f),
    getElementById: (id: string) => (id === 'flame' ? flame : null),
    createElement: () => canvas,
  };
  const scope = {
    location: new URL(href),
    document,
    Worker: FakeWorker,
    HTMLCanvasElement: canvasClass,
    self: { HTMLCanvasElement: canvasClass, devicePixelRatio: 2 },
  };
  new Function(...Object.keys(scope), source)(...Object.values(scope));
  const before = posted.length;
  // The parser finishes the page ("interactive", before the app's module runs), then the
  // stylesheet arrives when it was still loading, then DOMContentLoaded.
  document.readyState = 'interactive';
  listeners.readystatechange?.();
  const atInteractive = posted.length;
  sheet.sheet = {};
  listeners['sheet load']?.();
  listeners.DOMContentLoaded?.();
  return { made, posted, children, canvas, offscreen, before, atInteractive, fromWorker };
}

describe('worker preboot script', () => {
  it('leaves the worker where the app takes it from, and marks the canvas as the app finds it', () => {
    expect(PREBOOT_GLOBAL).toBe(APP_GLOBAL);
    expect(FIRST_PAINT_CLASS).toBe(APP_CLASS);
  });

  it('boots the worker file next to it as a module, with the page address in its fragment only for a `#url=`', () => {
    const page = 'https://p.test/app/#url=flame.src&zoom=a%3Bb';
    expect(runPreboot(page).made).toBe(`https://p.test/app/assets/parse-worker-AbC123.js#${encodeURIComponent(page)}`);
    expect(runPreboot('https://p.test/app/#zoom=a').made).toBe('https://p.test/app/assets/parse-worker-AbC123.js');
  });

  it('hands the worker a canvas in the chart’s place for a plain `#url=` link, once the page is parsed', () => {
    const run = runPreboot('https://p.test/app/#url=flame.src');
    expect(run.children).toEqual([run.canvas]);
    expect(run.canvas.className).toBe(FIRST_PAINT_CLASS);
    expect(run.canvas.attributes.role).toBe('img');
    // Not announced as an empty picture: the page gives it its text alternative once drawn.
    expect(run.canvas.attributes['aria-hidden']).toBe('true');
    // As wide as the chart in device pixels, no height until the worker draws.
    expect([run.canvas.width, run.canvas.height]).toEqual([2000, 0]);
    expect(run.posted).toEqual([
      {
        message: { type: 'first-paint-canvas', canvas: run.offscreen, width: 1000, scale: 2 },
        transfer: [run.offscreen],
      },
    ]);
  });

  it('describes the canvas when the worker says it drew, with the description as text', () => {
    const run = runPreboot('https://p.test/app/#url=flame.src');
    run.fromWorker({ type: 'progress', jobId: 0 });
    expect(run.canvas.attributes['data-painted']).toBeUndefined();
    run.fromWorker({ type: 'first-paint', jobId: 0, description: 'Flamegraph of bytes; <b>a.bzl</b> 40%' });
    expect(run.canvas.attributes).toMatchObject({
      'aria-label': 'Flamegraph of bytes; <b>a.bzl</b> 40%',
      'data-painted': '1',
    });
    expect(run.canvas.attributes['aria-hidden']).toBeUndefined();
  });

  it('hands it over as soon as the page is parsed and styled, before the app has run, and once', () => {
    const run = runPreboot('https://p.test/app/#url=flame.src');
    expect([run.before, run.atInteractive, run.posted.length]).toEqual([0, 1, 1]);
    // A stylesheet still loading at "interactive": the canvas waits for it (the width needs it).
    const late = runPreboot('https://p.test/app/#url=flame.src', { sheetLoaded: false });
    expect([late.atInteractive, late.posted.length]).toEqual([0, 1]);
    // A script that runs after the parse hands it over at once.
    expect(runPreboot('https://p.test/app/#url=flame.src', { readyState: 'interactive' }).before).toBe(1);
  });

  it('sends no canvas when the link sets anything else of the view, or the browser has no OffscreenCanvas', () => {
    for (const page of [
      'https://p.test/app/#url=flame.src&zoom=a',
      'https://p.test/app/#tab=table&url=x',
      'https://p.test/app/',
    ])
      expect(runPreboot(page).posted).toEqual([]);
    expect(runPreboot('https://p.test/app/#url=flame.src', { offscreen: false }).posted).toEqual([]);
  });
});
