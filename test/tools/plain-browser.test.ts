// The bench's DevTools-free browser says why it has no browser instead of waiting for ever.
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs bench module without types
import { PlainBrowser } from '../../tools/bench/plain-browser.mjs';

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
