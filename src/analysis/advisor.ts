// The advisor: one rule per cause of Buck2's guide "Debugging Excess Starlark Peak Memory", run
// over the profiles of one run joined with its sources. Also groups loaded files into runs.
import { withLoadedSources } from './loaded-sources.ts';
import type { ProfileSet } from '../model/profile-set.ts';
import type { HeapFlame } from '../model/profile.ts';
import { frameFile, pathNamesFile } from './profile-names.ts';
import { packageOfEvalId, pathInCell } from './peaks.ts';
import { CAUSES, RuleContext, type AdviceInput, type Cause, type Confidence, type Finding } from './rules/context.ts';
import { findDictViewsInLoops } from './rules/dict-view-in-loop.ts';
import { findGrowthByCopying } from './rules/growth-by-copying.ts';
import { findHugeCollections } from './rules/huge-collection.ts';
import { findLoopInvariantCalls } from './rules/loop-invariant-call.ts';
import { findMaterializeThenProcess } from './rules/materialize-then-process.ts';
import { keepInnermost } from './rules/nesting.ts';
import { findRareCaseAllocations } from './rules/rare-case-allocation.ts';
import { classifyRun, firstOf, isStarlarkSourcePath, type Role, type RunRoles } from './run-roles.ts';
import { indexStarlarkSource, type SourceIndex } from './starlark-source.ts';
import type { Attribution } from './attribution.ts';

export type { AdviceInput, Cause, Confidence, Finding };
export { CAUSES, GUIDE_LINKS } from './rules/context.ts';

/** The rule of each cause; a Record so a cause without a rule does not compile. */
const RULES: Record<Cause, (ctx: RuleContext) => Finding[]> = {
  'loop-invariant-call': findLoopInvariantCalls,
  'huge-collection': findHugeCollections,
  'materialize-then-process': findMaterializeThenProcess,
  'dict-view-in-loop': findDictViewsInLoops,
  'rare-case-allocation': findRareCaseAllocations,
  'growth-by-copying': findGrowthByCopying,
};

const CONFIDENCE_ORDER: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

/**
 * Runs every rule over one run and returns its findings, most confident first, then by bytes.
 * Without sources there are none: every rule needs the syntax tree to name a statement.
 *
 * @example advise({ heapFlame, summary: null, statement, coverage: null, sources: [defsBzl, buck] })
 *   // → [{ cause: 'loop-invariant-call', function: 'defs.bzl.cxx_libraries', file: 'defs.bzl', span: 20:9-58, … }]
 */
export function advise(input: AdviceInput): Finding[] {
  return analyseRun(input).findings;
}

/** One run's findings and the attribution they were read from (hot loops, call sites, statement bytes). */
export function analyseRun(input: AdviceInput): { findings: Finding[]; attribution: Attribution } {
  const ctx = new RuleContext(input);
  if (input.sources.length === 0) return { findings: [], attribution: ctx.attribution };
  const findings = keepInnermost(
    ctx,
    CAUSES.flatMap((cause) => RULES[cause](ctx)),
  ).sort((a, b) => CONFIDENCE_ORDER[a.confidence] - CONFIDENCE_ORDER[b.confidence] || b.bytes - a.bytes);
  return { findings, attribution: ctx.attribution };
}

export { isStarlarkSourcePath };

/** A profile set, with its roles when the caller classified it already (the worker does). */
export type RunSet = ProfileSet & { roles?: RunRoles };

