// Files of one evaluation form one profile set: a `buck2 profile -o DIR` (Buck2's fixed names
// `flame.src`, `profile.csv` …), one evaluation of a `--profile-patterns-output` tree (its
// `<eval-path>.src/.svg/.profile` files, so sibling evaluations in one folder stay apart), or the
// loose files of one drop. A directory named after a profiler mode (`before/heap-allocated/`,
// `before/statement/`, …) is one `-o` output of a run that profiled several modes, so it joins
// its parent's set. Sets are made only where profiles are: a set holding nothing to show (a
// lone `all_keys.list`, an SVG) joins a set of its folder.
import type { ParsedFile } from './profile.ts';

export interface ProfileSet {
  /** The directory the files came from ('' for loose files). Untrusted text. */
  name: string;
  files: ParsedFile[];
}

/** `buck2 profile --mode` values (docs/formats.md §9.1), as folder names the samples and users use. */
export const PROFILE_MODES = [
  'heap-summary-allocated',
  'heap-summary-retained',
  'heap-flame-allocated',
  'heap-flame-retained',
  'heap-allocated',
  'heap-retained',
  'time-flame',
  'statement',
  'coverage',
  'typecheck',
  'bytecode',
  'bytecode-pairs',
] as const;
export type ProfileMode = (typeof PROFILE_MODES)[number];

/** Parent directory of a `/`-separated path ('' at top level). */
export function directoryOf(path: string): string {
  const normalized = path.replace(/\\/g, '/');
  const slash = normalized.lastIndexOf('/');
  return slash < 0 ? '' : normalized.slice(0, slash);
}

/** The mode a file's folder is named after: `x/heap-allocated/flame.src` → `heap-allocated`. */
export function modeOfPath(path: string): ProfileMode | null {
  const dir = directoryOf(path);
  const last = dir.slice(dir.lastIndexOf('/') + 1);
  return (PROFILE_MODES as readonly string[]).includes(last) ? (last as ProfileMode) : null;
}

/** Names Buck2 gives the files of one `-o` directory (formats.md §9.2): the folder is the evaluation. */
const FIXED_NAMES = /^(flame\.src|flame\.svg|profile\.csv|profile\.txt|targets\.txt)$/;
/** `--profile-patterns` trees name each evaluation's files `<eval-path>.src/.svg/.profile`. */
const EVALUATION_FILE = /^(.+)\.(src|svg|profile)$/;

/**
 * The evaluation a file belongs to: its folder for Buck2's fixed names, else folder plus stem
 * (`load/root/apps/cli.src` and `cli.svg` → `load/root/apps/cli`).
 */
export function evaluationOf(path: string): string {
  const normalized = path.replace(/\\/g, '/');
  const name = normalized.slice(normalized.lastIndexOf('/') + 1);
  const dir = directoryOf(normalized);
  const m = FIXED_NAMES.test(name) ? null : EVALUATION_FILE.exec(name);
  return m ? (dir ? `${dir}/${m[1]}` : m[1]!) : dir;
}

/**
 * The set a file belongs to: its folder, with a trailing mode folder removed; in a folder that
 * holds `--profile-patterns` evaluations (`cli.src` beside `web.src`), its evaluation.
 */
export function setNameOf(path: string, severalEvaluations = false): string {
  if (severalEvaluations) return evaluationOf(path);
  const dir = directoryOf(path);
  return modeOfPath(path) === null ? dir : directoryOf(dir);
}

/**
 * Folders of a `--profile-patterns` tree: they hold files of two or more evaluations, or one
 * evaluation written as several files (`search.src` + `search.svg` + `search.profile`). A lone
 * `b.src` among other files is just a file of its folder.
 */
function evaluationFolders(files: readonly ParsedFile[]): Set<string> {
  const evaluations = new Map<string, Map<string, number>>();
  for (const { path } of files) {
    const dir = directoryOf(path);
    const evaluation = evaluationOf(path);
    if (evaluation === dir) continue;
    const counts = evaluations.get(dir) ?? new Map<string, number>();
    evaluations.set(dir, counts.set(evaluation, (counts.get(evaluation) ?? 0) + 1));
  }
  const split = [...evaluations].filter(([, counts]) => counts.size > 1 || [...counts.values()].some((n) => n > 1));
  return new Set(split.map(([dir]) => dir));
}

/** Formats that carry nothing to show on their own: they describe a profile beside them. */
const COMPANION_FORMATS: ReadonlySet<string> = new Set(['targets', 'flame-svg', 'empty']);

function onlyCompanions(set: ProfileSet): boolean {
  return set.files.every((f) => f.profile !== null && COMPANION_FORMATS.has(f.profile.format));
}

/** Groups files into sets by `setNameOf`, in the order sets first appear; companion-only sets join a set of their folder. */
export function groupIntoSets(files: readonly ParsedFile[]): ProfileSet[] {
  const sets = new Map<string, ProfileSet>();
  const several = evaluationFolders(files);
  for (const file of files) {
    const name = setNameOf(file.path, several.has(directoryOf(file.path)));
    let set = sets.get(name);
    if (!set) {
      set = { name, files: [] };
      sets.set(name, set);
    }
    set.files.push(file);
  }
  const all = [...sets.values()];
  for (const set of all.filter(onlyCompanions)) {
    const home = all.find(
      (s) =>
        s !== set &&
        !onlyCompanions(s) &&
        (directoryOf(s.name) === set.name ||
          s.name === directoryOf(set.name) ||
          directoryOf(s.name) === directoryOf(set.name)),
    );
    if (!home) continue;
    home.files.push(...set.files);
    set.files = [];
  }
  return all.filter((s) => s.files.length > 0);
}
