// Starts the parse worker from a tiny classic script inline at the top of <head>, and hands it
// the page's hash, so the worker boots and starts downloading a `#url=` file while the main
// bundle is still on its way (docs/performance.md). Inline, it runs as the head is parsed: an
// external `async` script waited for its own response, and the worker started ~150 ms later.
// The script also starts the app (the build's module entry, taken out of the HTML here): at
// once, or, for a link the worker draws a first picture for, once that picture is drawn.
// The policy allows this one inline script by its hash (tools/csp-plugin.ts). Build only: under
// the dev server the app spawns its worker itself (src/app/head-start.ts).
import type { Plugin } from 'vite';
import { withInlineScript } from './csp-plugin.ts';
// The page finds the canvas by this class (app/first-paint.ts owns it).
import { FIRST_PAINT_CLASS } from '../src/app/first-paint.ts';
import { EARLY_INPUT_GLOBAL } from '../src/app/early-input.ts';
import { THEME_STORAGE_KEY, THEMES } from '../src/app/theme-choice.ts';

export { FIRST_PAINT_CLASS, EARLY_INPUT_GLOBAL };

/** The global the script leaves the worker in; head-start.ts takes it from there. */
export const PREBOOT_GLOBAL = '__peakscopeWorker';

/**
 * How long a first-picture link may keep the app waiting: past it the app starts anyway, to show
 * the progress of a long download. Heap flames up to 300 MB are drawn before it here (~1 s); a
 * wait of 1 s started the app near the end of a 300 MB load and cost it ~40 ms (1,020 against
 * 982 ms, 8 loads each).
 */
export const APP_WAIT_MS = 2000;

/** The app's module entry and the modules it imports at once, relative to index.html. */
export interface AppFiles {
  entry: string;
  preloads: string[];
}

/** The preboot script for a worker file at `workerFile` and the app's files (relative to index.html). */
export function prebootSource(workerFile: string, app: AppFiles): string {
  return [
    '// peakscope: boot the parse worker early, then start the app (tools/worker-preboot-plugin.ts).',
    '(function () {',
    ...applyTheme(),
    ...bootWorker(workerFile),
    ...startApp(app),
    ...keepEarlyInput(),
    ...firstPicture(),
    '})();',
    '',
  ].join('\n');
}

/**
 * The stored theme, on <html> before the page is first drawn, as app/theme.ts (wireTheme) sets
 * it once the app runs: the page and the first picture's background never flash the other
 * theme while the app waits for that picture.
 */
function applyTheme(): string[] {
  return [
    '  var choice = null;',
    '  try {',
    `    choice = self.localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});`,
    '  } catch (e) {}',
    // As storedTheme (app/theme-choice.ts): anything but a known choice is the system's.
    `  if (${JSON.stringify(THEMES)}.indexOf(choice) < 0) choice = "system";`,
    '  var systemDark = !!(self.matchMedia && self.matchMedia("(prefers-color-scheme: dark)").matches);',
    '  var theme = choice === "system" ? (systemDark ? "dark" : "light") : choice;',
    '  document.documentElement.setAttribute("data-theme", theme);',
    '  document.documentElement.setAttribute("data-theme-choice", choice);',
    // The picker, once parsed, shows that choice too (it said "system" until the app ran).
    '  document.addEventListener("DOMContentLoaded", function () {',
    '    var picker = document.getElementById("theme");',
    '    if (picker) picker.value = choice;',
    '  });',
  ];
}

function bootWorker(workerFile: string): string[] {
  return [
    // For a `#url=` load the page's address rides in the worker script's fragment (no part of its
    // cache key), so the worker starts the download as its first script runs; the app's parse
    // request claims it (src/worker/prefetch.ts). A message from here could wait for this thread.
    '  var page = /(^#|&)url=/.test(location.hash) ? "#" + encodeURIComponent(location.href) : "";',
    `  var worker = new Worker(new URL(${JSON.stringify(`./${workerFile}`)} + page, document.baseURI), { type: "module" });`,
    // A worker that fails to load before the app takes it is dropped; the app spawns another.
    '  worker.onerror = function () {',
    `    if (self.${PREBOOT_GLOBAL} === worker) self.${PREBOOT_GLOBAL} = null;`,
    '    startApp();',
    '  };',
    `  self.${PREBOOT_GLOBAL} = worker;`,
  ];
}

