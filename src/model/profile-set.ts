// Files from one directory form one profile set (a `buck2 profile -o DIR`, one folder of a
// `--profile-patterns-output` tree, or the loose files of one drop). A directory named after
// a profiler mode (`before/heap-allocated/`, `before/statement/`, …) is one `-o` output of a
// run that profiled several modes, so it joins its parent's set.
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

/** The set a file belongs to: its directory, with a trailing mode folder removed. */
export function setNameOf(path: string): string {
  const dir = directoryOf(path);
  return modeOfPath(path) === null ? dir : directoryOf(dir);
}

/** Groups files into sets by `setNameOf`, in the order sets first appear. */
export function groupIntoSets(files: readonly ParsedFile[]): ProfileSet[] {
  const sets = new Map<string, ProfileSet>();
  for (const file of files) {
    const name = setNameOf(file.path);
    let set = sets.get(name);
    if (!set) {
      set = { name, files: [] };
      sets.set(name, set);
    }
    set.files.push(file);
  }
  return [...sets.values()];
}
