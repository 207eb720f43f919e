// Two judgements about a table of check callbacks (`CHECKS[kind](asset)`) that each return a
// verdict struct whose `message` field is built by a helper on every call:
// - rare-case-allocation: the callers read `.ok` on every pass and `.message` only in `fail(…)`,
//   so the message is built for a failure that never happens;
// - not loop-invariant-call: each callback passes a different constant to the helper and the loop
//   picks the callback by its own variable, so the helper's arguments change between passes.
// Small hand-written programs with hand-written heap flames.
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/analysis/advisor.ts';
import { indexStarlarkSource } from '../../src/analysis/starlark-source.ts';
import { adviseOnFlame, heapFlame } from './fixtures.ts';

const CHECKS = (messageRead: string) =>
  [
    'def _explain(item, rule):',
    '    return "\\n".join(["check %s failed" % rule, "item: %s" % item.name, "size: %d" % item.size])',
    '',
    'def _result(ok, item, rule):',
    '    return struct(ok = ok, message = _explain(item, rule))',
    '',
    'CHECKS = {',
    '    "size": lambda i: _result(i.size < 100, i, "size"),',
    '    "name": lambda i: _result(i.name.islower(), i, "name"),',
    '}',
    '',
    'def run_checks(items):',
    '    for item in items:',
    '        for kind in ["size", "name"]:',
    '            r = CHECKS[kind](item)',
    '            if not r.ok:',
    '                fail(r.message)',
    ...(messageRead ? [`            ${messageRead}`] : []),
  ].join('\n');

const FLAME = [
  'module;chk.bzl.run_checks;list 1000',
  'module;chk.bzl.run_checks;chk.bzl.lambda;chk.bzl._result;struct 200000',
  'module;chk.bzl.run_checks;chk.bzl.lambda;chk.bzl._result;chk.bzl._explain;string 3000000',
  'module;chk.bzl.run_checks;chk.bzl.lambda;chk.bzl._result;chk.bzl._explain;list 500000',
  '',
].join('\n');

function findingsOf(text: string) {
  return adviseOnFlame('chk.bzl', text, FLAME);
}

describe('a struct field read only when failing', () => {
  it('is rare-case-allocation at the struct, claiming what the field is built from', () => {
    const findings = findingsOf(CHECKS(''));
    expect(findings[0]).toMatchObject({ cause: 'rare-case-allocation', span: { line: 5 } });
    expect(findings[0]!.bytes).toBeGreaterThan(3_000_000);
    expect(findings[0]!.evidence[0]).toContain('field `message`');
  });

  it('is not rare-case-allocation when running code reads the field too', () => {
    const findings = findingsOf(CHECKS('print(r.message)'));
    expect(findings.filter((f) => f.cause === 'rare-case-allocation')).toEqual([]);
  });

  it('is not loop-invariant-call: the callback the loop picks passes another rule each pass', () => {
    expect(findingsOf(CHECKS('')).filter((f) => f.cause === 'loop-invariant-call')).toEqual([]);
  });
});

const SAME_ARGUMENT = [
  'def _flags(deps):',
  '    return ["-I%s" % d for d in deps for _ in range(50)]',
  '',
  'def _cpp(src, deps):',
  '    return struct(cmd = "cc %s %s" % (src, " ".join(_flags(deps))))',
  '',
  'def _py(src, deps):',
  '    return struct(cmd = "py %s %s" % (src, " ".join(_flags(deps))))',
  '',
  'GEN = {"cpp": _cpp, "py": _py}',
  '',
  'def gen_all(srcs, deps):',
  '    for src in srcs:',
  '        for lang in ["cpp", "py"]:',
  '            native_rule(name = src + lang, cmd = GEN[lang](src, deps).cmd)',
].join('\n');

describe('a callback table passing the same argument on', () => {
  it('is still loop-invariant-call: every callback passes the loop-invariant deps unchanged', () => {
    const findings = advise({
      heapFlame: heapFlame(
        [
          'module;gen.bzl.gen_all;dict 1000',
          'module;gen.bzl.gen_all;gen.bzl._cpp;gen.bzl._flags;list 2000000',
          'module;gen.bzl.gen_all;gen.bzl._py;gen.bzl._flags;list 2000000',
        ].join('\n'),
      ),
      summary: null,
      statement: null,
      coverage: null,
      sources: [indexStarlarkSource('gen.bzl', SAME_ARGUMENT)],
    });
    expect(findings[0]).toMatchObject({ cause: 'loop-invariant-call', function: 'gen.bzl._cpp' });
  });
});
