// One load from inputs to sets: parse the profiles, read the Starlark sources, assemble the
// sets, attach the analysis. Free of worker globals so tests run it under Node.
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
  const files = await runParseJob(profiles, cb);
  const assembled = assembleSets(files);
  const texts = await readSources(sources, cb.signal);
  try {
    return { sets: analyse(assembled, texts), warnings: [] };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { sets: assembled, warnings: [`the analysis of this load failed (${why}); the profiles are shown without findings`] };
  }
}
