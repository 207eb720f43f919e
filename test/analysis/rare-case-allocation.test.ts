// rare-case-allocation when the value only a failure reads is built from others built only for it:
// a per-dependency hint list and the message made from it, before an `if …: fail(message)` that
// never runs. The finding claims the bytes of the whole chain, not only the last statement's.
// A small hand-written program with a hand-written heap flame.
import { describe, expect, it } from 'vitest';
import { adviseOnFlame } from './fixtures.ts';

function program(hintsAlsoUsed: boolean): string {
  return [
    'def check_deps(name, deps, allowed):',
    '    for dep in deps:',
    '        top = dep.split("/")[2]',
    '        hints = ["//%s/%s/..." % (a, top) for a in allowed]',
    '        text = "bad dep %s in %s; try one of:\\n%s" % (dep, name, "\\n".join(hints))',
    '        if top not in allowed:',
    '            fail(text)',
    ...(hintsAlsoUsed ? ['        native_rule(name = name + top, labels = hints)'] : []),
  ].join('\n');
}

const FLAME = [
  'module;chk.bzl.check_deps;array 3000000',
  'module;chk.bzl.check_deps;string 400000',
  'module;chk.bzl.check_deps;list 120000',
].join('\n');

function findingsOf(hintsAlsoUsed: boolean) {
  return adviseOnFlame('chk.bzl', program(hintsAlsoUsed), FLAME);
}

describe('rare-case-allocation through values built only for the failure', () => {
  it('claims the hint list the message is made from, not the name the check reads', () => {
    const [finding] = findingsOf(false);
    expect(finding).toMatchObject({ cause: 'rare-case-allocation', span: { line: 5 } });
    expect(finding!.bytes / 3_520_000).toBeGreaterThan(0.9);
    expect(finding!.evidence[0]).toContain('(line 4)');
  });

  it('not the hint list when a rule uses it too', () => {
    const finding = findingsOf(true).find((f) => f.cause === 'rare-case-allocation');
    expect(finding?.bytes ?? 0).toBeLessThan(3_000_000);
  });
});