/**
 * `startApp()`: preloads the app's modules and imports its entry once the page is parsed (the
 * app reads the DOM as it starts, as a module script in the HTML would).
 */
function startApp(app: AppFiles): string[] {
  return [
    `  var app = ${JSON.stringify(app)};`,
    '  var started = false;',
    '  function startApp() {',
    '    if (started) return;',
    '    started = true;',
    '    var files = app.preloads.concat([app.entry]);',
    '    for (var i = 0; i < files.length; i++) {',
    '      var link = document.createElement("link");',
    '      link.rel = "modulepreload";',
    '      link.href = files[i];',
    '      document.head.appendChild(link);',
    '    }',
    '    if (document.readyState !== "loading") importApp();',
    '    else document.addEventListener("DOMContentLoaded", importApp);',
    '  }',
    '  function importApp() {',
    // A page whose own code cannot load says so (a deploy replaced the files, the network went):
    // it would otherwise sit there, picture and all, answering nothing.
    '    import(new URL(app.entry, document.baseURI).href).catch(function (e) {',
    '      var notices = document.getElementById("notices");',
    '      if (!notices) return;',
    '      var line = document.createElement("p");',
    '      line.textContent = "peakscope could not load its own code (" + String((e && e.message) || e) + "); reload the page to try again.";',
    '      notices.appendChild(line);',
    '    });',
    '  }',
  ];
}

/**
 * Until the app has its own handlers, input starts it at once; a drop or a paste meanwhile is
 * kept for it (app/early-input.ts takes it), not lost or opened by the browser in the tab. What
 * is kept is what only the event can give: a dropped item's entry, the files, the text.
 */
function keepEarlyInput(): string[] {
  return [
    '  var held = [];',
    '  var kinds = ["pointerdown", "keydown", "dragover", "drop", "paste"];',
    '  function early(event) {',
    '    startApp();',
    '    if (event.type === "dragover") event.preventDefault();',
    '    else if (event.type === "drop") keepDrop(event);',
    '    else if (event.type === "paste") keepPaste(event);',
    '  }',
    '  function keepDrop(event) {',
    '    event.preventDefault();',
    '    var transfer = event.dataTransfer;',
    '    if (!transfer) return;',
    '    var items = transfer.items || [], entries = [];',
    '    for (var i = 0; i < items.length; i++) {',
    '      if (items[i].kind === "file") entries.push(items[i].webkitGetAsEntry ? items[i].webkitGetAsEntry() : null);',
    '    }',
    '    held.push({ type: "drop", entries: entries, files: Array.prototype.slice.call(transfer.files) });',
    '  }',
    '  function keepPaste(event) {',
    // Text pasted into the search field is the field's (as in app/input.ts).
    '    if (event.target && event.target.matches && event.target.matches("input[type=search], input[type=text]")) return;',
    '    var data = event.clipboardData;',
    '    if (!data) return;',
    '    var files = Array.prototype.slice.call(data.files), text = data.getData("text/plain");',
    '    if (files.length === 0 && !text) return;',
    '    event.preventDefault();',
    '    held.push({ type: "paste", files: files, text: text });',
    '  }',
    '  for (var k = 0; k < kinds.length; k++) document.addEventListener(kinds[k], early, true);',
    `  self.${EARLY_INPUT_GLOBAL} = function () {`,
    '    for (var k = 0; k < kinds.length; k++) document.removeEventListener(kinds[k], early, true);',
    '    var taken = held;',
    '    held = [];',
    '    return taken;',
    '  };',
  ];
}

/**
 * A plain `#url=` link (no other view setting) gets its first flamegraph drawn by the worker as
 * soon as the tree is built (src/worker/first-paint.ts), on a canvas in the chart's place, and
 * the app starts after it: on 2 cores the app's start took CPU from the download and the parse
 * (A/B in docs/performance.md). Anything else starts the app at once.
 */
