// Inputs for the diff tests: the real before/after sample pairs, read from samples/ in place,
// and the real causes event log split into a before log and an after log.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseText } from '../../src/formats/parse-file.ts';
import type { ProfileSet } from '../../src/model/profile-set.ts';
import { SAMPLES_DIR } from '../samples.ts';

/** Each guide cause, the macro its fix changed and the value type whose bytes dropped most. */
export const CAUSES = [
  {
    name: 'loop-invariant-call',
    fixed: 'defs.bzl.cxx_libraries',
    dropped: 'defs.bzl.platform_flag_table',
    type: 'string',
  },
  { name: 'huge-collection', fixed: 'defs.bzl.sharded_test', dropped: 'defs.bzl.sharded_test', type: 'string' },
  {
    name: 'materialize-then-process',
    fixed: 'macros/defs.bzl.generated_libraries',
    dropped: 'macros/defs.bzl.generated_libraries',
    type: 'dict',
  },
  {
    name: 'dict-view-in-loop',
    fixed: 'defs.bzl.platform_variants',
    dropped: 'defs.bzl.platform_variants',
    type: 'tuple',
  },
  {
    name: 'rare-case-allocation',
    fixed: 'defs.bzl.checked_libraries',
    dropped: 'defs.bzl.checked_libraries',
    type: 'string',
  },
] as const;

/** Every file under `samples/<dir>`, as a set named `dir` with `dir/…` paths (like the CLI's). */
export function sampleSet(dir: string): ProfileSet {
  const root = join(SAMPLES_DIR, dir);
  const files: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const path = pending.pop()!;
    if (statSync(path).isDirectory())
      pending.push(
        ...readdirSync(path)
          .sort()
          .reverse()
          .map((n) => join(path, n)),
      );
    else files.push(path);
  }
  return {
    name: dir,
    files: files.map((path) => parseText(`${dir}/${relative(root, path)}`, readFileSync(path, 'utf8'))),
  };
}

/**
 * `samples/event-logs/causes.json-lines` loads every before and after BUCK file in one run. As
 * two logs (one per variant, `root//<case>/before:BUCK` → `root//<case>:BUCK`), the same files
 * can be compared by name. The peaks stay the real ones.
 */
export function splitCausesLog(): { before: string; after: string } {
  const lines = readFileSync(join(SAMPLES_DIR, 'event-logs', 'causes.json-lines'), 'utf8')
    .split('\n')
    .filter(Boolean);
  const variant = (name: 'before' | 'after', other: string) =>
    `${lines
      .filter((l) => !l.includes(`/${other}:BUCK`))
      .map((l) => l.replaceAll(`/${name}:BUCK`, ':BUCK'))
      .join('\n')}\n`;
  return { before: variant('before', 'after'), after: variant('after', 'before') };
}
