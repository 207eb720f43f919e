import { afterEach, describe, expect, it } from 'vitest';
import {
  fetchClaimingPrefetch,
  prefetch,
  prefetchableUrl,
  prefetchForScript,
  releasePrefetch,
} from '../../src/worker/prefetch.ts';

const BASE = 'https://peakscope.test/app/';

/** A fetch that records its calls and whether each was aborted, answering `body`. */
function recordingFetch() {
  const calls: { url: string; init: RequestInit }[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(`body of ${url}`);
  }) as unknown as typeof fetch;
  return { calls, impl, aborted: (i: number) => calls[i]!.init.signal?.aborted ?? false };
}

afterEach(() => releasePrefetch());

describe('prefetchableUrl', () => {
  it('names one http(s) file, resolved against the page', () => {
    expect(prefetchableUrl('#url=https%3A%2F%2Fp.test%2Fa%2Fflame.src&zoom=module', BASE)).toBe(
      'https://p.test/a/flame.src',
    );
    expect(prefetchableUrl('#tab=table&url=samples/x.src', BASE)).toBe('https://peakscope.test/app/samples/x.src');
  });

  it('leaves everything else to the app', () => {
    for (const hash of [
      '',
      '#zoom=module',
      '#url=',
      '#url=javascript%3Aalert(1)',
      '#url=file%3A%2F%2F%2Fetc%2Fpasswd',
      '#url=https%3A%2F%2Fp.test%2Fmanifest.json',
      `#url=https://p.test/${'a'.repeat(3000)}`,
    ]) {
      expect(prefetchableUrl(hash, BASE), hash.slice(0, 40)).toBeNull();
    }
  });
});

describe('prefetch', () => {
  it('names the file it fetches as the app would (its last path segment, decoded)', () => {
    const f = recordingFetch();
    expect(prefetch('#url=https%3A%2F%2Fp.test%2Fa%2Fl%25C3%25A4ngs%2520flame.src', BASE, f.impl)).toEqual({
      kind: 'url',
      path: 'längs flame.src',
      url: 'https://p.test/a/l%C3%A4ngs%20flame.src',
    });
    expect(prefetch('#zoom=module', BASE, f.impl)).toBeNull();
  });

  it('starts the download at once, without credentials, and hands it to a job for the same URL once', async () => {
    const f = recordingFetch();
    prefetch('#url=https%3A%2F%2Fp.test%2Fflame.src', BASE, f.impl);
    expect(f.calls).toHaveLength(1);
    expect(f.calls[0]!.init.credentials).toBe('omit');
    const claimed = await fetchClaimingPrefetch('https://p.test/flame.src', { credentials: 'omit' }, f.impl);
    expect(await claimed.text()).toBe('body of https://p.test/flame.src');
    expect(f.calls).toHaveLength(1);
    await fetchClaimingPrefetch('https://p.test/flame.src', { credentials: 'omit' }, f.impl);
    expect(f.calls).toHaveLength(2); // the second job fetches for itself
  });

  it('cancels a prefetch the first job does not want, and one nobody claimed', async () => {
    const f = recordingFetch();
    prefetch('#url=https%3A%2F%2Fp.test%2Fa.src', BASE, f.impl);
    await fetchClaimingPrefetch('https://p.test/b.src', {}, f.impl);
    expect(f.aborted(0)).toBe(true);
    expect(f.calls[1]!.url).toBe('https://p.test/b.src');
    prefetch('#url=https%3A%2F%2Fp.test%2Fc.src', BASE, f.impl);
    releasePrefetch();
    expect(f.aborted(2)).toBe(true);
  });

  it('stops the claimed download when the job is cancelled', async () => {
    const f = recordingFetch();
    prefetch('#url=https%3A%2F%2Fp.test%2Fa.src', BASE, f.impl);
    const job = new AbortController();
    await fetchClaimingPrefetch('https://p.test/a.src', { signal: job.signal }, f.impl);
    expect(f.aborted(0)).toBe(false);
    job.abort();
    expect(f.aborted(0)).toBe(true);
  });
});

describe('prefetchForScript', () => {
  it("downloads what the page address in the worker script's fragment names, once claimed", async () => {
    const f = recordingFetch();
    const page = 'https://peakscope.test/app/#url=samples%2Fx.src&zoom=module';
    prefetchForScript(`#${encodeURIComponent(page)}`, f.impl);
    expect(f.calls.map((c) => c.url)).toEqual(['https://peakscope.test/app/samples/x.src']);
    const response = await fetchClaimingPrefetch('https://peakscope.test/app/samples/x.src', {}, f.impl);
    expect(await response.text()).toBe('body of https://peakscope.test/app/samples/x.src');
    expect(f.calls).toHaveLength(1);
  });

  it('starts nothing for a fragment that is not a page address with a `#url=`', () => {
    const f = recordingFetch();
    for (const hash of ['', '#', '#%E0%A4%A', '#not%20a%20url', `#${encodeURIComponent('https://p.test/#zoom=a')}`])
      prefetchForScript(hash, f.impl);
    expect(f.calls).toEqual([]);
  });
});
