import { describe, expect, it } from 'vitest';
import { checkUrl, inputsForUrl, parseManifest } from '../../src/app/url-loader.ts';

const BASE = 'http://127.0.0.1:4173/index.html';

describe('#url= loading', () => {
  it('accepts http and https, relative to the page', () => {
    const ok = checkUrl('samples/x/manifest.json', BASE);
    expect(ok.ok && ok.url.href).toBe('http://127.0.0.1:4173/samples/x/manifest.json');
    expect(checkUrl('https://example.test/flame.src', BASE).ok).toBe(true);
  });

  it('refuses javascript:, data:, file: and blob: with a message that names the scheme', () => {
    for (const bad of [
      'javascript:alert(1)',
      'data:text/plain,module;list 8',
      'file:///etc/passwd',
      'blob:http://x/1',
      'JaVaScRiPt:alert(1)',
    ]) {
      const r = checkUrl(bad, BASE);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/only http: and https: URLs can be loaded, not [a-z]+:/);
    }
    const notUrl = checkUrl('http://[::1', BASE);
    expect(notUrl.ok).toBe(false);
  });

  it('reads a manifest into inputs resolved against it, refusing entries that are not http(s)', () => {
    const url = new URL('http://127.0.0.1:9/run-1/manifest.json');
    expect(parseManifest({ files: [{ path: 'out/flame.src', url: 'f/0' }] }, url)).toEqual([
      { kind: 'url', path: 'out/flame.src', url: 'http://127.0.0.1:9/run-1/f/0' },
    ]);
    expect(parseManifest({ files: [{ path: 'x', url: 'javascript:alert(1)' }] }, url)).toMatch(
      /manifest entry x: only http/,
    );
    expect(parseManifest({ nope: 1 }, url)).toMatch(/no "files" list/);
    expect(parseManifest(null, url)).toMatch(/no "files" list/);
  });

  it('loads a plain URL as one file and a manifest through fetch, with errors in words', async () => {
    expect(await inputsForUrl(new URL('https://h.test/p/flame.src'))).toEqual([
      { kind: 'url', path: 'flame.src', url: 'https://h.test/p/flame.src' },
    ]);
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await inputsForUrl(new URL('https://h.test/manifest.json'), failing)).toMatch(
      /did not answer or does not allow cross-origin reads \(CORS\)/,
    );
    const notFound = (async () => new Response('no', { status: 404, statusText: 'Not Found' })) as typeof fetch;
    expect(await inputsForUrl(new URL('https://h.test/manifest.json'), notFound)).toMatch(/HTTP 404 Not Found/);
    const bad = (async () => new Response('{oops')) as typeof fetch;
    expect(await inputsForUrl(new URL('https://h.test/manifest.json'), bad)).toMatch(/not valid JSON/);
  });
});
