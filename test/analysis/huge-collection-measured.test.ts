// huge-collection of a value only measured: a string joined from a big comprehension whose only
// read is `hash(…)` (a fingerprint) is built for nothing, like one only read by `len(…)`; the same
// measure taken per call of a helper (a short key per target) is not one huge value. Hand-written
// sources, heap flame and Counts.
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/analysis/advisor.ts';
import { indexStarlarkSource } from '../../src/analysis/starlark-source.ts';
import { heapFlame, statementProfile } from './fixtures.ts';

const KEYS = [
  'def _key(items, flags):',
  '    blob = "|".join([i + f for i in items for f in flags])',
  '    return hash(blob)',
  '',
  'def declare(groups, flags):',
  '    for g in groups:',
  '        native_rule(name = g, key = _key(groups[g], flags))',
].join('\n');

const FLAME = [
  'module;keys.bzl.declare;keys.bzl._key;string 2400000',
  'module;keys.bzl.declare;keys.bzl._key;array 300000',
  'module;keys.bzl.declare;dict 20000',
].join('\n');

/** Counts for `_key` entered `calls` times, making 3000 / calls elements each (one `+`-free element: no calls per element). */
function counts(calls: number, spans = ['2:5-57', '3:5-21']): string {
  return [
    'File,Span,Duration(s),Count',
    `"TOTAL","",0.05,${3 * calls + 2}`,
    `"keys.bzl","${spans[0]}",0.04,${calls}`,
    `"keys.bzl","${spans[1]}",0.0,${2 * calls}`,
    '"keys.bzl","6:5-7:60",0.0,1',
    `"keys.bzl","7:9-60",0.0,${2 * calls}`,
  ].join('\n');
}

/** The same helper with the joined string hashed where it is made, never named. */
const IN_PLACE = KEYS.replace(
  '    blob = "|".join([i + f for i in items for f in flags])\n    return hash(blob)',
  '    key = hash("|".join([i + f for i in items for f in flags]))\n    return key',
);

const adviseOn = (calls: number, text = KEYS, spans?: string[]) =>
  advise({
    heapFlame: heapFlame(FLAME),
    summary: null,
    statement: statementProfile(counts(calls, spans)),
    coverage: null,
    sources: [indexStarlarkSource('keys.bzl', text)],
  }).filter((f) => f.cause === 'huge-collection');

describe('huge-collection of a value only hashed', () => {
  it('a string joined only to hash it once is a huge collection where it is joined', () => {
    const [finding] = adviseOn(1);
    expect(finding).toMatchObject({ cause: 'huge-collection', function: 'keys.bzl._key', span: { line: 2 } });
    expect(finding!.message).toContain('length or hash');
  });

  it('not when the helper hashes a small string per call (400 keys)', () => {
    expect(adviseOn(400)).toEqual([]);
  });

  it('also when the joined string is hashed in place, never named', () => {
    expect(IN_PLACE).not.toBe(KEYS);
    const [finding] = adviseOn(1, IN_PLACE, ['2:5-62', '3:5-14']);
    expect(finding).toMatchObject({ cause: 'huge-collection', function: 'keys.bzl._key', span: { line: 2 } });
    expect(adviseOn(400, IN_PLACE, ['2:5-62', '3:5-14'])).toEqual([]);
  });
});
