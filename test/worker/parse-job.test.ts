import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/formats/parse-file.ts';
import { chunksOf, runParseJob } from '../../src/worker/parse-job.ts';
import { sampleHeapFlame, sampleStatements, SAMPLES_DIR } from '../samples.ts';

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

  it('reads a byte stream into one reused buffer: every kind of input parses as whole bytes do', async () => {
    const sample = (path: string) => new Uint8Array(readFileSync(join(SAMPLES_DIR, path)));
    const log = sample('edge-cases/event-log-snake-over-limit.json-lines');
    for (const [path, bytes] of [
      ['events.json-lines', log],
      ['events.json-lines.gz', new Uint8Array(gzipSync(log))],
      ['events.json-lines.zst', sample('edge-cases/event-log-snake-over-limit.json-lines.zst')],
      ['events.pb', sample('event-logs-pb/monorepo.pb')],
      ['memory.pprof.gz', sample('bazel/memory.pprof.gz')],
      ['flame.src', new TextEncoder().encode(golden())],
      ['profile.csv', new TextEncoder().encode(sampleStatements())],
    ] as const) {
      const fetchImpl = (async () => new Response(byteStream(bytes, 7))) as unknown as typeof fetch;
      const [file] = await runParseJob([{ kind: 'url', path, url: `https://h.test/${path}` }], {
        signal: new AbortController().signal,
        onProgress: () => {},
        fetch: fetchImpl,
      });
      expect({ ...file, size: 0 }).toEqual({ ...parseBytes(path, bytes), size: 0 });
    }
  });

  it('a chunk of a byte stream lives in the buffer of the chunk before it', async () => {
    const seen: { buffer: ArrayBufferLike; bytes: number[] }[] = [];
    for await (const chunk of chunksOf(
      byteStream(
        new Uint8Array(40).map((_, i) => i),
        7,
      ),
      new AbortController().signal,
    ))
      seen.push({ buffer: chunk.buffer, bytes: [...chunk] });
    expect(seen.flatMap((s) => s.bytes)).toEqual([...Array(40).keys()]);
    // Each read transfers the one buffer: the view handed out before it is detached.
    expect(seen.slice(0, -1).every((s) => s.buffer.byteLength === 0)).toBe(true);
  });
});

/** A byte stream (as fetch and Blob give) that delivers `bytes` at most `size` at a time. */
function byteStream(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    type: 'bytes',
    pull(c) {
      if (at >= bytes.length) {
        c.close();
        // A reader waiting with its own buffer is answered only by this (Streams spec).
        c.byobRequest?.respond(0);
        return;
      }
      c.enqueue(bytes.slice(at, (at += size)));
    },
  });
}
