// One load from inputs to sets: parse the profiles, read the Starlark sources, assemble the
// sets, attach the analysis. Free of worker globals so tests run it under Node.
import { isNamedStarlarkSource, namedStarlarkFiles } from '../analysis/build-files.ts';
import { notAProfileReason } from '../formats/file-names.ts';
import type { ParsedFile } from '../model/profile.ts';
import type { JobCallbacks } from './parse-job.ts';
import { runParseJob } from './parse-job.ts';
import { assembleSets } from './assemble.ts';
import type { LoadedSetData, ParseInput } from './protocol.ts';
import type { SkippedFiles } from './skipped.ts';
import { readSources, splitSources, unreadableSourcesWarning, type SourceText } from './sources.ts';

/** The transfer list of a finished job, loaded with this chunk (transfer.ts says why not the entry). */
export { transferablesOf } from './transfer.ts';
/** The core the worker's entry compiled (core-module.ts), handed to the heap flame reader here. */
export { adoptCoreModule } from '../formats/heap-flame-core.ts';
/** The first paint, drawn from this chunk too (the worker's entry stays small). */
export { drawsFirstPicture, paintFirstFlame, prepareFirstPaint } from './first-paint.ts';

/**
 * The late analysis of sources dropped after their profiles, imported from here (not from the
 * worker's entry): a chunk only this one imports shares this one's modules instead of splitting
 * them into a third chunk, which the first parse had to wait for while its download held the
 * connection (a 14 kB chunk took 220–280 ms to arrive during a 100 MB download).
 */
export const importAnalyseJob = () => import('./analyse-job.ts');

type Analyse = (sets: LoadedSetData[], sources: readonly SourceText[]) => LoadedSetData[];

export interface LoadResult {
  sets: LoadedSetData[];
  /** Problems after parsing that cost a feature, never the files. */
  warnings: string[];
  /** Every Starlark source of the load, so sources can join runs loaded before or after (app/loading.ts). */
  sources: SourceText[];
  /** What was left out of dropped folders as not a profile: one notice, not one error per file. */
  skipped: SkippedFiles;
}

/**
 * Runs a whole load; throws only when aborted. `known`: sources of earlier loads, which the new
 * runs join as well as the load's own. `analyse` is injectable for tests; by default the
 * analysis (set-analysis.ts, with the Starlark grammar: most of the worker's code) is loaded
 * only once the profiles are parsed, so a load's first flamegraph never waits for it.
 */
export async function runLoadJob(
  inputs: readonly ParseInput[],
  cb: JobCallbacks,
  analyse: Analyse | null = null,
  known: readonly SourceText[] = [],
): Promise<LoadResult> {
  const { sources, profiles } = splitSources(inputs);
  const byName = profiles.filter(inFolderAndNamedNotProfile);
  const kept = profiles.filter((i) => !byName.includes(i));
  // One honest bar over everything read: the profiles, then the sources.
  const sourceBytes = sources.reduce((sum, i) => sum + (i.kind === 'file' ? i.file.size : 0), 0);
  let parsedBytes = 0;
  const parsed = await runParseJob(kept, {
    ...cb,
    onProgress: (read, total, path) => {
      parsedBytes = total;
      cb.onProgress(read, total + sourceBytes, path);
    },
  });
  await cb.onParsed?.(parsed);
  // Files no format claimed that a profile or log names as Starlark (`TARGETS.fixture`) are sources.
  const names = namedStarlarkFiles(parsed);
  const named = new Set(parsed.filter((f) => isNamedStarlarkSource(f, names)).map((f) => f.path));
  const byContent = parsed.filter((f) => !named.has(f.path) && inFolderAndNoKnownFormat(f));
  const assembled = assembleSets(parsed.filter((f) => !named.has(f.path) && !byContent.includes(f)));
  const { texts, unreadable } = await readSources(
    [...sources, ...kept.filter((i) => named.has(i.path))],
    cb.signal,
    (read, path) => cb.onProgress(parsedBytes + read, parsedBytes + sourceBytes, path),
  );
  const skipped = {
    byName: byName.length,
    byContent: byContent.length,
    examples: [...byName.map((i) => i.path), ...byContent.map((f) => f.path)].slice(0, 3),
  };
  const warnings = unreadableSourcesWarning(unreadable);
  try {
    const own = new Set(texts.map((t) => t.path));
    const run = analyse ?? (await import('./set-analysis.ts')).analyseSets;
    return {
      sets: run(assembled, [...texts, ...known.filter((t) => !own.has(t.path))]),
      warnings,
      sources: texts,
      skipped,
    };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    warnings.push(`the analysis of this load failed (${why}); the profiles are shown without findings`);
    return { sets: assembled, warnings, sources: texts, skipped };
  }
}

/**
 * Files that came inside a dropped folder and are plainly not profiles by name (a README, a
 * package's C++ sources) are not read; a file dropped on its own is always parsed.
 */
function inFolderAndNamedNotProfile(input: ParseInput): boolean {
  return input.path.includes('/') && notAProfileReason(input.path) !== null;
}

/**
 * A file found in a folder whose content matched no format, or gave nothing at all: not a broken
 * profile, just not one. (A short pretty-printed JSON file opens like a protobuf event log cut
 * inside its first record, `{` being a length and `\n` field 1: no record, no command line.)
 */
function inFolderAndNoKnownFormat(file: ParsedFile): boolean {
  if (!file.path.includes('/')) return false;
  const p = file.profile;
  const nothingRead =
    p?.format === 'event-log' &&
    p.loads.length === 0 &&
    p.commandLine === null &&
    p.traceId === null &&
    file.truncated !== null;
  return (
    nothingRead || (p === null && file.detectedFormat === undefined && file.error !== null && file.truncated === null)
  );
}
