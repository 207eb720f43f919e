import { describe, expect, it } from 'vitest';
import { PREBOOT_GLOBAL as APP_GLOBAL } from '../../src/app/head-start.ts';
import { PREBOOT_GLOBAL, prebootSource } from '../../tools/worker-preboot-plugin.ts';

describe('worker preboot script', () => {
  it('leaves the worker where the app takes it from', () => {
    expect(PREBOOT_GLOBAL).toBe(APP_GLOBAL);
  });

  it('boots the worker file next to it as a module and sends the hash only for a `#url=`', () => {
    const source = prebootSource('assets/parse-worker-AbC123.js');
    expect(source).toContain(
      'new Worker(new URL("parse-worker-AbC123.js", document.currentScript.src), { type: "module" })',
    );
    expect(source).toContain('if (/(^#|&)url=/.test(location.hash)) worker.postMessage({ type: "prefetch"');
    expect(() => new Function(source)).not.toThrow(); // it parses as a classic script
  });
});
