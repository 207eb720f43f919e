// What the bench's loads wait for: a heap flame paints a flamegraph, the statement CSV and the
// event logs draw none (load-ab.mjs waited for one for ever on statements-1m.csv).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
// @ts-expect-error: a plain .mjs bench module without types
import { loadEndOf, stampMessage } from '../../tools/bench/measure.mjs';
// @ts-expect-error: a plain .mjs bench module without types
import { initScript } from '../../tools/bench/probes.mjs';

describe('loadEndOf', () => {
  it('waits for the flamegraph of a heap flame and for the parsed result of the other inputs', () => {
    expect(loadEndOf('heap-flame-100mb.src')).toBe('paintedAt');
    expect(loadEndOf('statements-1m.csv')).toBe('parsedAt');
    expect(loadEndOf('event-log-1gb.json-lines')).toBe('parsedAt');
    expect(loadEndOf('event-log-1gb.pb.zst')).toBe('parsedAt');
  });
});

describe('stampMessage', () => {
  it('is what the pages say on the console when a load reaches an end (the bench listens, never polls)', () => {
    // initScript runs in the page, serialised: it cannot call stampMessage, so it spells it.
    expect(stampMessage('paintedAt')).toBe('__bench paintedAt');
    expect(String(initScript)).toContain('console.debug(`__bench ${key}`)');
    const floor = readFileSync(new URL('../../tools/bench/harness/floor.html', import.meta.url), 'utf8');
    expect(floor).toContain(`console.debug('${stampMessage('floor')}')`);
  });
});
