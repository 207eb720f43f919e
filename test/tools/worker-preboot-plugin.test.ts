import { describe, expect, it } from 'vitest';
import { FIRST_PAINT_CLASS as APP_CLASS } from '../../src/app/first-paint.ts';
import { PREBOOT_GLOBAL as APP_GLOBAL } from '../../src/app/head-start.ts';
import { FIRST_PAINT_CLASS, PREBOOT_GLOBAL, prebootSource } from '../../tools/worker-preboot-plugin.ts';

interface Posted {
  message: { type: string; width: number; scale: number; canvas: unknown };
  transfer: unknown[];
}

/** Runs the classic script against a fake page: the worker script URL, what it posted, the canvas it added. */
function runPreboot(href: string, options: { offscreen?: boolean; flameWidth?: number } = {}) {
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
    setAttribute(k: string, v: string) {
      this.attributes[k] = v;
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
  }
  const canvasClass = function () {};
  if (options.offscreen !== false) canvasClass.prototype.transferControlToOffscreen = () => offscreen;
  const scope = {
    location: new URL(href),
    document: {
      currentScript: { src: 'https://p.test/app/assets/preboot-x.js' },
      addEventListener: (type: string, f: () => void) => (listeners[type] = f),
      getElementById: (id: string) => (id === 'flame' ? flame : null),
      createElement: () => canvas,
    },
    Worker: FakeWorker,
    HTMLCanvasElement: canvasClass,
    self: { HTMLCanvasElement: canvasClass, devicePixelRatio: 2 },
  };
  new Function(...Object.keys(scope), source)(...Object.values(scope));
  listeners.DOMContentLoaded?.();
  return { made, posted, children, canvas, offscreen };
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
