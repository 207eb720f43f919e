// The sources a run's sources load (`load("//defs:settings.bzl", …)`), transitively: a .bzl that
// only holds constants or tables has no frame and no statement row in the profiles, yet the
// sizes of the code that loads it are written with its values (starlark-constants.ts).
import type { SourceIndex } from './starlark-source.ts';

/**
 * `chosen` and every source they load, found among `all` by the label's path (only those are
 * indexed: `all` may hold many projects' files).
 */
export function withLoadedSources<S extends { path: string }>(
  chosen: readonly SourceIndex[],
  all: readonly S[],
  indexOf: (source: S) => SourceIndex,
): SourceIndex[] {
  const kept = new Set(chosen);
  const work = [...chosen];
  while (work.length > 0) {
    const loader = work.pop()!;
    for (const call of loader.calls) {
      const label = call.callee === 'load' ? call.args[0]?.text : undefined;
      const path = label ? loadedPath(label, loader.path) : null;
      const raw = path ? closest(all, path, loader.path) : null;
      const found = raw ? indexOf(raw) : null;
      if (found && !kept.has(found)) {
        kept.add(found);
        work.push(found);
      }
    }
  }
  return [...kept];
}

/** The file path a load label names, relative to its project root (`:x.bzl` beside the loader), else null. */
function loadedPath(label: string, loaderPath: string): string | null {
  const match = /^["']((?:@[\w.-]*)?\/\/)?([\w./-]*?):?([\w./-]+\.bzl)["']$/.exec(label);
  if (!match) return null;
  const [, rooted, pkg, file] = match;
  if (rooted) return pkg ? `${pkg}/${file}` : file!;
  const dir = loaderPath.replace(/\\/g, '/').replace(/\/?[^/]*$/, '');
  return dir ? `${dir}/${file}` : file!;
}

/** The source whose path ends with `path`, the one sharing most leading folders with the loader first. */
function closest<S extends { path: string }>(all: readonly S[], path: string, loaderPath: string): S | null {
  let best: S | null = null;
  let bestShared = -1;
  for (const source of all) {
    const p = source.path.replace(/\\/g, '/');
    if (p !== path && !p.endsWith(`/${path}`)) continue;
    const shared = sharedPrefix(p, loaderPath.replace(/\\/g, '/'));
    if (shared > bestShared) [best, bestShared] = [source, shared];
  }
  return best;
}

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
