// What the bench's loads wait for: a heap flame paints a flamegraph, the statement CSV and the
// event logs draw none (load-ab.mjs waited for one for ever on statements-1m.csv).
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs bench module without types
import { loadEndOf } from '../../tools/bench/measure.mjs';

describe('loadEndOf', () => {
  it('waits for the flamegraph of a heap flame and for the parsed result of the other inputs', () => {
    expect(loadEndOf('heap-flame-100mb.src')).toBe('paintedAt');
    expect(loadEndOf('statements-1m.csv')).toBe('parsedAt');
    expect(loadEndOf('event-log-1gb.json-lines')).toBe('parsedAt');
    expect(loadEndOf('event-log-1gb.pb.zst')).toBe('parsedAt');
  });
});
