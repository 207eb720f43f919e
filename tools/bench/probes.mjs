// What the benchmark injects into pages. Everything here runs inside Chromium: the init
// script (long tasks, worker "done" time, first painted flamegraph) and the interaction
// timers. Painted means: the page shows the flamegraph and one more frame was rendered.

/**
 * Installed with addInitScript before any page script. `app` is 'peakscope' or 'speedscope'.
 * peakscope is painted when its first-paint canvas is drawn or a flamegraph rect has a width
 * (d3-flame-graph's SVG), and interactive at the latter;
 * speedscope when it has set `document.title` to "<profile> - speedscope" (done right after
 * import, application.tsx) and its WebGL canvas exists, plus one frame for the canvas draw.
 */
export function initScript(app) {
  const bench = { app, longTasks: [], paintedAt: 0, interactiveAt: 0, parsedAt: 0, firstProgressAt: 0 };
  window.__bench = bench;
  // Each end of a load is also said on the console (measure.mjs stampMessage), where the bench
  // waits for it: polling the page from Playwright injected its script into the page mid-load.
  const stamp = (key) => {
    bench[key] = performance.now();
    console.debug(`__bench ${key}`);
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  // The parse window ends when peakscope's worker posts its result.
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        const type = e.data && e.data.type;
        if (type === 'progress' && !bench.firstProgressAt) bench.firstProgressAt = performance.now();
        if (type === 'done' && !bench.parsedAt) stamp('parsedAt');
      });
    }
  };
  // peakscope's first flamegraph is the worker's canvas once the page has been told it is drawn
  // (src/app/first-paint.ts), else the d3-flame-graph SVG; `interactiveAt` stamps the SVG alone.
  const svgShown = () => {
    const rect = document.querySelector('#flame svg g.frame rect');
    return rect !== null && Number(rect.getAttribute('width')) > 0;
  };
  const shown =
    app === 'peakscope'
      ? () => svgShown() || document.querySelector('#flame canvas.first-paint[data-painted]') !== null
      : () => document.title.endsWith(' - speedscope') && document.querySelector('canvas') !== null;
  /** Stamps `key` after the frame in which `ready()` first holds (plus `extra` frames) is painted. */
  const stampWhen = (key, ready, extra) => {
    const tick = () => {
      if (!ready() || extra-- > 0) return void requestAnimationFrame(tick);
      // A message posted from rAF is handled after that frame is painted.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => stamp(key);
      channel.port2.postMessage(0);
    };
    requestAnimationFrame(tick);
  };
  stampWhen('paintedAt', shown, app === 'speedscope' ? 1 : 0);
  if (app === 'peakscope') stampWhen('interactiveAt', svgShown, 0);
}

/**
 * Installed after initScript by the bench's DevTools-free browser (plain-browser.mjs), where no
 * one reads the console: each `__bench <key>` a page says (initScript's stamps, the floor page's
 * end) is also sent to the bench server as `/bench-report?load=<loadId>&key=<key>`.
 */
export function reportStamps(loadId) {
  const say = console.debug.bind(console);
  console.debug = (message, ...rest) => {
    if (typeof message === 'string' && message.startsWith('__bench ')) {
      const key = encodeURIComponent(message.slice('__bench '.length));
      fetch(`/bench-report?load=${encodeURIComponent(loadId)}&key=${key}`, { cache: 'no-store' }).catch(() => {});
    }
    return say(message, ...rest);
  };
}

/**
 * Times one interaction on peakscope's flamegraph, in the page: from the trigger to the
 * frame painted after the first DOM change it causes ("first"), and to the first frame
 * after which nothing changed any more ("settled", which includes the 120 ms transition).
 */
