// The bench's timed loads, in a Chromium that no DevTools client watches. Playwright enables the
// Network and Runtime domains in every page and worker and holds each new worker until it has
// attached; with DevTools attached, the network service also posts an IPC per chunk received
// (Chromium's ReduceTransferSizeUpdatedIPC sends it "only when DevTools is attached"), which for a
// worker's fetch is handled on the page's main thread: ~1,550 tasks in a 100 MB load. None of
// that happens for a user. Same build, loads alternated, 20 each: peakscope 100 MB 523 ms here
// against 670 ms with those domains on; speedscope 6,213 against 6,084 ms (5 each).
//
// This drives Chromium over `--remote-debugging-pipe` with one domain on the page: Page, to add
// the bench's init script. A page says each end of its load by a request to the bench server
// (`/bench-report`, server.mjs), so nothing asks the page anything until the load has ended.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportStamps } from './probes.mjs';

const CHROMIUM = '/usr/bin/chromium';
const LOAD_TIMEOUT_MS = 15 * 60_000;

/** Playwright's switches that bear on timing (no background throttling, no field trials), and a pipe. */
function switches(profileDir) {
  return [
    '--headless=new',
    '--remote-debugging-pipe',
    `--user-data-dir=${profileDir}`,
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-field-trial-config',
    '--disable-background-networking',
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--disable-renderer-backgrounding',
    '--disable-back-forward-cache',
    '--disable-breakpad',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-dev-shm-usage',
    '--disable-extensions',
    '--disable-hang-monitor',
    '--disable-ipc-flooding-protection',
    '--disable-popup-blocking',
    '--force-color-profile=srgb',
    '--metrics-recording-only',
    '--no-default-browser-check',
    '--no-first-run',
    '--password-store=basic',
    '--use-mock-keychain',
    'about:blank',
  ];
}

/** JSON messages over the pipe (fd 3 out, fd 4 in), each ended by a NUL byte. */
class PipeConnection {
  constructor(child) {
    this.out = child.stdio[3];
    this.pending = new Map();
    this.nextId = 1;
    let buffered = '';
    child.stdio[4].on('data', (data) => {
      buffered += data.toString('utf8');
      for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
        this.receive(JSON.parse(buffered.slice(0, end)));
        buffered = buffered.slice(end + 1);
      }
    });
    const fail = (why) => {
      for (const { reject } of this.pending.values()) reject(new Error(why));
      this.pending.clear();
      this.failed = why;
    };
    child.once('exit', () => fail('Chromium exited'));
    child.once('error', (e) => fail(`Chromium did not start: ${e.message}`));
    // A pipe whose other end is gone (Chromium never started or died) fails the same way.
    this.out.on('error', (e) => fail(this.failed ?? `the pipe to Chromium broke: ${e.message}`));
    child.stdio[4].on('error', (e) => fail(this.failed ?? `the pipe from Chromium broke: ${e.message}`));
  }

  receive(message) {
    const waiting = message.id !== undefined && this.pending.get(message.id);
    if (!waiting) return; // events: none are enabled that the bench needs
    this.pending.delete(message.id);
    if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
    else waiting.resolve(message.result);
  }

  send(method, params = {}, sessionId = undefined) {
    if (this.failed) return Promise.reject(new Error(this.failed));
    const id = this.nextId++;
    this.out.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    return new Promise((resolve, reject) => this.pending.set(id, { method, resolve, reject }));
  }
}

export class PlainBrowser {
  /** Launches Chromium; `server` is the bench server (server.mjs), whose reports it listens to. */
  static async launch(server, { executablePath = CHROMIUM } = {}) {
    const profileDir = mkdtempSync(join(tmpdir(), 'peakscope-bench-'));
    const child = spawn(executablePath, switches(profileDir), {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    });
    const browser = new PlainBrowser(child, profileDir, server);
    try {
      await browser.cdp.send('Browser.getVersion');
    } catch (e) {
      await browser.close();
      throw e;
    }
    return browser;
  }

  constructor(child, profileDir, server) {
    this.child = child;
    this.profileDir = profileDir;
    this.cdp = new PipeConnection(child);
    this.server = server;
    this.loads = 0;
    // Reports are keyed by load: another browser on the same server must never match ours.
    this.id = randomUUID();
  }

  /** A load id no other load on the server has had. */
  nextLoadId() {
    return `${this.id}-${++this.loads}`;
  }

  /**
   * Opens `url` in a fresh browser context (1280×900) with `initSource` run before the page's own
   * scripts, waits until the page reports every key of `until` (for `timeoutMs` at most), and
   * returns what `resultExpression` evaluates to in the page then (JSON), or `{ error }`.
   */
  async load(url, { initSource, until, resultExpression, timeoutMs = LOAD_TIMEOUT_MS }) {
    const loadId = this.nextLoadId();
    const { browserContextId } = await this.cdp.send('Target.createBrowserContext');
    try {
      const { targetId } = await this.cdp.send('Target.createTarget', {
        url: 'about:blank',
        browserContextId,
        width: 1280,
        height: 900,
      });
      const { sessionId } = await this.cdp.send('Target.attachToTarget', { targetId, flatten: true });
      await this.cdp.send('Page.enable', {}, sessionId);
      const source = `${initSource}\n;(${reportStamps})(${JSON.stringify(loadId)});`;
      await this.cdp.send('Page.addScriptToEvaluateOnNewDocument', { source }, sessionId);
      const reached = Promise.all(until.map((key) => this.server.reported(loadId, key, timeoutMs)));
      reached.catch(() => {}); // awaited below, unless the navigation itself fails first
      await this.cdp.send('Page.navigate', { url }, sessionId);
      await reached;
      const { result } = await this.cdp.send(
        'Runtime.evaluate',
        { expression: `JSON.stringify(${resultExpression})`, returnByValue: true },
        sessionId,
      );
      return JSON.parse(result.value);
    } catch (e) {
      return { error: e.message.split('\n')[0] };
    } finally {
      await this.cdp.send('Target.disposeBrowserContext', { browserContextId }).catch(() => {});
    }
  }

  async close() {
    const running = this.child.pid !== undefined && this.child.exitCode === null && this.child.signalCode === null;
    if (running) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill();
      await exited;
    }
    // Chromium's helper processes can still write to the profile for a moment after the browser
    // exits (ENOTEMPTY once in CI): retry for up to ~4 s, then leave the temporary folder be.
    try {
      rmSync(this.profileDir, { recursive: true, force: true, maxRetries: 20, retryDelay: 200 });
    } catch {
      // a leftover folder under the system's temporary directory, nothing of the user's
    }
  }
}
