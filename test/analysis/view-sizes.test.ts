// A dict view (`D.keys()`) lists as many elements as its dict holds, and `range(a, b, step)`
// iterates ceil((b - a) / step) times: both size the split of a frame's own bytes. A build file
// filters ~1000 requested names through `FLAGS.keys()` (a 1000-entry dict loaded from a .bzl):
// the views, not the small literal of an inner comprehension clause, made the module's arrays.
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/analysis/advisor.ts';
import { attribute } from '../../src/analysis/attribution.ts';
import { ProfileJoins } from '../../src/analysis/profile-joins.ts';
import type { AdviceInput } from '../../src/analysis/rules/context.ts';
import { indexStarlarkSource } from '../../src/analysis/starlark-source.ts';
import { rangeSize } from '../../src/analysis/starlark-sizes.ts';
import { evaluateSize } from '../../src/analysis/starlark-size-expressions.ts';
import { parser } from '@lezer/python';
import { heapFlame } from './fixtures.ts';

const FLAGS_BZL = [
  'FLAGS = {',
  '    "%s.%s" % (team, n): True',
  '    for team in ["web", "ios", "api", "ml"]',
  '    for n in range(250)',
  '}',
].join('\n');

const BUCK = [
  'load(":flags.bzl", "FLAGS")',
  'WANTED = [',
  '    "%s.%s.%d" % (team, area, n)',
  '    for team in ["web", "ios", "api", "ml", "desktop", "tv"]',
  '    for area in ["search", "feed", "ads", "chat", "media", "legacy", "rank", "pay", "maps"]',
  '    for n in range(0, 40, 2)',
  ']',
  'KNOWN = [w for w in WANTED if w in FLAGS.keys()]',
  'native_rule(name = "flags", srcs = KNOWN)',
].join('\n');

function sizeOfRange(call: string): number | null {
  const text = `x = ${call}\n`;
  return evaluateSize(rangeSize(text, parser.parse(text).topNode.firstChild!.lastChild!));
}

describe('sizes of views and stepped ranges', () => {
  it.each([
    ['range(0, 40, 2)', 20],
    ['range(0, 41, 2)', 21],
    ['range(1, 100, 7)', 15],
    ['range(3, 30)', 27],
  ])('%s iterates %i times', (call, n) => expect(sizeOfRange(call)).toBe(n));

  it('a view of a named dict is sized by the dict', () => {
    const index = indexStarlarkSource('BUCK', BUCK);
    const view = index.allocations.find((a) => a.kind === 'view')!;
    expect(view.size).toEqual({ op: 'len', name: 'FLAGS' });
  });

  it('the views filtering a big loaded dict take the module’s array bytes and are a dict view in a loop', () => {
    const sources = [indexStarlarkSource('flags.bzl', FLAGS_BZL), indexStarlarkSource('BUCK', BUCK)];
    const advice: AdviceInput = {
      heapFlame: heapFlame('module;array 8000000\nmodule;string 60000\nmodule;list 16000\n'),
      summary: null,
      statement: null,
      coverage: null,
      sources,
    };
    let viewLine = 0;
    for (const s of attribute(new ProfileJoins(advice)).statements)
      if (s.file === 'BUCK' && s.span.line === 8) viewLine += s.own;
    expect(viewLine / 8_076_000).toBeGreaterThan(0.9);
    expect(advise(advice)[0]).toMatchObject({ cause: 'dict-view-in-loop', span: { line: 8 } });
  });
});
