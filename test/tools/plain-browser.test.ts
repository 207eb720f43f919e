// The bench's DevTools-free browser says why it has no browser instead of waiting for ever.
import { EventEmitter } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs bench module without types
import { PlainBrowser } from '../../tools/bench/plain-browser.mjs';

/** A child process with the two pipes and nothing at their other end. */
function fakeChild() {
  return Object.assign(new EventEmitter(), { stdio: [null, null, null, new PassThrough(), new PassThrough()] });
}

describe('PlainBrowser load ids', () => {
  // The bench server keys reports by load: a second browser on the same server (a rerun, a test)
  // once matched the first one's "load 1 floor" and read a page that had not finished.
  it('never repeat, within a browser or across browsers on one server', () => {
    const first = new PlainBrowser(fakeChild(), '/tmp/none', {});
    const second = new PlainBrowser(fakeChild(), '/tmp/none', {});
    const ids = [first.nextLoadId(), first.nextLoadId(), second.nextLoadId(), second.nextLoadId()];
    expect(new Set(ids).size).toBe(4);
  });
});

describe('PlainBrowser.launch', () => {
  it('rejects with the reason when Chromium cannot be started, and leaves no profile behind', async () => {
    const profiles = () => readdirSync(tmpdir()).filter((name) => name.startsWith('peakscope-bench-'));
    const before = profiles();
    await expect(PlainBrowser.launch({}, { executablePath: '/nonexistent/chromium' })).rejects.toThrow(
      /Chromium did not start: .*ENOENT|the pipe to Chromium broke/,
    );
    expect(profiles().filter((name) => !before.includes(name) && existsSync(`${tmpdir()}/${name}`))).toEqual([]);
  });
});
