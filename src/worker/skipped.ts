// What a load left out of dropped folders because it is not a profile: counted and said once
// (a notice), never listed file by file as errors. Shared by the worker and the page.

export interface SkippedFiles {
  /** Skipped by name before reading (documentation, other languages' sources). */
  byName: number;
  /** Read, but their first lines are no format peakscope knows (a package.json, an HTML page). */
  byContent: number;
  /** A few of their paths, for the notice. */
  examples: string[];
}

/** The one notice for what a load left out, or null when nothing was. */
export function skippedNotice(skipped: SkippedFiles): string | null {
  const n = skipped.byName + skipped.byContent;
  if (n === 0) return null;
  const examples = `${skipped.examples.join(', ')}${n > skipped.examples.length ? ', …' : ''}`;
  return `skipped ${n} file${n === 1 ? '' : 's'} in the folder that ${n === 1 ? 'is' : 'are'} not profiles (${skipped.byName} by name, ${skipped.byContent} by content): ${examples}`;
}
