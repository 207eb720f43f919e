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

/** Reads source inputs as UTF-8 text; one that cannot be read is skipped (the profiles still load). */
export async function readSources(
  inputs: readonly ParseInput[],
  signal: AbortSignal,
  onProgress?: (bytesRead: number, path: string) => void,
): Promise<SourceText[]> {
  const texts: SourceText[] = [];
  let bytesRead = 0;
  for (const input of inputs) {
    signal.throwIfAborted();
    try {
      const text = input.kind === 'file' ? await input.file.text() : await fetchSameOrigin(input.url, signal);
      texts.push({ path: input.path, text });
      bytesRead += input.kind === 'file' ? input.file.size : text.length;
      onProgress?.(bytesRead, input.path);
    } catch {
      if (signal.aborted) throw signal.reason;
    }
  }
  return texts;
}

/** A source's text; a redirect to another origin is not read (it throws, so the source is skipped). */
async function fetchSameOrigin(url: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(url, { signal, credentials: 'omit' });
  const redirected = redirectProblem(url, response);
  if (redirected) throw new Error(redirected);
  return response.text();
}
