// JS memory of a page and its workers through the browser's DevTools protocol: each isolate's
// used heap plus the ArrayBuffer backing stores it holds (typed-array trees live there, so
// the heap alone would flatter peakscope). Playwright gives CDP sessions for pages only, so
// workers are reached with Target.attachToTarget and messages sent through the browser session.

export class HeapProbe {
  constructor(cdp, origin) {
    this.cdp = cdp;
    this.origin = origin;
    this.sessions = new Map(); // targetId → sessionId
    this.waiting = new Map();
    this.nextId = 0;
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const message = JSON.parse(e.message);
      const resolve = this.waiting.get(message.id);
      if (!resolve) return;
      this.waiting.delete(message.id);
      resolve(message.result ?? null);
    });
  }

  static async open(browser, origin) {
    return new HeapProbe(await browser.newBrowserCDPSession(), origin);
  }

  send(sessionId, method, params = {}, timeoutMs = 5000) {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      // A worker that ends while asked never answers; a busy main thread answers late.
      const timer = setTimeout(() => this.waiting.delete(id) && resolve(null), timeoutMs);
      timer.unref();
      this.waiting.set(id, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      this.cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(() => resolve(null));
    });
  }

  /** Sessions for every page and worker served from our origin (workers come and go). */
  async targets() {
    const { targetInfos } = await this.cdp.send('Target.getTargets');
    const ours = targetInfos.filter((t) => (t.type === 'page' || t.type === 'worker') && t.url.startsWith(this.origin));
    for (const t of ours) {
      if (this.sessions.has(t.targetId)) continue;
      try {
        const { sessionId } = await this.cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
        this.sessions.set(t.targetId, sessionId);
      } catch {
        // gone already
      }
    }
    return ours
      .filter((t) => this.sessions.has(t.targetId))
      .map((t) => ({ type: t.type, sessionId: this.sessions.get(t.targetId) }));
  }

  /** Bytes held now (garbage included unless `collect`), summed over the page and its workers. */
  async measure({ collect = false } = {}) {
    let page = 0;
    let workers = 0;
    const timeout = collect ? 180_000 : 5000;
    for (const t of await this.targets()) {
      if (collect) await this.send(t.sessionId, 'HeapProfiler.collectGarbage', {}, timeout);
      const u = await this.send(t.sessionId, 'Runtime.getHeapUsage', {}, timeout);
      // A page that does not answer at all is a failed measurement, not an empty page.
      if (!u) {
        if (t.type === 'page') return { page: NaN, workers: NaN, total: NaN };
        continue;
      }
      const bytes = u.usedSize + (u.backingStorageSize ?? 0);
      if (t.type === 'page') page += bytes;
      else workers += bytes;
    }
    return { page, workers, total: page + workers };
  }

  /** Samples every `everyMs` until `stop()` is called; resolves to the highest total seen. */
  sample(everyMs = 400) {
    let running = true;
    let peak = { page: 0, workers: 0, total: 0 };
    const loop = (async () => {
      while (running) {
        const m = await this.measure().catch(() => null);
        if (m && m.total > peak.total) peak = m;
        await new Promise((r) => setTimeout(r, everyMs));
      }
      return peak;
    })();
    return { stop: () => ((running = false), loop) };
  }

  async close() {
    await this.cdp.detach().catch(() => {});
  }
}
