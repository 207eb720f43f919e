// The stack-led attribution on real samples: bytes walk from each heap-flame stack to the
// innermost loop on the way, across frames, through call sites found in the sources; a frame's
// own bytes go to its allocating statements (never to cheap checks); Count is evidence, not runs.
import { describe, expect, it } from 'vitest';
import { statementRowList } from '../../src/model/statement-rows.ts';
import { groupRuns, type Run } from '../../src/analysis/advisor.ts';
import { statementFigures, figuresKey } from '../../src/analysis/attribution-figures.ts';
import { attribute, type Attribution } from '../../src/analysis/attribution.ts';
import { loopIterations } from '../../src/analysis/attribution-runs.ts';
import { ProfileJoins } from '../../src/analysis/profile-joins.ts';
import { neverRuns } from '../../src/analysis/rules/value-flow.ts';
import { knownIntegers } from '../../src/analysis/starlark-constants.ts';
import type { SourceIndex } from '../../src/analysis/starlark-source.ts';
import { loadSampleFolders, sampleRun, spanText } from './fixtures.ts';

/** A program of samples/programs/corpus with its generated profiles (samples/corpus). */
function corpusRun(name: string): Run {
  const { sets } = loadSampleFolders(`corpus/${name}`);
  const { sources } = loadSampleFolders(`programs/corpus/${name}`);
  const [run] = groupRuns(sets, sources);
  return run!;
}

function attributionOf(run: Run): Attribution {
  return attribute(new ProfileJoins(run.input));
}

const loopText = (a: Attribution) => a.loops.map((l) => `${l.function} ${spanText(l.span)} ${l.kind}`);
const source = (run: Run, file: string): SourceIndex => run.input.sources.find((s) => s.path.endsWith(`/${file}`))!;
const statementAt = (s: SourceIndex, line: number) => s.statements.findIndex((x) => x.span.line === line);

describe('stack-led attribution on the guide samples', () => {
  it('loop-invariant-call: the helper’s inner loop makes the table; the macro’s loop repeats the call', () => {
    const a = attributionOf(sampleRun('loop-invariant-call', 'before'));
    expect(loopText(a).slice(0, 2)).toEqual([
      'defs.bzl.platform_flag_table 9:9-15:1 for',
      'defs.bzl.cxx_libraries 18:5-26:1 for',
    ]);
    expect(a.loops[0]!.frames).toEqual(['defs.bzl.platform_flag_table']);
    // The call in the loop carries everything the callee allocated (its own table included).
    const call = a.callSites.find((c) => c.callee === 'platform_flag_table')!;
    expect(spanText(call.span)).toBe('20:17-58');
    expect(call.bytes / a.totalBytes).toBeGreaterThan(0.99);
    expect(a.loops[1]!.throughBytes).toBeGreaterThanOrEqual(call.bytes);
    // Every byte is somewhere: in a loop or outside all loops (conservation).
    const inLoops = a.loops.reduce((sum, l) => sum + l.bytes, 0);
    expect(inLoops + a.outsideLoopsBytes).toBeCloseTo(a.totalBytes, -1);
  });

  it('huge-collection: a comprehension is a loop, and it holds the bytes of its elements', () => {
    const a = attributionOf(sampleRun('huge-collection', 'before'));
    expect(a.loops[0]).toMatchObject({
      function: 'defs.bzl.sharded_test',
      kind: 'comprehension',
      header: 'for i in range(shards * cases_per_shard)',
    });
    expect(a.loops[0]!.bytes / a.totalBytes).toBeGreaterThan(0.4);
  });

  it('materialize-then-process: a callee’s bytes reach the comprehension that calls it, with the frames between', () => {
    const a = attributionOf(sampleRun('materialize-then-process', 'before'));
    const producer = a.loops.find((l) => spanText(l.span).startsWith('16:'))!;
    expect(producer.kind).toBe('comprehension');
    expect(producer.frames).toEqual(['macros/defs.bzl.generated_libraries', 'macros/defs.bzl.make_target']);
  });

  it('rare-case-allocation: a cheap check gets no bytes; the message and the target declaration share them', () => {
    const run = sampleRun('rare-case-allocation', 'before');
    const a = attributionOf(run);
    const defs = source(run, 'rare-case-allocation/before/defs.bzl');
    const figures = statementFigures(a);
    const at = (line: number, column: number) => figures.get(figuresKey('defs.bzl', { line, column }))?.bytes ?? 0;
    expect(at(10, 9)).toBe(0); // if name not in allowed:
    expect(at(6, 9)).toBeGreaterThan(0.5 * a.totalBytes); // error_message = "…".format(name, ", ".join(allowed))
    expect(neverRuns(defs, statementAt(defs, 11))).toBe(true); // fail(error_message)
  });
});

