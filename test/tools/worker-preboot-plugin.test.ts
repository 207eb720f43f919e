import { describe, expect, it } from 'vitest';
import { PREBOOT_GLOBAL as APP_GLOBAL } from '../../src/app/head-start.ts';
import { PREBOOT_GLOBAL, prebootSource } from '../../tools/worker-preboot-plugin.ts';

describe('worker preboot script', () => {
  it('leaves the worker where the app takes it from', () => {
    expect(PREBOOT_GLOBAL).toBe(APP_GLOBAL);
  });

  it('boots the worker file next to it as a module, with the page address in its fragment only for a `#url=`', () => {
    const source = prebootSource('assets/parse-worker-AbC123.js');
    expect(source).not.toContain('postMessage');
    /** Runs the classic script against a fake page; returns the worker script URL it chose. */
    const scriptUrl = (href: string) => {
      let made = '';
      const scope = {
        location: new URL(href),
        document: { currentScript: { src: 'https://p.test/app/assets/preboot-x.js' } },
        Worker: function (url: URL) {
          made = url.href;
        },
        self: {},
      };
      new Function(...Object.keys(scope), source)(...Object.values(scope));
      return made;
    };
    const page = 'https://p.test/app/#url=flame.src&zoom=a%3Bb';
    expect(scriptUrl(page)).toBe(`https://p.test/app/assets/parse-worker-AbC123.js#${encodeURIComponent(page)}`);
    expect(scriptUrl('https://p.test/app/#zoom=a')).toBe('https://p.test/app/assets/parse-worker-AbC123.js');
  });
});
