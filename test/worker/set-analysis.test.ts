import { describe, expect, it } from 'vitest';
import { firstOf } from '../../src/analysis/run-roles.ts';
import { placeStatements } from '../../src/analysis/statement-placement.ts';
import { indexStarlarkSource } from '../../src/analysis/starlark-source.ts';
import { assembleSets } from '../../src/worker/assemble.ts';
import { analyseSets } from '../../src/worker/set-analysis.ts';
import { splitSources } from '../../src/worker/sources.ts';
import type { ParsedFile } from '../../src/model/profile.ts';
import type { ParseInput } from '../../src/worker/protocol.ts';
import { loadSampleFolders } from '../analysis/fixtures.ts';

describe('set analysis in the worker', () => {
  it('takes BUCK, TARGETS and .bzl inputs as sources and the rest as profiles', () => {
    const input = (path: string): ParseInput => ({ kind: 'file', path, file: new Blob(['']) });
    const { sources, profiles } = splitSources(
      ['a/BUCK', 'a/defs.bzl', 'a/statement/profile.csv', 'b/TARGETS', 'flame.src'].map(input),
    );
    expect(sources.map((s) => s.path)).toEqual(['a/BUCK', 'a/defs.bzl', 'b/TARGETS']);
    expect(profiles.map((s) => s.path)).toEqual(['a/statement/profile.csv', 'flame.src']);
  });

  it("attaches findings, the attribution's hot loops, peak figures and the matched sources to each set of a load", () => {
    const { sets } = loadSampleFolders('dict-view-in-loop/before', 'event-logs/causes.json-lines');
    const { sources } = loadSampleFolders('programs/dict-view-in-loop');
    const analysed = analyseSets(assembleSets(sets.flatMap((s) => s.files)), sources);
    const run = analysed.find((s) => s.name === 'samples/dict-view-in-loop/before')!;
    expect(run.analysis!.findings.map((f) => f.cause)).toEqual(['dict-view-in-loop']);
    expect(run.analysis!.sources.map((s) => s.path)).toEqual(
      expect.arrayContaining(['samples/programs/dict-view-in-loop/before/defs.bzl']),
    );
    expect(run.analysis!.sources.every((s) => s.text.length > 0)).toBe(true);
    expect(run.analysis!.attribution.loops[0]).toMatchObject({
      function: 'defs.bzl.platform_variants',
      header: 'for flavor in range(flavors)',
      span: { line: 5, column: 9 },
    });
    expect(run.analysis!.estimate!.figures.map((f) => f.kind)).toEqual(['best-estimate', 'upper-bound', 'measured']);
    const logs = analysed.find((s) => s.name === 'samples/event-logs')!;
    expect(logs.analysis!.hasEventLog).toBe(true);
    expect(logs.analysis!.findings).toEqual([]);
    expect(structuredClone(run.analysis)).toEqual(run.analysis);
  });

  it("sends each matched source's outline, on which the page places statements as on the full index", () => {
    const { sets } = loadSampleFolders('dict-view-in-loop/before');
    const { sources } = loadSampleFolders('programs/dict-view-in-loop');
    const run = analyseSets(assembleSets(sets.flatMap((s) => s.files)), sources)[0]!;
    const statement = firstOf(run.roles, 'statement')!.profile;
    const matched = run.analysis!.sources;
    const indexes = matched.map((s) => indexStarlarkSource(s.path, s.text));
    expect(matched.map((s) => s.outline.path)).toEqual(matched.map((s) => s.path));
    expect(matched[0]!.outline.defs.map((d) => d.name)).toEqual(indexes[0]!.defs.map((d) => d.name));
    const placed = (outlines: Parameters<typeof placeStatements>[1]) =>
      placeStatements(statement, outlines).map((p) => [statement.rows.line[p.row], p.functionName]);
    expect(placed(matched.map((s) => s.outline))).toEqual(placed(indexes));
    expect(placed(matched.map((s) => s.outline)).filter(([, name]) => name !== null && name !== 'module')).not.toEqual(
      [],
    );
    // Only the outline's fields cross the worker boundary, not the rules' whole index.
    expect(Object.keys(matched[0]!.outline).sort()).toEqual(['defs', 'loops', 'path', 'statements']);
  });

  it('hands over nothing per BUCK file of the event logs: more loads leave every analysis as it was', () => {
    const { sets } = loadSampleFolders('dict-view-in-loop/before', 'event-logs/causes.json-lines');
    const files = sets.flatMap((s) => s.files);
    const grown = files.map((f): ParsedFile => {
      const log = f.profile;
      if (log?.format !== 'event-log') return f;
      const extra = Array.from({ length: 1000 }, (_, i) => ({ ...log.loads[0]!, moduleId: `root//extra/p${i}:BUCK` }));
      return { ...f, profile: { ...log, loads: [...log.loads, ...extra] } };
    });
    const analyses = (fs: ParsedFile[]) => analyseSets(assembleSets(fs), []).map((s) => s.analysis);
    const before = analyses(files);
    expect(before.some((a) => a!.estimate?.figures.some((f) => f.kind === 'measured'))).toBe(true);
    expect(analyses(grown)).toEqual(before);
  });
});
