// The download of a `#url=` file, started by the worker as soon as it boots (the preboot
// script puts the page's address in the worker script's fragment, tools/worker-preboot-plugin.ts),
// before the app has run.
// The app's parse request then claims the response if it names the very same URL; anything
// else cancels it. Only what the app itself would fetch qualifies: one http(s) file that is
// not a manifest, read without credentials (app/url-loader.ts decides for the app).

import type { ParseInput } from './protocol.ts';

/** Longer `url=` values are left to the app (its hash reader cuts values at 8 KiB). */
const MAX_URL_CHARS = 2048;

let held: { url: string; response: Promise<Response>; controller: AbortController } | null = null;

/** The URL a page hash would load, when it is one plain http(s) file; else null. */
export function prefetchableUrl(hash: string, base: string): string | null {
  const text = new URLSearchParams(hash.replace(/^#/, '')).get('url');
  if (!text || text.length > MAX_URL_CHARS) return null;
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return /manifest\.json$/i.test(url.pathname) ? null : url.href;
}

/**
 * Starts the download for the page whose address the worker's own script URL carries in its
 * fragment (`parse-worker.js#<page href, URI-encoded>`); nothing without one. A trace of a 10 MB
 * load had the preboot script's message handled only after the parsers' chunk was compiled and
 * run, 90–170 ms after the worker's first script (its delivery waits on the page's busy thread).
 */
export function prefetchForScript(scriptHash: string, fetchImpl: typeof fetch = fetch): ParseInput | null {
  let page: URL;
  try {
    page = new URL(decodeURIComponent(scriptHash.replace(/^#/, '')));
  } catch {
    return null;
  }
  return prefetch(page.hash, page.href, fetchImpl);
}

/**
 * Starts fetching what the hash names (see prefetchableUrl); replaces an unclaimed one. Returns
 * the parse input of the file it fetches (as the app names it), or null.
 */
export function prefetch(hash: string, base: string, fetchImpl: typeof fetch = fetch): ParseInput | null {
  const url = prefetchableUrl(hash, base);
  held?.controller.abort();
  held = null;
  if (!url) return null;
  const controller = new AbortController();
  const response = fetchImpl(url, { credentials: 'omit', signal: controller.signal });
  response.catch(() => {}); // a failure surfaces when (if) the app claims it
  held = { url, response, controller };
  return urlFileInput(new URL(url));
}

/** `decodeURIComponent`, or the text as it is when it holds a broken escape (`%E0`, `%ZZ`). */
function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The parse input of one file URL: named by its last path segment (or its host), decoded. Here,
 * not in a module the load job shares: the worker's entry imports this file, and a module both
 * use would leave the entry exporting it to the job's chunk (test/tools/first-load.test.ts).
 */
export function urlFileInput(url: URL): ParseInput {
  return { kind: 'url', path: decodeOrKeep(url.pathname.split('/').pop() || url.hostname), url: url.href };
}

/**
 * A `fetch` for parse jobs: the prefetched response when it is for `url` (once), else a fresh
 * fetch. The first claim settles the prefetch: one for another URL is cancelled.
 */
export function fetchClaimingPrefetch(
  url: string,
  init: RequestInit,
  fetchImpl: typeof fetch = fetch,
): Promise<Response> {
  const mine = held;
  held = null;
  if (mine && mine.url === url) {
    if (init.signal?.aborted) mine.controller.abort();
    init.signal?.addEventListener('abort', () => mine.controller.abort());
    return mine.response;
  }
  mine?.controller.abort();
  return fetchImpl(url, init);
}

/** Cancels a prefetch nobody claimed (called when a parse job ends). */
export function releasePrefetch(): void {
  held?.controller.abort();
  held = null;
}
