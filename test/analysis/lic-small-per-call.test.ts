// loop-invariant-call is about big values rebuilt per pass: a helper that makes a few hundred
// bytes per call (a short label string) is not one, even when the program does little else and
// its bytes are a large share; the same helper making tens of KiB per call is.
// A small hand-written program with hand-written heap flames.
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/analysis/advisor.ts';
import { indexStarlarkSource } from '../../src/analysis/starlark-source.ts';
import { heapFlame, statementProfile } from './fixtures.ts';

const PROGRAM = [
  'def _labels(labels):',
  '    return ", ".join(["%s=%s" % (k, labels[k]) for k in labels])',
  '',
  'def resources(names, labels):',
  '    for name in names:',
  '        native_rule(name = name, cmd = "make %s" % _labels(labels))',
].join('\n');

function findingsFor(bytesPerCall: number) {
  const calls = 1000;
  return advise({
    heapFlame: heapFlame(
      [
        `module;res.bzl.resources;dict ${100 * calls}`,
        `module;res.bzl.resources;res.bzl._labels;string ${bytesPerCall * calls}`,
        '',
      ].join('\n'),
    ),
    summary: null,
    statement: statementProfile(
      [
        'File,Span,Duration(s),Count',
        'res.bzl,2:5-65,0.1,' + 3 * calls,
        'res.bzl,5:5-6:69,0.1,1',
        'res.bzl,6:9-69,0.1,' + 3 * calls,
      ].join('\n'),
    ),
    coverage: null,
    sources: [indexStarlarkSource('res.bzl', PROGRAM)],
  }).filter((f) => f.cause === 'loop-invariant-call');
}

describe('loop-invariant-call and the bytes per call', () => {
  it('is not said of a helper making a few hundred bytes per call', () => {
    expect(findingsFor(300)).toEqual([]);
  });

  it('is said of the same helper making tens of KiB per call', () => {
    expect(findingsFor(30_000)).toHaveLength(1);
  });
});
