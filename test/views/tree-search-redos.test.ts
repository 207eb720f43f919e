// Regression (issue 9): a regex search from a shared link runs in linear time. With a
// backtracking RegExp, `(a+)+$` against 40 a's and a `!` takes longer than the test timeout.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegexEngine, makeMatcher } from '../../src/views/tree-search.ts';

// Regexes compile once the engine (loaded on first use in the page) is in.
beforeAll(() => loadRegexEngine());

describe('regex search on hostile patterns', () => {
  it('answers catastrophic-backtracking patterns at once', () => {
    const name = `x.y.${'a'.repeat(40)}!`;
    for (const pattern of ['(a+)+$', '^(a|a)*$', '(a*)*b', '^(([a-z])+.)+[A-Z]([a-z])+$']) {
      const m = makeMatcher(pattern, true);
      expect(m.ok && m.test(name), pattern).toBe(false);
    }
  });

  it('still matches case-insensitively and reports a bad pattern in words', () => {
    const m = makeMatcher('DICT\\.items\\(', true);
    expect(m.ok && m.test('defs.bzl.dict.items(x)')).toBe(true);
    const bad = makeMatcher('(?<=a)b[', true);
    expect(bad.ok ? '' : bad.message).toMatch(/^not a valid regular expression: /);
  });
});
