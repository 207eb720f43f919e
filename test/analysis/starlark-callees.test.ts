// Which defs a call can reach: names bound to defs, tables of callbacks taken apart by a key,
// loops over lists of defs, lambdas passed as struct fields; and the heap flame's caller →
// callee edges matched through them on real profiles of the corpus.
import { describe, expect, it } from 'vitest';
import { groupRuns, type Run } from '../../src/analysis/advisor.ts';
import { attribute } from '../../src/analysis/attribution.ts';
import { ProfileJoins } from '../../src/analysis/profile-joins.ts';
import { calleeDefNames, resolveDefs } from '../../src/analysis/starlark-callees.ts';
import { indexStarlarkSource, type SourceIndex } from '../../src/analysis/starlark-source.ts';
import { loadSampleFolders, spanText } from './fixtures.ts';

const TABLES = `
load(":flags.bzl", flags_for = "compiler_flags")

_flags = flags_for

def _cpp(name, src):
    return struct(name = name)

def _grpc(name, src):
    return struct(name = name)

_CODEGEN = {"cpp": _cpp, "grpc": _grpc, "py": lambda name, src: struct(name = name)}
_CHECKS = [_cpp, _grpc]

checks = struct(approved = lambda label: label in ALLOWED.values())

def gen(srcs, lang):
    for src in srcs:
        _CODEGEN[lang](src, src)
        emit = _CODEGEN[lang]
        emit(src, src)
        _flags("opt")
    for check in _CHECKS:
        check(1, 2)
    for kind, fn in _CODEGEN.items():
        fn(kind, kind)
    for field, validate in _BY_FIELD:
        validate(field, field)

_BY_FIELD = [("cpp", _cpp), ("grpc", _grpc)]
`;

const defNames = (sources: SourceIndex[], from: SourceIndex, callee: string) =>
  resolveDefs(sources, from, callee).map(
    ({ source, def }) => `${source.defs[def]!.name}:${source.defs[def]!.span.line}`,
  );

describe('calls through names bound to defs', () => {
  const source = indexStarlarkSource('gen.bzl', TABLES);
  const flags = indexStarlarkSource('flags.bzl', 'def compiler_flags(mode):\n    return [mode] * 100\n');
  const sources = [source, flags];

  it('follows a name bound to a loaded def through its load alias', () => {
    expect(source.valueAliases['_flags']).toEqual(['flags_for']);
    expect(calleeDefNames(sources, source, '_flags')).toEqual(['_flags', 'compiler_flags']);
    expect(defNames(sources, source, '_flags')).toEqual(['compiler_flags:1']);
  });

  it('a table of callbacks called by a key reaches every def and lambda it holds', () => {
    const call = source.calls.find((c) => c.text.startsWith('_CODEGEN[lang]'))!;
    expect(call.callee).toBe('_CODEGEN');
    // The key decides which def runs: it is read by the call like an argument.
    expect(call.argNames).toContain('lang');
    expect(defNames(sources, source, call.callee)).toEqual(['_cpp:6', '_grpc:9', 'lambda:12']);
    // The same through a local name bound to the table's entry.
    expect(defNames(sources, source, 'emit')).toEqual(['_cpp:6', '_grpc:9', 'lambda:12']);
  });

  it('a loop over a list or a dict of defs binds its target to them', () => {
    expect(defNames(sources, source, 'check')).toEqual(['_cpp:6', '_grpc:9']);
    expect(defNames(sources, source, 'fn')).toEqual(['_cpp:6', '_grpc:9', 'lambda:12']);
    // A loop over plain values makes no def callable.
    expect(defNames(sources, source, 'src')).toEqual([]);
  });

  it('a loop over a list of (key, def) pairs binds its targets to the defs in them', () => {
    expect(defNames(sources, source, 'validate')).toEqual(['_cpp:6', '_grpc:9']);
  });

  it('a lambda passed as a struct field is called by the field, and its body is a statement of its own', () => {
    const lambda = source.defs.findIndex((d) => d.callNames.includes('approved'));
    expect(lambda).toBeGreaterThan(0);
    expect(defNames(sources, source, 'checks.approved')).toEqual(['lambda:15']);
    // starlark-rust profiles the lambda as a statement spanning `lambda …: …`; its `.values()` is the lambda's.
    const body = source.statements.findIndex((s) => s.kind === 'LambdaBody' && s.def === lambda);
    expect(spanText(source.statements[body]!.span)).toBe('15:28-67');
    const view = source.allocations.find((a) => a.kind === 'view')!;
    expect(view).toMatchObject({ statement: body, def: lambda });
  });
});

