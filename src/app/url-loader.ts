// `#url=` loading: only http: and https: URLs (anything else is refused in words, never
// followed); a URL ending in `manifest.json` lists several files, resolved relative to it.
import type { ParseInput } from '../worker/protocol.ts';
import { urlFileInput } from '../worker/prefetch.ts';
import { redirectProblem } from '../worker/same-origin.ts';

export type UrlCheck = { ok: true; url: URL } | { ok: false; message: string };

/** Resolves a hash value against the page and accepts only http(s). */
export function checkUrl(text: string, base: string): UrlCheck {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return { ok: false, message: `“${text.slice(0, 200)}” is not a URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      message: `only http: and https: URLs can be loaded, not ${url.protocol} (“${text.slice(0, 200)}”)`,
    };
  }
  return { ok: true, url };
}

/** A list of files to load together, e.g. what `peakscope open` or the samples serve. */
export interface Manifest {
  /** Shown as the set's origin. */
  title?: string;
  files: { path: string; url: string }[];
}

export function isManifestUrl(url: URL): boolean {
  return /manifest\.json$/i.test(url.pathname);
}

/** Validates fetched JSON as a manifest; paths stay untrusted text, URLs stay on its origin. */
export function parseManifest(json: unknown, manifestUrl: URL): ParseInput[] | string {
  const files = (json as Manifest | null)?.files;
  if (!Array.isArray(files)) return 'the manifest has no "files" list';
  const inputs: ParseInput[] = [];
  for (const f of files) {
    if (typeof f?.path !== 'string' || typeof f?.url !== 'string') return 'a manifest entry lacks "path" or "url"';
    const checked = checkUrl(f.url, manifestUrl.href);
    if (!checked.ok) return `manifest entry ${f.path}: ${checked.message}`;
    // The page connects only to its own origin and the one the user named (docs/reliability.md).
    if (checked.url.origin !== manifestUrl.origin)
      return `manifest entry ${f.path}: ${checked.url.origin} is not the manifest's own origin`;
    inputs.push({ kind: 'url', path: f.path, url: checked.url.href });
  }
  return inputs;
}

/** The inputs a URL stands for: itself, or the files its manifest lists. */
export async function inputsForUrl(url: URL, fetchImpl: typeof fetch = fetch): Promise<ParseInput[] | string> {
  if (!isManifestUrl(url)) return [urlFileInput(url)];
  let response: Response;
  try {
    response = await fetchImpl(url.href, { credentials: 'omit' });
  } catch {
    return `could not fetch ${url.href}: the server did not answer or does not allow cross-origin reads (CORS)`;
  }
  if (!response.ok) return `could not fetch ${url.href}: HTTP ${response.status} ${response.statusText}`;
  const redirected = redirectProblem(url.href, response);
  if (redirected) return redirected;
  try {
    return parseManifest(await response.json(), url);
  } catch {
    return `${url.href} is not valid JSON`;
  }
}
