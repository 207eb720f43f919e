// Starts the parse worker from a tiny classic script inline at the top of <head>, and hands it
// the page's hash, so the worker boots and starts downloading a `#url=` file while the main
// bundle is still on its way (docs/performance.md). Inline, it runs as the head is parsed: an
// external `async` script waited for its own response, and the worker started ~150 ms later.
// The policy allows this one inline script by its hash (tools/csp-plugin.ts). Build only: under
// the dev server the app spawns its worker itself (src/app/head-start.ts).
import type { Plugin } from 'vite';
import { withInlineScript } from './csp-plugin.ts';
// The page finds the canvas by this class (app/first-paint.ts owns it).
import { FIRST_PAINT_CLASS } from '../src/app/first-paint.ts';

export { FIRST_PAINT_CLASS };

/** The global the script leaves the worker in; head-start.ts takes it from there. */
export const PREBOOT_GLOBAL = '__peakscopeWorker';

/** The preboot script for a worker file at `workerFile` (relative to index.html). */
export function prebootSource(workerFile: string): string {
  const name = JSON.stringify(`./${workerFile}`);
  return [
    '// peakscope: boot the parse worker early (tools/worker-preboot-plugin.ts).',
    '(function () {',
    // For a `#url=` load the page's address rides in the worker script's fragment (no part of its
    // cache key), so the worker starts the download as its first script runs; the app's parse
    // request claims it (src/worker/prefetch.ts). A message from here could wait for this thread.
    '  var page = /(^#|&)url=/.test(location.hash) ? "#" + encodeURIComponent(location.href) : "";',
    `  var worker = new Worker(new URL(${name} + page, document.baseURI), { type: "module" });`,
    // A worker that fails to load before the app takes it is dropped; the app spawns another.
    `  worker.onerror = function () { if (self.${PREBOOT_GLOBAL} === worker) self.${PREBOOT_GLOBAL} = null; };`,
    `  self.${PREBOOT_GLOBAL} = worker;`,
    // A plain `#url=` link (no other view setting) gets its first flamegraph drawn by the worker as
    // soon as the tree is built (src/worker/first-paint.ts), on a canvas in the chart's place.
    '  if (!/^#url=[^&]*$/.test(location.hash) || !self.HTMLCanvasElement || !HTMLCanvasElement.prototype.transferControlToOffscreen) return;',
    // As soon as the page is parsed ("interactive" comes before the app's module runs, which
    // DOMContentLoaded waits for) and its stylesheets are in: the chart's width needs the layout.
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
    '    if (flame.hidden) return;',
    '    var width = Math.max(200, Math.floor(flame.clientWidth || 960)), scale = self.devicePixelRatio || 1;',
    '    var canvas = document.createElement("canvas");',
    `    canvas.className = ${JSON.stringify(FIRST_PAINT_CLASS)};`,
    '    canvas.setAttribute("role", "img");',
    // Hidden from assistive technology until drawn (app/first-paint.ts gives it its text then).
    '    canvas.setAttribute("aria-hidden", "true");',
    '    canvas.width = Math.round(width * scale);',
    '    canvas.height = 0;',
    '    flame.appendChild(canvas);',
    // The worker says when it drew (its frame is on screen once its task ends): the canvas gets
    // its text alternative here, while the app may still be starting. Untrusted frame names,
    // set as an attribute value.
    '    worker.addEventListener("message", function (event) {',
    '      if (!event.data || event.data.type !== "first-paint" || !canvas.isConnected) return;',
    '      canvas.setAttribute("aria-label", String(event.data.description));',
    '      canvas.removeAttribute("aria-hidden");',
    '      canvas.setAttribute("data-painted", "1");',
    '    });',
    '    var offscreen = canvas.transferControlToOffscreen();',
    '    worker.postMessage({ type: "first-paint-canvas", canvas: offscreen, width: width, scale: scale }, [offscreen]);',
    '    if (self.performance && performance.mark) performance.mark("peakscope:canvas-sent");',
    '  }',
    '  document.addEventListener("readystatechange", place);',
    '  document.addEventListener("DOMContentLoaded", place);',
    '  place();',
    '})();',
    '',
  ].join('\n');
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
      html.source = withInlineScript(String(html.source), prebootSource(worker));
    },
  };
}
