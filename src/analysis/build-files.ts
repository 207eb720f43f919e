// Build files need not be called BUCK: `[buildfile] name` in .buckconfig picks any names
// (`TARGETS.fixture`, `BUCK.v2`, `TARGETS.v2`, …). A file the profiles or event logs of a load
// name is Starlark, whatever its name: it is read as a source, not refused as an unknown profile.
import type { ParsedFile } from '../model/profile.ts';

function baseName(path: string): string {
  return path.slice(path.replace(/\\/g, '/').lastIndexOf('/') + 1);
}

/**
 * The file names the load's profiles and logs name as evaluated Starlark: the build file of each
 * event-log module id (`root//foo:TARGETS.fixture` → `TARGETS.fixture`) and every file of the
 * statement and coverage profiles (only Starlark statements are profiled).
 */
export function namedStarlarkFiles(files: readonly ParsedFile[]): Set<string> {
  const names = new Set<string>();
  for (const { profile } of files) {
    if (profile?.format === 'event-log') {
      for (const load of profile.loads) names.add(load.moduleId.slice(load.moduleId.lastIndexOf(':') + 1));
    } else if (profile?.format === 'statement') {
      for (const file of profile.rows.files) names.add(baseName(file));
    } else if (profile?.format === 'coverage') {
      for (const span of profile.spans) names.add(baseName(span.file));
    }
  }
  names.delete('');
  return names;
}

/** A file that no format claimed but that the load names as Starlark: a source after all. */
export function isNamedStarlarkSource(file: ParsedFile, names: ReadonlySet<string>): boolean {
  return file.profile === null && file.detectedFormat === undefined && names.has(baseName(file.path));
}