describe('calls of a parameter: a def handed in as an argument', () => {
  const matrix = indexStarlarkSource(
    'matrix.bzl',
    [
      'load(":bench.bzl", "bench_env")',
      '',
      'def _rows(bench, rows, make_env):',
      '    return [make_env(bench) for r in rows]',
      '',
      'def _labels(rows, render):',
      '    return [render(r) for r in rows]',
      '',
      'def matrix(bench, rows, env_factory = bench_env):',
      '    _labels(rows, render = str)',
      '    return _rows(bench, rows, env_factory)',
    ].join('\n'),
  );
  const bench = indexStarlarkSource('bench.bzl', 'def bench_env(b):\n    return {"CH%d" % i: b for i in range(96)}\n');
  const buck = indexStarlarkSource('BUCK', 'load(":matrix.bzl", "matrix")\nmatrix("a", [1, 2])\n');

  it('reaches the def the caller passes, through a keyword default up the calls', () => {
    expect(defNames([matrix, bench, buck], matrix, 'make_env')).toEqual(['bench_env:1']);
    expect(calleeDefNames([matrix, bench, buck], matrix, 'make_env')).toEqual(['make_env', 'env_factory', 'bench_env']);
  });

  it('reaches what each call site passes, by keyword too, and nothing when what is passed is no def', () => {
    const caller = indexStarlarkSource(
      'gen.bzl',
      'load(":matrix.bzl", "matrix")\nload(":bench.bzl", "bench_env")\ndef gen():\n    matrix("b", [3], env_factory = bench_env)\n',
    );
    const sources = [matrix, bench, caller];
    expect(defNames(sources, matrix, 'make_env')).toEqual(['bench_env:1']);
    expect(defNames(sources, matrix, 'render')).toEqual([]);
    // Calls are not followed through parameters once a name has no parameter to pass through.
    expect(defNames([matrix, buck], matrix, 'make_env')).toEqual([]);
  });
});

const PICKED = `
def _check_key(a):
    return a

def _check_kind(a):
    return a

CHECKS = struct(key = _check_key, kind = _check_kind, label = lambda a: a, limit = 3)
_VALIDATORS = {"key": _check_key}

def release(artifacts, names, validators = _VALIDATORS, fallback = _check_kind):
    for artifact in artifacts:
        for name in names:
            getattr(CHECKS, name)(artifact)
            check = getattr(CHECKS, name, None)
            check(artifact)
            validators[name](artifact)
            fallback(artifact)
`;

describe('calls picked by a name known only when they run', () => {
  const source = indexStarlarkSource('release.bzl', PICKED);
  const sources = [source];

  it('`getattr(S, name)(…)` is named by the struct and reaches every def and lambda its fields hold', () => {
    const call = source.calls.find((c) => c.text.startsWith('getattr(CHECKS, name)(artifact)'))!;
    expect(call.callee).toBe('CHECKS');
    // The name decides which def runs: it is read by the call like an argument.
    expect(call.argNames).toEqual(expect.arrayContaining(['artifact', 'name']));
    expect(defNames(sources, source, call.callee)).toEqual(['_check_key:2', '_check_kind:5', 'lambda:8']);
    // The same through a name bound to what getattr returns.
    expect(defNames(sources, source, 'check')).toEqual(['_check_key:2', '_check_kind:5', 'lambda:8']);
  });

  it('a parameter called (or taken apart by a key) reaches the defs its default names', () => {
    expect(defNames(sources, source, 'validators')).toEqual(['_check_key:2']);
    expect(defNames(sources, source, 'fallback')).toEqual(['_check_kind:5']);
    // A parameter without a default stays unresolved.
    expect(defNames(sources, source, 'names')).toEqual([]);
  });
});

function corpusRun(name: string): Run {
  const { sets } = loadSampleFolders(`corpus/${name}`);
  const { sources } = loadSampleFolders(`programs/corpus/${name}`);
  return groupRuns(sets, sources)[0]!;
}

describe('heap-flame edges through aliases and tables on real profiles', () => {
  it('a dict of handler defs: each handler’s bytes reach the loop that dispatches to it', () => {
    const a = attribute(new ProfileJoins(corpusRun('lic-handler-table').input));
    const dispatch = a.callSites.filter((c) => c.callee === 'emit');
    expect(dispatch.length).toBe(1);
    expect(dispatch[0]!.bytes / a.totalBytes).toBeGreaterThan(0.95);
    expect(spanText(dispatch[0]!.span)).toBe('19:9-57');
    const helper = a.statements.find((s) => s.file.endsWith('targets.bzl') && s.span.line === 4)!;
    expect(helper.loop).not.toBeNull();
  });

  it('a def passed down as a keyword argument: its bytes reach the loop that calls the parameter', () => {
    const a = attribute(new ProfileJoins(corpusRun('e9-lic-callback-keyword').input));
    const call = a.callSites.find((c) => c.callee === 'options_for')!;
    expect(call.loop).not.toBeNull();
    expect(call.bytes / a.totalBytes).toBeGreaterThan(0.95);
  });

  it('a top-level alias of a loaded def: the call in the loop carries the callee’s bytes', () => {
    const a = attribute(new ProfileJoins(corpusRun('lic-alias-multiline').input));
    const call = a.callSites.find((c) => c.callee === '_manifest')!;
    expect(call.loop).not.toBeNull();
    expect(call.bytes / a.totalBytes).toBeGreaterThan(0.95);
  });

  it('a check picked by `getattr(S, name)`: its bytes reach the loop over the names, in the caller', () => {
    const a = attribute(new ProfileJoins(corpusRun('rc-getattr-check-struct').input));
    const call = a.callSites.find((c) => c.callee === 'check')!;
    expect(call.file).toBe('build_defs/py_targets.bzl');
    expect(call.loop).not.toBeNull();
    expect(call.bytes / a.totalBytes).toBeGreaterThan(0.8);
  });
});
