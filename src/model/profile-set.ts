// Files from one directory form one profile set (a `buck2 profile -o DIR`, one folder of a
// `--profile-patterns-output` tree, or the loose files of one drop).
import type { ParsedFile } from './profile.ts';

export interface ProfileSet {
  /** The directory the files came from ('' for loose files). Untrusted text. */
  name: string;
  files: ParsedFile[];
}

/** Parent directory of a `/`-separated path ('' at top level). */
export function directoryOf(path: string): string {
  const normalized = path.replace(/\\/g, '/');
  const slash = normalized.lastIndexOf('/');
  return slash < 0 ? '' : normalized.slice(0, slash);
}

/** Groups files into sets by directory, in the order directories first appear. */
export function groupIntoSets(files: readonly ParsedFile[]): ProfileSet[] {
  const sets = new Map<string, ProfileSet>();
  for (const file of files) {
    const name = directoryOf(file.path);
    let set = sets.get(name);
    if (!set) {
      set = { name, files: [] };
      sets.set(name, set);
    }
    set.files.push(file);
  }
  return [...sets.values()];
}
