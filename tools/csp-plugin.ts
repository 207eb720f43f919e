// The page's Content-Security-Policy, written into index.html by this vite plugin so the policy
// lives in one place (docs/reliability.md explains each choice). A <meta> policy is all a static
// host such as GitHub Pages allows; it cannot change at run time, so `connect-src` admits any
// http(s) origin for the user-given `#url=` and the app itself fetches nothing else but its own
// origin (url-loader.ts refuses other schemes and manifest entries on another origin).
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { SNAPSHOT_CSS } from '../src/views/export-html.ts';

/**
 * The HTML export builds its file in a document made by `createHTMLDocument`, which inherits
 * this policy: the snapshot's one <style> (a constant) is allowed by its hash, nothing else.
 */
const SNAPSHOT_STYLE = `'sha256-${createHash('sha256').update(SNAPSHOT_CSS).digest('base64')}'`;

/** The policy of the built page. */
export const BUILD_CSP: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  // Only our own bundled modules and, in the built page, the one inline preboot script by its
  // hash (withInlineScript): no other inline script, no eval, no other host.
  'script-src': ["'self'"],
  'style-src': ["'self'", SNAPSHOT_STYLE],
  // data: for the PNG export (the SVG is drawn through an <img>).
  'img-src': ["'self'", 'data:'],
  // 'self' for the samples; http(s) for the one URL the user puts in `#url=`.
  'connect-src': ["'self'", 'https:', 'http:'],
  // The parse worker: our own file, or a blob: URL when a bundler inlines it.
  'worker-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** What `npm start` (vite's dev server) needs on top: its HMR socket and injected <style>s. */
const DEV_ADDITIONS: Readonly<Record<string, readonly string[]>> = {
  'style-src': ["'unsafe-inline'"],
  'connect-src': ['ws:', 'wss:'],
};

/** The policy as a header value: `default-src 'none'; script-src 'self'; …`. */
export function cspPolicy(dev = false): string {
  return Object.entries(BUILD_CSP)
    .map(([directive, sources]) => {
      const extra = dev ? (DEV_ADDITIONS[directive] ?? []) : [];
      // A hash in a list makes browsers ignore 'unsafe-inline', so the dev additions drop hashes.
      const kept = extra.includes("'unsafe-inline'") ? sources.filter((s) => !s.startsWith("'sha256-")) : sources;
      return [directive, ...kept, ...extra].join(' ');
    })
    .join('; ');
}

/** The CSP source that allows exactly the inline script `source`. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source).digest('base64')}'`;
}

/**
 * Puts the inline `<script>` `source` right after the built page's policy (nothing may run
 * before it) and allows it there by its hash; the policy still refuses any other inline script.
 */
export function withInlineScript(html: string, source: string): string {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)" \/>/;
  const found = meta.exec(html);
  if (!found || !/script-src 'self'(;|$)/.test(found[1]!)) throw new Error('index.html has no CSP <meta> to follow');
  const policy = found[1]!.replace(/script-src 'self'(;|$)/, `script-src 'self' ${scriptHash(source)}$1`);
  return html.replace(
    meta,
    `<meta http-equiv="Content-Security-Policy" content="${policy}" />\n    <script>${source}</script>`,
  );
}

/** Puts the policy right after `<meta charset>`, before anything that could load or run. */
export function cspPlugin(): Plugin {
  let dev = false;
  return {
    name: 'peakscope-csp',
    configResolved(config) {
      dev = config.command === 'serve';
    },
    transformIndexHtml(html) {
      const meta = `<meta http-equiv="Content-Security-Policy" content="${cspPolicy(dev)}" />`;
      const charset = /<meta charset="[^"]*" \/>/;
      if (!charset.test(html)) throw new Error('index.html needs <meta charset="utf-8" /> for the CSP to follow');
      return html.replace(charset, (m) => `${m}\n    ${meta}`);
    },
  };
}
