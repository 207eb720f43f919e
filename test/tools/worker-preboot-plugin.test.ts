import { describe, expect, it } from 'vitest';
import { FIRST_PAINT_CLASS as APP_CLASS } from '../../src/app/first-paint.ts';
import { PREBOOT_GLOBAL as APP_GLOBAL } from '../../src/app/head-start.ts';
import { EARLY_INPUT_GLOBAL as APP_INPUT_GLOBAL } from '../../src/app/early-input.ts';
import { resolveTheme, storedTheme } from '../../src/app/theme-choice.ts';
import {
  APP_WAIT_MS,
  EARLY_INPUT_GLOBAL,
  FIRST_PAINT_CLASS,
  PREBOOT_GLOBAL,
  takeAppFiles,
} from '../../tools/worker-preboot-plugin.ts';
import { APP, FakePage, type FakePageOptions } from './fake-preboot-page.ts';

/** Runs the preboot script on a fake page and lets the page finish parsing. */
function runPreboot(href: string, options: FakePageOptions = {}) {
  const page = new FakePage(options);
  page.run(href);
  const before = page.posted.length;
  const importedBefore = page.imported.length;
  page.becomeInteractive();
  const atInteractive = page.posted.length;
  page.finishLoading();
  return Object.assign(page, { before, atInteractive, importedBefore, offscreen: page.canvas.offscreen });
}