function firstPicture(): string[] {
  return [
    '  if (!/^#url=[^&]*$/.test(location.hash) || !self.HTMLCanvasElement || !HTMLCanvasElement.prototype.transferControlToOffscreen) {',
    '    startApp();',
    '    return;',
    '  }',
    `  setTimeout(startApp, ${APP_WAIT_MS});`,
    '  var canvas = null;',
    // The worker says when it drew (its frame is on screen once its task ends): the canvas gets
    // its text alternative (untrusted frame names, set as an attribute value), then the app starts.
    '  worker.addEventListener("message", function (event) {',
    '    var type = event.data && event.data.type;',
    '    if (type === "first-paint" && canvas && canvas.isConnected) {',
    '      canvas.setAttribute("aria-label", String(event.data.description));',
    '      canvas.removeAttribute("aria-hidden");',
    '      canvas.setAttribute("data-painted", "1");',
    '    }',
    '    if (type === "first-paint" || type === "no-first-paint") startApp();',
    '  });',
    ...placeCanvas(),
    '  document.addEventListener("readystatechange", place);',
    '  document.addEventListener("DOMContentLoaded", place);',
    '  place();',
  ];
}

/** `place()`: puts `canvas` in the chart's place and hands it to the worker. */
function placeCanvas(): string[] {
  return [
    // As soon as the page is parsed ("interactive") and its stylesheets are in: the chart's
    // width needs the layout.
    '  var placed = false;',
    '  function place() {',
    '    var flame = document.getElementById("flame");',
    '    if (placed || document.readyState === "loading" || !flame) return;',
    '    var sheets = document.querySelectorAll("link[rel=stylesheet]");',
    '    for (var i = 0; i < sheets.length; i++) {',
    '      if (sheets[i].sheet) continue;',
    '      sheets[i].addEventListener("load", place);',
    '      sheets[i].addEventListener("error", place);',
    '      return;',
    '    }',
    '    placed = true;',
    '    if (flame.hidden) return startApp();',
    '    var width = Math.max(200, Math.floor(flame.clientWidth || 960)), scale = self.devicePixelRatio || 1;',
    '    canvas = document.createElement("canvas");',
    `    canvas.className = ${JSON.stringify(FIRST_PAINT_CLASS)};`,
    '    canvas.setAttribute("role", "img");',
    // Hidden from assistive technology until drawn (app/first-paint.ts gives it its text then).
    '    canvas.setAttribute("aria-hidden", "true");',
    '    canvas.width = Math.round(width * scale);',
    '    canvas.height = 0;',
    '    flame.appendChild(canvas);',
    '    var offscreen = canvas.transferControlToOffscreen();',
    '    worker.postMessage({ type: "first-paint-canvas", canvas: offscreen, width: width, scale: scale }, [offscreen]);',
    '    if (self.performance && performance.mark) performance.mark("peakscope:canvas-sent");',
    '  }',
  ];
}

const MODULE_SCRIPT = /\s*<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>/g;
const MODULE_PRELOAD = /\s*<link rel="modulepreload"[^>]*\shref="([^"]+)"[^>]*>/g;

/** Takes the app's module script and preloads out of the built HTML: the preboot script starts them. */
export function takeAppFiles(html: string): { html: string; app: AppFiles } {
  const entries = [...html.matchAll(MODULE_SCRIPT)].map((m) => m[1]!);
  if (entries.length !== 1) throw new Error(`worker preboot: index.html has ${entries.length} module scripts, not 1`);
  const preloads = [...html.matchAll(MODULE_PRELOAD)].map((m) => m[1]!);
  return { html: html.replace(MODULE_SCRIPT, '').replace(MODULE_PRELOAD, ''), app: { entry: entries[0]!, preloads } };
}

export function workerPrebootPlugin(): Plugin {
  return {
    name: 'peakscope-worker-preboot',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const worker = Object.keys(bundle).find((f) => /(^|\/)parse-worker-[^/]*\.js$/.test(f));
      const html = bundle['index.html'];
      if (!worker || !html || html.type !== 'asset') {
        this.error(
          `worker preboot: found ${worker ? '' : 'no parse worker '}${html ? '' : 'no index.html'} in the bundle`,
        );
      }
      const { html: rest, app } = takeAppFiles(String(html.source));
      html.source = withInlineScript(rest, prebootSource(worker, app));
    },
  };
}
