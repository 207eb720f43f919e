// One load from inputs to sets: parse the profiles, read the Starlark sources, assemble the
// sets, attach the analysis. Free of worker globals so tests run it under Node.
import { isNamedStarlarkSource, namedStarlarkFiles } from '../analysis/build-files.ts';
import { notAProfileReason } from '../formats/file-names.ts';
import type { JobCallbacks } from './parse-job.ts';
import { runParseJob } from './parse-job.ts';
import { assembleSets } from './assemble.ts';
import type { LoadedSetData, ParseInput } from './protocol.ts';
import { analyseSets, readSources, splitSources, type SourceText } from './set-analysis.ts';

export interface LoadResult {
  sets: LoadedSetData[];
  /** Problems after parsing that cost a feature, never the files. */
  warnings: string[];
}

/** Runs a whole load; throws only when aborted. `analyse` is injectable for tests. */
export async function runLoadJob(
  inputs: readonly ParseInput[],
  cb: JobCallbacks,
  analyse: (sets: LoadedSetData[], sources: readonly SourceText[]) => LoadedSetData[] = analyseSets,
): Promise<LoadResult> {
  const { sources, profiles } = splitSources(inputs);
  const { kept, skipped } = skipNonProfiles(profiles);
  const parsed = await runParseJob(kept, cb);
  // Files no format claimed that a profile or log names as Starlark (`TARGETS.fixture`) are sources.
  const names = namedStarlarkFiles(parsed);
  const named = new Set(parsed.filter((f) => isNamedStarlarkSource(f, names)).map((f) => f.path));
  const files = parsed.filter((f) => !named.has(f.path));
  const assembled = assembleSets(files);
  const texts = await readSources([...sources, ...kept.filter((i) => named.has(i.path))], cb.signal);
  const warnings = skipped.length > 0 ? [skippedWarning(skipped)] : [];
  try {
    return { sets: analyse(assembled, texts), warnings };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { sets: assembled, warnings: [...warnings, `the analysis of this load failed (${why}); the profiles are shown without findings`] };
  }
}

/**
 * Files that came inside a dropped folder and are plainly not profiles (a README, a package's
 * C++ sources) are left out and named in a warning; a file dropped on its own is always parsed.
 */
function skipNonProfiles(inputs: readonly ParseInput[]): { kept: ParseInput[]; skipped: ParseInput[] } {
  const skipped = inputs.filter((i) => i.path.includes('/') && notAProfileReason(i.path) !== null);
  return { kept: inputs.filter((i) => !skipped.includes(i)), skipped };
}

function skippedWarning(skipped: readonly ParseInput[]): string {
  const names = skipped.slice(0, 3).map((i) => i.path).join(', ');
  return `skipped ${skipped.length} file${skipped.length === 1 ? '' : 's'} that are not profiles (documentation, other languages' sources): ${names}${skipped.length > 3 ? ', …' : ''}`;
}
