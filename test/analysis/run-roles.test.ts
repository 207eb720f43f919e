// The run model over every real sample folder and over hand-made hint cases: each file's role,
// one rule for allocated vs retained, one set per evaluation of a `--profile-patterns` tree.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_UNITS, setMetrics } from '../../src/analysis/metrics.ts';
import { classifyRun, heapSide, summaryFor, type Role } from '../../src/analysis/run-roles.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import { groupIntoSets, modeOfPath } from '../../src/model/profile-set.ts';
import type { ParsedFile } from '../../src/model/profile.ts';
import { SAMPLES_DIR } from '../golden.ts';
import { loadSampleFolders } from './fixtures.ts';

/** The role each mode folder's files must get (`profile.csv`/`flame.src`; targets.txt is `targets`). */
const MODE_ROLES: Record<string, { src?: Role; csv?: Role; svg?: Role }> = {
  'heap-allocated': { src: 'allocated-flame', csv: 'allocated-summary', svg: 'flame-svg' },
  'heap-flame-allocated': { src: 'allocated-flame', svg: 'flame-svg' },
  'heap-flame-retained': { src: 'retained-flame', svg: 'flame-svg' },
  'heap-summary-allocated': { csv: 'allocated-summary' },
  'heap-summary-retained': { csv: 'retained-summary' },
  'time-flame': { src: 'time-flame', csv: 'time-flame', svg: 'flame-svg' },
  statement: { csv: 'statement' },
  coverage: { csv: 'coverage' },
  typecheck: { csv: 'typecheck' },
  bytecode: { csv: 'bytecode' },
  'bytecode-pairs': { csv: 'bytecode-pairs' },
};

/** Every folder of samples/ that holds mode folders (a run of `buck2 profile` in several modes). */
function runFolders(): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(SAMPLES_DIR, rel)).sort()) {
      const child = rel ? `${rel}/${name}` : name;
      if (!statSync(join(SAMPLES_DIR, child)).isDirectory() || child.startsWith('programs')) continue;
      if (name in MODE_ROLES) {
        if (!found.includes(rel)) found.push(rel);
      } else walk(child);
    }
  };
  walk('');
  return found;
}

function expectedRole(file: ParsedFile): Role | null {
  // Buck2's `empty 1` placeholder (a tiny program's time flame, formats.md §9.2) is no data.
  if (file.profile?.format === 'empty') return null;
  const path = file.path;
  const mode = modeOfPath(path);
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === 'targets.txt') return 'targets';
  const roles = mode ? MODE_ROLES[mode] : undefined;
  if (!roles) return null;
  return (name === 'flame.src' ? roles.src : name === 'flame.svg' ? roles.svg : roles.csv) ?? null;
}