/** One run: the profile sets of one `buck2 profile` target set, with the sources it names. */
export interface Run {
  /** The set's name: the directory holding the run's mode folders. Untrusted text. */
  name: string;
  sets: ProfileSet[];
  input: AdviceInput;
  targetIds: string[];
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/**
 * Makes each profile set a run (`groupIntoSets` already folds `<run>/<mode>/` folders into one
 * set) and attaches the sources its file names point at. When several sources end with the same
 * file name (`defs.bzl` in many sample programs), the one whose folders share most names with
 * the run's folder wins.
 */
export function groupRuns(sets: readonly RunSet[], sources: readonly { path: string; text: string }[]): Run[] {
  const runs = new Map<string, RunSet[]>();
  for (const set of sets) runs.set(set.name, [...(runs.get(set.name) ?? []), set]);
  const indexed = new Map<string, SourceIndex>();
  const indexOf = (source: { path: string; text: string }) => {
    let index = indexed.get(source.path);
    if (!index) indexed.set(source.path, (index = indexStarlarkSource(source.path, source.text)));
    return index;
  };
  return [...runs].map(([name, runSets]) => {
    const profiles = collectProfiles(runSets);
    const names = fileNamesOf(profiles);
    const wanted = functionsByFile(profiles);
    // How many of the functions the profiles name in `file` a source defines; null when they name
    // none, or when the source could not be indexed (it is still matched by name, to say why).
    const defines = (source: { path: string; text: string }, file: string) => {
      const names = wanted.get(file);
      const index = indexOf(source);
      return names && index.unreadable === undefined ? index.defs.filter((d) => names.has(d.name)).length : null;
    };
    const chosen = names
      .map((file) => bestSource(file, name, sources, defines))
      .filter((s): s is { path: string; text: string } => s !== null);
    const unique = [...new Map(chosen.map((s) => [s.path, s])).values()];
    return {
      name,
      sets: runSets,
      targetIds: profiles.targetIds,
      input: { ...profiles.input, sources: withLoadedSources(unique.map(indexOf), sources, indexOf) },
    };
  });
}

interface Collected {
  input: Omit<AdviceInput, 'sources'>;
  targetIds: string[];
}

/** The profiles of a run that the rules read, by role; retained heap data is left out (it is not what was allocated). */
function collectProfiles(sets: readonly RunSet[]): Collected {
  const roles = sets.length === 1 && sets[0]!.roles ? sets[0]!.roles : classifyRun(sets.flatMap((s) => s.files));
  const first = <R extends Role>(role: R) => firstOf(roles, role)?.profile ?? null;
  const targetIds = [...new Set(roles.targets.flatMap((t) => t.profile.ids))];
  const pprofs = sets.flatMap((s) => s.files.flatMap((f) => (f.profile?.format === 'pprof' ? [f.profile] : [])));
  // Files pprof frames name (Bazel, starlark-go): their sources join the run.
  const frameFiles = new Set<string>();
  for (const p of pprofs)
    for (const f of p.frames) if (f && (f.kind === 'def' || f.kind === 'toplevel') && f.file) frameFiles.add(f.file);
  return {
    input: {
      heapFlame: allocatedHeap(roles),
      summary: first('allocated-summary'),
      statement: first('statement'),
      coverage: first('coverage'),
      frameFiles: [...frameFiles],
    },
    targetIds,
  };
}

/**
 * The allocated heap flame the rules weigh by: a heap flame, or a pprof profile of allocated
 * bytes (a Buck2 flame exported by peakscope, a Go alloc_space profile). Other pprof bytes are
 * not given to the rules: Bazel's memory profile is retained at dump, not allocated.
 */
function allocatedHeap(roles: RunRoles): HeapFlame | null {
  for (const { profile } of roles['allocated-flame']) {
    if (profile.format === 'heap-flame') return profile;
    if (profile.quantity === 'allocated-bytes')
      return { format: 'heap-flame', tree: profile.tree, stacks: profile.samples, unusedCapacityBytes: null };
  }
  return null;
}

/** File names the run's profiles mention: statement and coverage files, frame files, build files of its targets. */
function fileNamesOf({ input, targetIds }: Collected): string[] {
  const names = new Set<string>(input.frameFiles);
  for (const file of input.statement?.rows.files ?? []) names.add(file);
  for (const { file } of input.coverage?.spans ?? []) names.add(file);
  for (const name of input.heapFlame?.tree.names ?? input.summary?.functions.map((f) => f.name) ?? []) {
    const file = frameFile(name);
    if (file) names.add(file);
  }
  for (const id of targetIds) {
    const pkg = packageOfEvalId(id);
    const path = pkg === null ? null : pathInCell(pkg);
    if (path !== null) for (const build of ['BUCK', 'BUCK.v2', 'TARGETS']) names.add(path ? `${path}/${build}` : build);
  }
  return [...names];
}

/** Per file the profiles name, the functions they name in it (`defs.bzl.f` → `defs.bzl` → `f`). */
function functionsByFile({ input }: Collected): Map<string, Set<string>> {
  const byFile = new Map<string, Set<string>>();
  for (const name of input.heapFlame?.tree.names ?? input.summary?.functions.map((f) => f.name) ?? []) {
    const file = frameFile(name);
    if (file) byFile.set(file, (byFile.get(file) ?? new Set()).add(name.slice(file.length + 1)));
  }
  return byFile;
}

/**
 * The source for a file the profiles name. A `defs.bzl` that defines none of the functions the
 * profiles name in it is another project's (sources can arrive from anywhere, at any time); among
 * the rest, the one defining most of them wins, then the one whose folders share most names with
 * the run's folder.
 */
function bestSource<S extends { path: string }>(
  file: string,
  runName: string,
  sources: readonly S[],
  defines: (source: S, file: string) => number | null,
): S | null {
  const runFolders = new Set(runName.split('/').filter(Boolean));
  let best: S | null = null;
  let bestScore = -1;
  for (const source of sources) {
    if (!pathNamesFile(source.path, file)) continue;
    const defined = defines(source, file);
    if (defined === 0) continue;
    const folders = parentOf(source.path.replace(/\\/g, '/'))
      .split('/')
      .filter((folder) => runFolders.has(folder)).length;
    const score = (defined ?? 0) * 1000 + folders;
    if (score > bestScore) [best, bestScore] = [source, score];
  }
  return best;
}