describe('worker preboot script', () => {
  it('leaves the worker where the app takes it from, and marks the canvas as the app finds it', () => {
    expect(PREBOOT_GLOBAL).toBe(APP_GLOBAL);
    expect(FIRST_PAINT_CLASS).toBe(APP_CLASS);
    expect(EARLY_INPUT_GLOBAL).toBe(APP_INPUT_GLOBAL);
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

  it('starts the app at once off a first-picture link: modules preloaded as the head is parsed, the entry imported once it is parsed', () => {
    const urls = ['https://p.test/app/assets/call-tree-Q2.js', 'https://p.test/app/assets/index-Q1.js'];
    for (const [href, options] of [
      ['https://p.test/app/', {}],
      ['https://p.test/app/#url=flame.src&zoom=a', {}],
      ['https://p.test/app/#url=flame.src', { offscreen: false }],
    ] as const) {
      const page = new FakePage(options);
      page.run(href);
      expect(page.head.map((l) => [l.rel, new URL(l.href, 'https://p.test/app/').href])).toEqual(
        urls.map((u) => ['modulepreload', u]),
      );
      expect(page.imported).toEqual([]);
      page.becomeInteractive();
      page.finishLoading();
      expect(page.imported).toEqual([urls[1]]);
    }
    // A script that runs after the parse imports at once.
    expect(runPreboot('https://p.test/app/', { readyState: 'interactive' }).importedBefore).toBe(1);
  });

  it('keeps the app waiting for the first picture of a plain `#url=` link, and starts it once', () => {
    const run = runPreboot('https://p.test/app/#url=flame.src');
    expect([run.head, run.imported]).toEqual([[], []]);
    run.fromWorker({ type: 'progress', jobId: -1 });
    expect(run.imported).toEqual([]);
    run.fromWorker({ type: 'first-paint', jobId: -1, description: 'Flamegraph' });
    expect(run.imported).toEqual(['https://p.test/app/assets/index-Q1.js']);
    expect(run.canvas.attributes['data-painted']).toBe('1');
    run.fromWorker({ type: 'no-first-paint', jobId: -1 });
    run.timers.forEach(([f]) => f());
    expect([run.imported.length, run.head.length]).toEqual([1, 2]);
  });

  it('starts the waiting app when no picture will come, the worker fails, the wait is over or the user acts', () => {
    const started = (act: (page: ReturnType<typeof runPreboot>) => void) => {
      const page = runPreboot('https://p.test/app/#url=flame.src');
      act(page);
      return page.imported.length;
    };
    expect(started(() => {})).toBe(0);
    expect(started((p) => p.fromWorker({ type: 'no-first-paint', jobId: -1 }))).toBe(1);
    expect(started((p) => p.workerFails())).toBe(1);
    expect(started((p) => p.timers.filter(([, ms]) => ms === APP_WAIT_MS).forEach(([f]) => f()))).toBe(1);
    for (const type of ['pointerdown', 'keydown'])
      expect(started((p) => p.captured[type]!({ type, preventDefault() {} }))).toBe(1);
  });

  it('keeps what a drop or a paste carried before the app ran, for the app to take once', () => {
    const page = runPreboot('https://p.test/app/#url=flame.src');
    const entry = { isDirectory: true, name: 'out' };
    const file = new File(['a;b 1\n'], 'b.src');
    const prevented: string[] = [];
    const event = (type: string, extra: object) => ({ type, preventDefault: () => prevented.push(type), ...extra });
    page.captured.dragover!(event('dragover', {}));
    const items = [{ kind: 'file', webkitGetAsEntry: () => entry }, { kind: 'string' }];
    page.captured.drop!(event('drop', { dataTransfer: { items, files: [file] } }));
    const clipboard = (text: string) => ({ files: [], getData: (t: string) => (t === 'text/plain' ? text : '') });
    page.captured.paste!(event('paste', { target: { matches: () => false }, clipboardData: clipboard('a;b 2') }));
    // Text pasted into the search field is the field's; an empty paste carries nothing.
    page.captured.paste!(event('paste', { target: { matches: () => true }, clipboardData: clipboard('x') }));
    page.captured.paste!(event('paste', { target: { matches: () => false }, clipboardData: clipboard('') }));
    expect(prevented).toEqual(['dragover', 'drop', 'paste']);
    expect(page.imported.length).toBe(1);
    const take = page.self[EARLY_INPUT_GLOBAL] as () => unknown[];
    expect(take()).toEqual([
      { type: 'drop', entries: [entry], files: [file] },
      { type: 'paste', files: [], text: 'a;b 2' },
    ]);
    // Taken once: the app's own handlers have the page from then on.
    expect(Object.keys(page.captured)).toEqual([]);
    expect(take()).toEqual([]);
  });
});

describe('the preboot script’s app', () => {
  it('says in the page, as text, when the app’s own code cannot be loaded', async () => {
    const page = runPreboot('https://p.test/app/', { importFails: 'Failed to fetch <b>index-Q1.js</b>' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(page.notices).toEqual([
      'peakscope could not load its own code (Failed to fetch <b>index-Q1.js</b>); reload the page to try again.',
    ]);
    const fine = runPreboot('https://p.test/app/');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fine.notices).toEqual([]);
  });
});

describe('the preboot script’s theme', () => {
  it('puts on <html> the theme app/theme.ts would, before the page is first drawn', () => {
    for (const stored of [null, 'light', 'dark', 'system', 'neon', 'throws'] as const) {
      for (const systemDark of [false, true]) {
        const page = new FakePage({ storedTheme: stored, systemDark });
        page.run('https://p.test/app/#url=flame.src');
        const storage = {
          getItem: () => {
            if (stored === 'throws') throw new Error('storage blocked');
            return stored;
          },
        };
        const choice = storedTheme(storage);
        expect(page.rootAttributes).toEqual({
          'data-theme': resolveTheme(choice, systemDark),
          'data-theme-choice': choice,
        });
        // The picker is parsed later: it shows the choice from DOMContentLoaded on.
        expect(page.themePicker.value).toBe('system');
        page.finishLoading();
        expect(page.themePicker.value).toBe(choice);
      }
    }
  });
});

describe('takeAppFiles', () => {
  it("takes the app's module script and preloads out of the built page, in order", () => {
    const html = [
      '<head>',
      '<script type="module" crossorigin src="./assets/index-Q1.js"></script>',
      '<link rel="modulepreload" crossorigin href="./assets/call-tree-Q2.js">',
      '<link rel="stylesheet" crossorigin href="./assets/index-Q3.css">',
      '</head>',
    ].join('\n');
    const taken = takeAppFiles(html);
    expect(taken.app).toEqual(APP);
    expect(taken.html).toBe('<head>\n<link rel="stylesheet" crossorigin href="./assets/index-Q3.css">\n</head>');
    expect(() => takeAppFiles('<head></head>')).toThrow(/0 module scripts/);
  });
});
