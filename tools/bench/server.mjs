// One local static server for the benchmark, on 127.0.0.1 only: the built app (/app/),
// speedscope's npm release (/speedscope/), the generated inputs (/inputs/) and the bench's
// own harness pages (/bench/). Files stream from disk with Content-Length, never cached.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
};

/** Resolves a URL path under one of the mounts, refusing anything that climbs out. */
function resolvePath(mounts, urlPath) {
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (!urlPath.startsWith(prefix)) continue;
    let rest = decodeURIComponent(urlPath.slice(prefix.length)) || 'index.html';
    if (rest.endsWith('/')) rest += 'index.html';
    const path = normalize(join(dir, rest));
    if (path === dir || path.startsWith(dir + sep)) return path;
  }
  return null;
}

/**
 * Files up to this size are served from memory, read once: a static server with sendfile
 * spends next to no CPU, and on 2 cores a Node server reading and copying 100 MB per load
 * would compete with the browser it is measuring (the same for both apps).
 */
const MEMORY_LIMIT = 400 * 1024 * 1024;
const cache = new Map();

function cached(path, size) {
  if (size > MEMORY_LIMIT) return null;
  const hit = cache.get(path);
  if (hit && hit.size === size) return hit.bytes;
  const bytes = readFileSync(path);
  cache.set(path, { size, bytes });
  return bytes;
}

/** The ends of loads that pages reported (`/bench-report?load=&key=`, probes.mjs reportStamps). */
class Reports {
  arrived = new Set();
  waiting = new Map();

  arrive(load, key) {
    const id = `${load} ${key}`;
    this.arrived.add(id);
    this.waiting.get(id)?.();
  }

  /** Resolves when load `load` has reported `key`; rejects after `timeoutMs`. */
  wait(load, key, timeoutMs) {
    const id = `${load} ${key}`;
    if (this.arrived.has(id)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${key} within ${timeoutMs} ms`)), timeoutMs);
      timer.unref(); // a wait nobody awaits any more does not keep the bench running
      this.waiting.set(id, () => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve();
      });
    });
  }
}

/**
 * Starts the server; resolves to { origin, reported, close }. Cross-origin isolation headers let
 * pages call performance.measureUserAgentSpecificMemory() (which counts workers too).
 */
export function startServer(mounts) {
  const reports = new Reports();
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/bench-report') {
      reports.arrive(url.searchParams.get('load'), url.searchParams.get('key'));
      return void res.writeHead(204, { 'cache-control': 'no-store' }).end();
    }
    const path = resolvePath(mounts, url.pathname);
    let size = -1;
    try {
      if (path) size = statSync(path).isFile() ? statSync(path).size : -1;
    } catch {
      size = -1;
    }
    if (size < 0) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'content-length': String(size),
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cross-origin-resource-policy': 'same-origin',
    });
    if (req.method === 'HEAD') return void res.end();
    const bytes = cached(path, size);
    if (bytes) res.end(bytes);
    else createReadStream(path, { highWaterMark: 1 << 20 }).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        reported: (load, key, timeoutMs) => reports.wait(String(load), key, timeoutMs),
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}
