// How a page tells the bench's DevTools-free browser that its load reached an end: the probe
// sends each `__bench <key>` console stamp to the bench server, which the runner waits on.
import { afterEach, describe, expect, it, vi } from 'vitest';
// @ts-expect-error: a plain .mjs bench module without types
import { reportStamps } from '../../tools/bench/probes.mjs';
// @ts-expect-error: a plain .mjs bench module without types
import { startServer } from '../../tools/bench/server.mjs';

describe('reportStamps', () => {
  const debug = console.debug;
  afterEach(() => {
    console.debug = debug;
    vi.unstubAllGlobals();
  });

  it('sends each bench stamp to /bench-report with the load and key, and still logs it', () => {
    const fetch = vi.fn(() => Promise.resolve(new Response(null, { status: 204 })));
    const logged: unknown[] = [];
    console.debug = (...args: unknown[]) => void logged.push(args);
    vi.stubGlobal('fetch', fetch);
    reportStamps(7);
    console.debug('__bench paintedAt');
    console.debug('something else');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]).toEqual(['/bench-report?load=7&key=paintedAt', { cache: 'no-store' }]);
    expect(logged).toEqual([['__bench paintedAt'], ['something else']]);
  });
});

describe('the bench server’s reports', () => {
  it('resolves a wait when its load reports the key, before or after the wait began', async () => {
    const server = await startServer({});
    try {
      await fetch(`${server.origin}/bench-report?load=2&key=floor`);
      await expect(server.reported(2, 'floor', 1000)).resolves.toBeUndefined();
      const painted = server.reported(3, 'paintedAt', 5000);
      const response = await fetch(`${server.origin}/bench-report?load=3&key=paintedAt`);
      expect(response.status).toBe(204);
      await expect(painted).resolves.toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('does not take another load’s report, and gives up after the timeout', async () => {
    const server = await startServer({});
    try {
      await fetch(`${server.origin}/bench-report?load=4&key=paintedAt`);
      await expect(server.reported(5, 'paintedAt', 50)).rejects.toThrow('no paintedAt within 50 ms');
    } finally {
      await server.close();
    }
  });
});
