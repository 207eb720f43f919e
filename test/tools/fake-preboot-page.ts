// A fake page for the preboot script (tools/worker-preboot-plugin.ts): just the DOM, worker and
// timer surface the script touches, recording what it does. The script runs as a classic script
// would, with these as its globals; its import() is swapped for a recorder (new Function has no
// module loader).
import { PREBOOT_GLOBAL, prebootSource, type AppFiles } from '../../tools/worker-preboot-plugin.ts';

export const APP: AppFiles = { entry: './assets/index-Q1.js', preloads: ['./assets/call-tree-Q2.js'] };

export interface PagePosted {
  message: { type: string; width: number; scale: number; canvas: unknown };
  transfer: unknown[];
}

export interface FakePageOptions {
  /** What localStorage holds for the theme; 'throws' for storage the browser blocks. */
  storedTheme?: string | null | 'throws';
  /** The app's module fails to load with this message. */
  importFails?: string;
  systemDark?: boolean;
  offscreen?: boolean;
  flameWidth?: number;
  readyState?: string;
  sheetLoaded?: boolean;
}

type Listener = (event?: unknown) => void;

export class FakeCanvas {
  className = '';
  width = 300;
  height = 150;
  attributes: Record<string, string> = {};
  isConnected = true;
  readonly offscreen = { offscreen: true };
  setAttribute(k: string, v: string) {
    this.attributes[k] = v;
  }
  removeAttribute(k: string) {
    delete this.attributes[k];
  }
  transferControlToOffscreen() {
    return this.offscreen;
  }
}

export class FakePage {
  made = '';
  readonly posted: PagePosted[] = [];
  readonly imported: string[] = [];
  readonly timers: [() => void, number][] = [];
  readonly head: { rel: string; href: string }[] = [];
  readonly children: unknown[] = [];
  /** What the script wrote into #notices, as text. */
  readonly notices: string[] = [];
  private readonly importFails: string | undefined;
  readonly canvas = new FakeCanvas();
  readonly self: Record<string, unknown> = { devicePixelRatio: 2 };
  /** The attributes the script set on <html>. */
  readonly rootAttributes: Record<string, string> = {};
  /** The page's own listeners, by type; the capture-phase (input) ones apart. */
  private readonly listeners: Record<string, Listener[]> = {};
  readonly captured: Record<string, Listener> = {};
  private readonly workerListeners: Listener[] = [];
  private readonly sheet: { sheet: object | null; addEventListener(type: string, f: Listener): void };
  readonly document: Record<string, unknown> & { readyState: string };
  /** The page's theme picker, as the HTML has it. */
  readonly themePicker = { value: 'system' };

  constructor(options: FakePageOptions) {
    this.sheet = {
      sheet: options.sheetLoaded === false ? null : {},
      addEventListener: (type, f) => this.listen(`sheet ${type}`, f),
    };
    this.importFails = options.importFails;
    const notices = { appendChild: (p: { textContent: string }) => this.notices.push(p.textContent) };
    const flame = {
      hidden: false,
      clientWidth: options.flameWidth ?? 1000.6,
      appendChild: (c: unknown) => this.children.push(c),
    };
    this.document = {
      readyState: options.readyState ?? 'loading',
      baseURI: 'https://p.test/app/',
      querySelectorAll: (selector: string) => (selector === 'link[rel=stylesheet]' ? [this.sheet] : []),
      addEventListener: (type: string, f: Listener, capture?: boolean) =>
        capture ? (this.captured[type] = f) : this.listen(type, f),
      removeEventListener: (type: string, f: Listener, capture?: boolean) => {
        if (capture && this.captured[type] === f) delete this.captured[type];
      },
      getElementById: (id: string) => ({ flame, notices, theme: this.themePicker })[id] ?? null,
      createElement: (tag: string) => (tag === 'canvas' ? this.canvas : { rel: '', href: '', textContent: '' }),
      head: { appendChild: (link: { rel: string; href: string }) => this.head.push(link) },
      documentElement: { setAttribute: (k: string, v: string) => (this.rootAttributes[k] = v) },
    };
    this.self.localStorage = {
      getItem: () => {
        if (options.storedTheme === 'throws') throw new Error('storage blocked');
        return options.storedTheme ?? null;
      },
    };
    this.self.matchMedia = (query: string) => ({ matches: query.includes('dark') && options.systemDark === true });
    if (options.offscreen !== false) this.self.HTMLCanvasElement = FakeCanvas;
  }

  private listen(type: string, f: Listener): void {
    (this.listeners[type] ??= []).push(f);
  }

  fire(type: string): void {
    for (const f of this.listeners[type] ?? []) f();
  }

  /** Runs the script for the page at `href`. */
  run(href: string): void {
    const source = prebootSource('assets/parse-worker-AbC123.js', APP).replace('import(new URL', 'importFake(new URL');
    const made = (href: string) => (this.made = href);
    const { posted, workerListeners } = this;
    class FakeWorker {
      onerror: (() => void) | null = null;
      constructor(url: URL) {
        made(url.href);
      }
      postMessage(message: PagePosted['message'], transfer: unknown[]) {
        posted.push({ message, transfer });
      }
      addEventListener(_type: string, f: Listener) {
        workerListeners.push(f);
      }
    }
    const globals = {
      location: new URL(href),
      document: this.document,
      Worker: FakeWorker,
      HTMLCanvasElement: this.self.HTMLCanvasElement,
      self: this.self,
      importFake: (url: string) => {
        this.imported.push(url);
        return this.importFails ? Promise.reject(new TypeError(this.importFails)) : Promise.resolve({});
      },
      setTimeout: (f: () => void, ms: number) => this.timers.push([f, ms]),
    };
    new Function(...Object.keys(globals), source)(...Object.values(globals));
  }

  /** The parser has finished the page: "interactive", before DOMContentLoaded. */
  becomeInteractive(): void {
    this.document.readyState = 'interactive';
    this.fire('readystatechange');
  }

  /** Its stylesheet arrives (when it was still loading), then DOMContentLoaded. */
  finishLoading(): void {
    this.sheet.sheet = {};
    this.fire('sheet load');
    this.fire('DOMContentLoaded');
  }

  /** A message from the worker, as the page receives it. */
  fromWorker(data: unknown): void {
    for (const f of this.workerListeners) f({ data });
  }

  workerFails(): void {
    (this.self[PREBOOT_GLOBAL] as { onerror: () => void }).onerror();
  }
}
