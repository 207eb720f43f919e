// Starlark sources in a load (BUCK, TARGETS, *.bzl by name): split from the profiles and read
// as text. Apart from the analysis (set-analysis.ts), which the worker loads only after the
// profiles are parsed and the first flamegraph drawn (load-job.ts).
import { isStarlarkSourcePath } from '../analysis/run-roles.ts';
import type { ParseInput } from './protocol.ts';
import { redirectProblem } from './same-origin.ts';

export interface SourceText {
  path: string;
  text: string;
}

/** Splits a job's inputs into Starlark sources (by file name: BUCK, TARGETS, *.bzl) and profiles. */
export function splitSources(inputs: readonly ParseInput[]): { sources: ParseInput[]; profiles: ParseInput[] } {
  const sources = inputs.filter((i) => isStarlarkSourcePath(i.path));
  return { sources, profiles: inputs.filter((i) => !sources.includes(i)) };
}

/**
 * Reads source inputs as UTF-8 text; one that cannot be read is left out and listed in
 * `unreadable` as `path (reason)` (the profiles and the other sources still load).
 */
export async function readSources(
  inputs: readonly ParseInput[],
  signal: AbortSignal,
  onProgress?: (bytesRead: number, path: string) => void,
): Promise<{ texts: SourceText[]; unreadable: string[] }> {
  const texts: SourceText[] = [];
  const unreadable: string[] = [];
  let bytesRead = 0;
  for (const input of inputs) {
    signal.throwIfAborted();
    try {
      const text = input.kind === 'file' ? await input.file.text() : await fetchSameOrigin(input.url, signal);
      texts.push({ path: input.path, text });
      bytesRead += input.kind === 'file' ? input.file.size : text.length;
      onProgress?.(bytesRead, input.path);
    } catch (e) {
      if (signal.aborted) throw signal.reason;
      unreadable.push(`${input.path} (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  return { texts, unreadable };
}

/** The warning for sources left out because they could not be read: counted and said, never silent. */
export function unreadableSourcesWarning(unreadable: readonly string[]): string[] {
  const n = unreadable.length;
  if (n === 0) return [];
  const examples = `${unreadable.slice(0, 3).join(', ')}${n > 3 ? ', …' : ''}`;
  return [
    `${n} Starlark source${n === 1 ? '' : 's'} could not be read and ${n === 1 ? 'is' : 'are'} left out: ${examples}`,
  ];
}

/** A source's text; a redirect to another origin or an HTTP error is not read (it throws: the source is left out). */
async function fetchSameOrigin(url: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(url, { signal, credentials: 'omit' });
  const redirected = redirectProblem(url, response);
  if (redirected) throw new Error(redirected);
  // An error page is not the source.
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  return response.text();
}
