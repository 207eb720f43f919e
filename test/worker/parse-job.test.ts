import { describe, expect, it } from 'vitest';
import { runParseJob } from '../../src/worker/parse-job.ts';
import { sampleHeapFlame } from '../samples.ts';

const golden = () => sampleHeapFlame();

describe('parse job', () => {
  it('parses blobs as streams and reports progress up to the total', async () => {
    const progress: [number, number][] = [];
    const files = await runParseJob(
      [
        { kind: 'file', path: 'a/flame.src', file: new Blob([golden()]) },
        { kind: 'file', path: 'a/empty.txt', file: new Blob([]) },
      ],
      { signal: new AbortController().signal, onProgress: (read, total) => progress.push([read, total]) },
    );
    expect(files.map((f) => f.profile?.format)).toEqual(['heap-flame', 'empty']);
    const size = golden().length;
    expect(progress.at(-1)).toEqual([size, size]);
  });

  it('stops when aborted, mid-stream', async () => {
    const controller = new AbortController();
    let pulls = 0;
    // An endless body: only the abort can end this job.
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (++pulls === 3) controller.abort();
        c.enqueue(new TextEncoder().encode(golden()));
      },
    });
    const fetchImpl = (async () => new Response(body)) as unknown as typeof fetch;
    const job = runParseJob([{ kind: 'url', path: 'big.src', url: 'https://example.test/big.src' }], {
      signal: controller.signal,
      onProgress: () => {},
      fetch: fetchImpl,
    });
    await expect(job).rejects.toThrow();
    expect(pulls).toBeLessThan(10);
  });

  it('turns an unreachable or failing URL into a per-file error and keeps the other files', async () => {
    const fetchImpl = (async (url: string) => {
      if (String(url).includes('down')) throw new TypeError('Failed to fetch');
      if (String(url).includes('missing')) return new Response('x', { status: 404, statusText: 'Not Found' });
      return new Response(golden());
    }) as unknown as typeof fetch;
    const files = await runParseJob(
      [
        { kind: 'url', path: 'down.src', url: 'https://down.test/f' },
        { kind: 'url', path: 'missing.src', url: 'https://h.test/missing' },
        { kind: 'url', path: 'ok.src', url: 'https://h.test/ok' },
      ],
      { signal: new AbortController().signal, onProgress: () => {}, fetch: fetchImpl },
    );
    expect(files.map((f) => f.error?.message ?? f.profile?.format)).toEqual([
      'could not fetch https://down.test/f: the server did not answer or does not allow cross-origin reads (CORS)',
      'could not fetch https://h.test/missing: HTTP 404 Not Found',
      'heap-flame',
    ]);
    expect(files[2]!.size).toBe(golden().length);
  });
});
