// Issue 17: a same-origin `#url=` or manifest entry that redirects to another origin is not read;
// a broken %-escape in a URL's file name is shown as it is, never an unhandled URIError.
import { describe, expect, it } from 'vitest';
import { inputsForUrl } from '../../src/app/url-loader.ts';
import { runParseJob } from '../../src/worker/parse-job.ts';
import { urlFileInput } from '../../src/worker/prefetch.ts';
import { redirectProblem } from '../../src/worker/same-origin.ts';

/** What fetch() returns after following redirects to `finalUrl`. */
function redirectedTo(finalUrl: string, body: string): Response {
  const response = new Response(body);
  Object.defineProperty(response, 'redirected', { value: true });
  Object.defineProperty(response, 'url', { value: finalUrl });
  return response;
}

describe('redirects to another origin', () => {
  it('are refused for a manifest, naming the origin', async () => {
    const fetchImpl = (async () => redirectedTo('https://evil.test/m.json', '{"files":[]}')) as unknown as typeof fetch;
    expect(await inputsForUrl(new URL('http://127.0.0.1:4173/x/manifest.json'), fetchImpl)).toMatch(
      /redirects to another origin \(https:\/\/evil\.test\): not read/,
    );
  });

  it('are refused for a file: the job reports it and reads nothing', async () => {
    const fetchImpl = (async () =>
      redirectedTo('https://evil.test/flame.src', 'module;list 8\n')) as unknown as typeof fetch;
    const [file] = await runParseJob([{ kind: 'url', path: 'flame.src', url: 'http://127.0.0.1:4173/flame.src' }], {
      signal: new AbortController().signal,
      onProgress: () => {},
      fetch: fetchImpl,
    });
    expect(file?.profile).toBeNull();
    expect(file?.error?.message).toMatch(/redirects to another origin/);
  });

  it('within the same origin are fine', () => {
    expect(redirectProblem('http://h.test/a', redirectedTo('http://h.test/b', ''))).toBeNull();
    expect(redirectProblem('http://h.test/a', new Response(''))).toBeNull();
  });
});

describe('broken %-escapes', () => {
  it('are kept as written', async () => {
    expect(urlFileInput(new URL('https://h.test/%E0')).path).toBe('%E0');
    expect(urlFileInput(new URL('https://h.test/a%20b')).path).toBe('a b');
    for (const name of ['%E0', '%ZZ', 'x%E0%80.src']) {
      expect(await inputsForUrl(new URL(`https://h.test/${name}`))).toEqual([
        { kind: 'url', path: name, url: `https://h.test/${name}` },
      ]);
    }
  });
});

describe('a manifest of many small files', () => {
  it('keeps several requests in flight while parsing in order (3,000 entries took 27 s one round trip at a time)', async () => {
    let inFlight = 0;
    let most = 0;
    const fetchImpl = (async (url: string) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      return new Response(`module;${url.split('/').pop()}.bzl.f;list 8\n`);
    }) as unknown as typeof fetch;
    const inputs = Array.from({ length: 40 }, (_, i) => ({
      kind: 'url' as const,
      path: `p${i}/flame.src`,
      url: `http://h.test/f${i}`,
    }));
    const files = await runParseJob(inputs, {
      signal: new AbortController().signal,
      onProgress: () => {},
      fetch: fetchImpl,
    });
    expect(files.map((f) => f.path)).toEqual(inputs.map((i) => i.path));
    expect(
      files.every((f, i) => f.profile?.format === 'heap-flame' && f.profile.tree.names.includes(`f${i}.bzl.f`)),
    ).toBe(true);
    expect(most).toBeGreaterThan(1);
  });
});