describe('the run model on every real sample folder', () => {
  const folders = runFolders();

  it('finds the sample runs', () => {
    expect(folders).toContain('monorepo');
    expect(folders).toContain('loop-invariant-call/before');
    expect(folders.length).toBeGreaterThanOrEqual(11);
  });

  it.each(folders)('%s: every file gets the role its mode says, one set per run', (folder) => {
    const { sets } = loadSampleFolders(folder);
    const runSet = sets.find((s) => s.name === `samples/${folder}`)!;
    const roles = classifyRun(runSet.files);
    const got = runSet.files.map((f, i) => [f.path, roles.roleOf[i]]);
    const want = runSet.files.map((f) => [f.path, expectedRole(f)]);
    expect(got).toEqual(want);
    // Heap files' sides are each decided by a hint Buck2 left.
    expect(roles['allocated-flame'].length).toBeGreaterThan(0);
    // (A retained flame can be Buck2's `empty 1` placeholder: then it has no role.)
    for (const f of roles['retained-flame'])
      expect(roles.sideOf[f.index]!.why).toBe('the SVG title beside it says heap-flame-retained');
    for (const f of roles['retained-summary'])
      expect(roles.sideOf[f.index]!.why).toBe('its folder is the heap-summary-retained mode');
    // Every mode folder named retained gave a retained file (none was taken for allocated).
    const retainedFolders = runSet.files.filter(
      (f) =>
        /-retained\//.test(f.path) &&
        f.profile &&
        f.profile.format !== 'empty' &&
        f.profile.format !== 'targets' &&
        f.profile.format !== 'flame-svg',
    );
    expect(retainedFolders.map((f) => roles.sideOf[runSet.files.indexOf(f)]?.side)).toEqual(
      retainedFolders.map(() => 'retained'),
    );
  });

  it('makes one set per evaluation of a --profile-patterns tree, each with its flame, summary and SVG', () => {
    const { sets } = loadSampleFolders('monorepo/profile-patterns');
    const evaluations = sets.map((s) => s.name.replace(/^.*?b4\//, ''));
    expect(evaluations).toEqual(
      expect.arrayContaining([
        'load/root/apps/cli',
        'load/root/apps/web',
        'load/root/libs/core',
        'load_bzl/root/build_defs/cxx.bzl',
        'merged',
      ]),
    );
    expect(sets).toHaveLength(11);
    for (const set of sets) {
      const roles = classifyRun(set.files);
      expect(roles['allocated-flame'], set.name).toHaveLength(1);
      expect(roles['flame-svg'], set.name).toHaveLength(1);
      const summary = summaryFor(roles, roles['allocated-flame'][0]!);
      if (roles['allocated-summary'].length > 0)
        expect(summary?.path, set.name).toBe(roles['allocated-summary'][0]!.path);
    }
    // all_keys.list has nothing to show alone: it joins the merged profile's set.
    expect(
      sets.find((s) => s.name.endsWith('/merged'))!.files.map((f) => f.path.slice(f.path.lastIndexOf('/') + 1)),
    ).toContain('all_keys.list');
  });
});

const FLAME = 'module;defs.bzl.f;list 800\nmodule;string 64\n';
const SUMMARY =
  'Function,Time(s),TimeRec(s),Calls,Callers,TopCaller,TopCallerCount,Allocs,AllocBytes,list,string\n"TOTALS",0.1,0.1,1,0,"",0,3,864,1,2\n"defs.bzl.f",0.1,0.1,0,1,"module",1,1,800,1,0\n"module",0,0.1,1,1,"(root)",1,2,64,0,2\n';
const svg = (mode: string) =>
  `<?xml version="1.0" standalone="no"?>\n<svg version="1.1" xmlns="http://www.w3.org/2000/svg">\n<text id="title" x="50.0000%" y="24.00">Flame Graph - ${mode} on analysis/root//pkg:t</text>\n</svg>\n`;
const file = (path: string, text: string): ParsedFile => parseText(path, text);

function sidesOf(files: ParsedFile[]): [string, string | null, string | undefined][] {
  const roles = classifyRun(files);
  return files.map((f, i) => [f.path, roles.roleOf[i] ?? null, roles.sideOf[i]?.why]);
}

describe('one rule for allocated vs retained (hand-made hint cases)', () => {
  it('takes the side from the SVG title beside the flame, over any folder name', () => {
    const files = [file('out/allocated/flame.src', FLAME), file('out/allocated/flame.svg', svg('heap-retained'))];
    expect(sidesOf(files)[0]).toEqual([
      'out/allocated/flame.src',
      'retained-flame',
      'the SVG title beside it says heap-retained',
    ]);
  });

  it('reads -o out/retained (the folder the README suggests) as retained, and its CSV with it', () => {
    const files = [file('out/retained/flame.src', FLAME), file('out/retained/profile.csv', SUMMARY)];
    expect(sidesOf(files).map(([, role, why]) => [role, why])).toEqual([
      ['retained-flame', 'its path says retained (retained)'],
      ['retained-summary', 'its path says retained (retained)'],
    ]);
  });

  it('never takes a word inside another word: `unretained-ish` or `retainedness` say nothing', () => {
    expect(heapSide(file('x/retainedness/flame.src', FLAME), [])).toBeNull();
  });

  it('lets a loading-only targets.txt veto a folder word (Buck2 refuses retained modes for loading)', () => {
    const files = [file('retained/flame.src', FLAME), file('retained/targets.txt', 'load/root//pkg\n')];
    expect(sidesOf(files)[0]!.slice(1)).toEqual([
      'allocated-flame',
      'targets.txt names only loading evaluations, which have no retained mode',
    ]);
  });

  it('gives a summary with no hint the side of the flame whose bytes per function it matches (the CSV shape)', () => {
    const files = [
      file('a/flame.src', FLAME),
      file('a/flame.svg', svg('heap-flame-retained')),
      file('b/profile.csv', SUMMARY),
    ];
    expect(sidesOf(files)[2]).toEqual([
      'b/profile.csv',
      'retained-summary',
      'its bytes per function match the retained flame a/flame.src',
    ]);
  });

  it('calls heap data allocated when nothing says otherwise, and keeps every file of one role', () => {
    const files = [file('one.folded', FLAME), file('two.folded', FLAME.replace('800', '900'))];
    const roles = classifyRun(files);
    expect(roles['allocated-flame'].map((f) => f.path)).toEqual(['one.folded', 'two.folded']);
    expect(roles.sideOf.map((s) => s?.why)).toEqual(['no hint says retained', 'no hint says retained']);
  });

  it('pairs a pattern tree evaluation with its own SVG, not a sibling’s', () => {
    const files = [
      file('t/a.src', FLAME),
      file('t/a.svg', svg('heap-flame-allocated')),
      file('t/b.src', FLAME),
      file('t/b.svg', svg('heap-flame-retained')),
    ];
    expect(sidesOf(files).map(([, role]) => role)).toEqual([
      'allocated-flame',
      'flame-svg',
      'retained-flame',
      'flame-svg',
    ]);
    expect(groupIntoSets(files).map((s) => s.name)).toEqual(['t/a', 't/b']);
  });
});

describe('metrics from roles', () => {
  it('offers each distinct flame of a role under its own key, identical copies once, allocations with their summary', () => {
    const files = [
      file('x/a.folded', FLAME),
      file('x/b.folded', FLAME.replace('800', '900')),
      file('x/copy.folded', FLAME),
      file('x/profile.csv', SUMMARY),
    ];
    const metrics = setMetrics(classifyRun(files), 'x');
    expect(metrics.map((m) => [m.key, m.label, m.total[0]])).toEqual([
      ['bytes', 'allocated bytes (a.folded)', 864],
      ['bytes-2', 'allocated bytes (b.folded)', 964],
      ['allocs', 'allocations', 3],
    ]);
  });

  it('gives the CLI every metric of a sample run, allocations included', () => {
    const { sets } = loadSampleFolders('loop-invariant-call/before');
    const run = sets.find((s) => s.name === 'samples/loop-invariant-call/before')!;
    expect(setMetrics(classifyRun(run.files), run.name).map((m) => [m.key, METRIC_UNITS[m.metric]])).toEqual([
      ['bytes', 'bytes'],
      ['retained', 'bytes'],
      ['allocs', 'count'],
      ['time', 'milliseconds'],
    ]);
  });
});