export function timeInteraction({ kind, seed }) {
  let state = seed >>> 0;
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
  const host = document.getElementById('flame');
  // The chart keeps the views a zoom left, hidden, after the shown one (views/flamegraph.ts).
  const shownFrames = () => host.querySelectorAll('.flame-chart > :not(.kept) svg g.frame');
  const frames = [...shownFrames()].filter((g) => {
    const d = g.__data__;
    const w = Number(g.querySelector('rect')?.getAttribute('width'));
    return d && d.data && !d.data.merged && d.data.node > 0 && w > 20 && w < host.clientWidth * 0.9;
  });
  let trigger;
  if (kind === 'zoom-in') {
    if (frames.length === 0) return Promise.resolve({ error: 'no frame to click' });
    const g = frames[Math.floor(random() * frames.length)];
    trigger = () => g.querySelector('rect').dispatchEvent(new MouseEvent('click', { bubbles: true }));
  } else if (kind === 'zoom-out') {
    trigger = () => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '0', bubbles: true }));
  } else {
    // The regex toggle searches at once (typing waits out a 120 ms debounce first). A term other
    // than the current one: the same term again (a few names are wide enough to pick from)
    // changes no frame, and a view that recolours only changed frames then draws nothing.
    const search = document.getElementById('search');
    const terms = frames
      .map((g) => g.__data__.data.name)
      .filter((n) => n && n.includes('.bzl.'))
      .map((name) => name.slice(name.lastIndexOf('.') + 1))
      .filter((t) => t !== search.value);
    const term = terms.length ? terms[Math.floor(random() * terms.length)] : search.value === 'merge' ? 'cxx' : 'merge';
    const regex = document.getElementById('regex');
    trigger = () => {
      search.value = term;
      regex.checked = !regex.checked;
      regex.dispatchEvent(new Event('change', { bubbles: true }));
    };
  }
  return new Promise((resolve) => {
    let first = 0;
    let lastChange = 0;
    let t0 = 0;
    const observer = new MutationObserver(() => {
      lastChange = performance.now();
      if (first) return;
      first = -1;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          first = performance.now() - t0;
          watchSettle();
        };
        channel.port2.postMessage(0);
      });
    });
    const watchSettle = () => {
      let seen = lastChange;
      const frame = () => {
        if (lastChange === seen || performance.now() - t0 > 5000) {
          observer.disconnect();
          return resolve({
            first,
            settled: performance.now() - t0,
            frames: shownFrames().length,
          });
        }
        seen = lastChange;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    };
    observer.observe(host, { subtree: true, childList: true, attributes: true });
    setTimeout(() => {
      if (first === 0) {
        observer.disconnect();
        resolve({ error: `${kind}: nothing changed within 5 s` });
      }
    }, 5000);
    t0 = performance.now();
    trigger();
  });
}

/**
 * Runs one worker job in the harness page on the file held in memory as a Blob (what a
 * dropped file is), so the figure is parse throughput, not loopback HTTP throughput.
 * kind: 'lower' (decode + count lines), 'parse' (parseChunks only), 'app' (the app's worker:
 * parse, derive, transfer).
 */
export async function timeWorker({ workerUrl, fileUrl, kind, viaUrl = false }) {
  window.__blobs ??= {};
  if (!viaUrl) window.__blobs[fileUrl] ??= await (await fetch(fileUrl)).blob();
  const blob = viaUrl ? null : window.__blobs[fileUrl];
  return new Promise((resolve) => {
    const worker = kind === 'lower' ? new Worker(workerUrl) : new Worker(workerUrl, { type: 'module' });
    const started = performance.now();
    worker.onerror = (e) => resolve({ error: e.message || 'worker error' });
    worker.onmessage = (e) => {
      if (kind !== 'app') resolve(e.data);
      else if (e.data.type === 'done')
        resolve({ ms: performance.now() - started, nodes: e.data.sets[0]?.files[0]?.profile?.tree?.name.length ?? 0 });
      else if (e.data.type === 'failed') resolve({ error: e.data.message });
      if (kind !== 'app' || e.data.type === 'done' || e.data.type === 'failed') worker.terminate();
    };
    const input = viaUrl
      ? { kind: 'url', path: 'bench.src', url: fileUrl }
      : { kind: 'file', path: 'bench.src', file: blob };
    worker.postMessage(
      kind === 'app' ? { type: 'parse', jobId: 1, inputs: [input] } : viaUrl ? { url: fileUrl } : { blob },
    );
  });
}