describe('across frames and Count semantics, on the corpus', () => {
  it('walks three calls up from the allocation to the loop that repeats it', () => {
    const a = attributionOf(corpusRun('rc-three-deep'));
    expect(a.loops[0]).toMatchObject({ function: 'build_defs/services.bzl.service_binaries', kind: 'for' });
    expect(a.loops[0]!.frames.slice(0, 3)).toEqual([
      'build_defs/services.bzl.service_binaries',
      'build_defs/services.bzl._declare',
      'build_defs/services.bzl._attrs',
    ]);
    expect(a.loops[0]!.frames.length).toBeGreaterThanOrEqual(5);
  });

  it('validation helpers (len, islower, endswith, startswith, in) get no bytes of their own', () => {
    const run = corpusRun('clean-validation-heavy');
    const a = attributionOf(run);
    const defs = source(run, 'validated.bzl');
    const own = (def: string) =>
      a.statements
        .filter(
          (s) =>
            run.input.sources[s.source] === defs &&
            defs.statements[s.statement]!.def === defs.defs.findIndex((d) => d.name === def),
        )
        .reduce((sum, s) => sum + s.own, 0);
    expect(own('_check_name')).toBe(0);
    expect(own('_check_files')).toBe(0);
  });

  it('reads Count as 1 + the calls in a statement per run: loop iterations come from the source, not from it', () => {
    const run = corpusRun('count-calls-per-statement');
    const defs = source(run, 'defs.bzl');
    const rows = new Map(
      statementRowList(run.input.statement!.rows).map((r) => [`${r.span.line}:${r.span.column}`, r.count]),
    );
    // 10 runs of a statement that makes 60 calls: Count 610; a 230,000-element list without calls: Count 1.
    expect(rows.get('9:9')).toBe(610);
    expect(rows.get('11:5')).toBe(1);
    const demo = defs.defs.findIndex((d) => d.name === 'count_demo');
    const loop = defs.loops.findIndex((l) => l.kind === 'for' && l.def === demo);
    expect(loopIterations(new ProfileJoins(run.input), defs, loop, knownIntegers(run.input.sources, defs, demo))).toBe(
      10,
    );
  });

  it('a never-taken `if …: fail()` ending a for body is counted once per pass, yet gets no bytes', () => {
    const run = corpusRun('branch-after-call-quirk');
    const defs = source(run, 'defs.bzl');
    const failRow = statementRowList(run.input.statement!.rows).find(
      (r) => r.file === 'defs.bzl' && r.span.line === 8,
    )!;
    expect(failRow.count).toBe(50);
    const fail = statementAt(defs, 8);
    expect(neverRuns(defs, fail)).toBe(true);
    const a = attributionOf(run);
    expect(a.statements.find((s) => s.statement === fail && run.input.sources[s.source] === defs)?.own ?? 0).toBe(0);
  });
});

describe('inlined defs and entries, on the corpus', () => {
  it('a one-line helper starlark-rust inlines has no frame: its list is its caller’s call statement', () => {
    const run = corpusRun('held4-hc-port-pool');
    const ports = source(run, 'build_defs/ports.bzl');
    // `_port_pool` is `return list(range(base, base + span))`: no frame of its own in the heap flame.
    expect(run.input.heapFlame!.tree.names.some((n) => n.endsWith('._port_pool'))).toBe(false);
    const a = attributionOf(run);
    const figures = statementFigures(a);
    const line8 = figures.get(figuresKey('build_defs/ports.bzl', { line: 8, column: 5 }))?.bytes ?? 0;
    expect(line8).toBeGreaterThan(0.9 * a.totalBytes); // pool = _port_pool(_PORT_BASE, _PORT_SPAN)
    expect(neverRuns(ports, statementAt(ports, 8))).toBe(false);
  });

  it('a def entered once has entries 1 although every statement of its body makes calls', () => {
    const run = corpusRun('mtp-struct-pipeline');
    const defs = source(run, 'build_defs/graphql.bzl');
    const collect = defs.defs.findIndex((d) => d.name === '_collect');
    // Both body statements count 5001 (1 + 5000 calls); the one call of `_collect` counts 1.
    expect(new ProfileJoins(run.input).entries(defs, collect)).toBe(1);
  });
});
