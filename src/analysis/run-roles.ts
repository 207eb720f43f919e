// The run model: the one place that decides which file of a set plays which role (the
// allocated heap flame, the retained summary, the statement profile …). Formats are told by
// content (formats/detect.ts); what content cannot say — allocated or retained — is decided
// here by ONE rule over every hint Buck2 leaves (see `heapSide`). Everything else (worker,
// advisor, Compare, panels, side list, CLI) reads roles, never formats or folder names.
import { evaluationOf, modeOfPath } from '../model/profile-set.ts';
import type {
  BytecodePairsProfile,
  BytecodeProfile,
  CoverageProfile,
  EventLog,
  FlameSvg,
  HeapFlame,
  HeapSummary,
  ParsedFile,
  PprofProfile,
  Profile,
  StatementProfile,
  TargetsList,
  TimeFlame,
  TypecheckProfile,
} from '../model/profile.ts';
import { flameMatchesSummary } from './totals.ts';

/**
 * What each role holds. Heap data comes in two sides: allocated (GC off) and retained (frozen).
 * A pprof profile says itself what it measures (its quantity) and takes the flame role of it.
 */
export interface RoleProfiles {
  'allocated-flame': HeapFlame | PprofProfile;
  'retained-flame': HeapFlame | PprofProfile;
  'allocated-summary': HeapSummary;
  'retained-summary': HeapSummary;
  'time-flame': TimeFlame | PprofProfile;
  statement: StatementProfile;
  coverage: CoverageProfile;
  typecheck: TypecheckProfile;
  bytecode: BytecodeProfile;
  'bytecode-pairs': BytecodePairsProfile;
  targets: TargetsList;
  'flame-svg': FlameSvg;
  'event-log': EventLog;
}
export type Role = keyof RoleProfiles;
export const ROLES: readonly Role[] = [
  'allocated-flame',
  'retained-flame',
  'allocated-summary',
  'retained-summary',
  'time-flame',
  'statement',
  'coverage',
  'typecheck',
  'bytecode',
  'bytecode-pairs',
  'targets',
  'flame-svg',
  'event-log',
];

export interface RoleFile<P> {
  /** Index in the set's `files`. */
  index: number;
  path: string;
  profile: P;
}

export type HeapSideName = 'allocated' | 'retained';

/** Which side a heap file is on and the hint that said so, in words for the side list. */
export interface HeapSide {
  side: HeapSideName;
  why: string;
}

/** Every file of a set by role, in file order; several files of one role are all kept. */
export type RunRoles = { [R in Role]: RoleFile<RoleProfiles[R]>[] } & {
  /** Per file index: its role, or null (empty, unreadable, not a profile). */
  roleOf: (Role | null)[];
  /** Per file index: why a heap file is allocated or retained (undefined for other files). */
  sideOf: (HeapSide | undefined)[];
};

/** Build files and extension files Buck2 and Bazel evaluate: these are sources, not profiles. */
export function isStarlarkSourcePath(path: string): boolean {
  const name = path.slice(path.replace(/\\/g, '/').lastIndexOf('/') + 1);
  if (['BUCK', 'BUCK.v2', 'TARGETS', 'TARGETS.v2'].includes(name)) return true;
  if (['BUILD', 'BUILD.bazel', 'WORKSPACE', 'WORKSPACE.bazel', 'MODULE.bazel'].includes(name)) return true;
  return name.endsWith('.bzl') || name.endsWith('.star') || name.endsWith('.bxl');
}

/** `allocated` or `retained` as a word of a text (`heap-retained`, `out/retained`, `Retained_2`). */
function sideWord(text: string): HeapSideName | null {
  const m = /(?:^|[^a-z])(allocated|retained)(?:[^a-z]|$)/i.exec(text);
  return m ? (m[1]!.toLowerCase() as HeapSideName) : null;
}

/** The mode an inferno title names: `Flame Graph - heap-retained on …` → `heap-retained`. */
function titleMode(title: string | null): string | null {
  return title ? (/^Flame Graph - (\S+)/.exec(title)?.[1] ?? null) : null;
}

/** True when every evaluation a targets list names is a loading one (retained modes cannot profile those). */
function onlyLoading(ids: readonly string[]): boolean {
  return ids.length > 0 && ids.every((id) => /^(load|loading)[/:]/.test(id));
}

/**
 * THE rule for allocated vs retained (heap content cannot tell them apart, formats.md §2.3).
 * Hints, strongest first:
 * 1. the inferno SVG of the same evaluation, whose title names the mode;
 * 2. the `buck2 profile --mode` folder the file sits in (`heap-flame-retained/`);
 * 3. `targets.txt` of the same evaluation naming only loading evaluations → allocated (Buck2
 *    refuses retained modes for loading);
 * 4. the nearest folder or file name with the word `allocated` or `retained` (`-o out/retained`);
 * 5. (in `classifyRun`) a heap file with no hint takes the side of a decided one whose
 *    per-function bytes it matches exactly (a summary and its flame of one mode);
 * 6. otherwise allocated, the only kind loading profiles have.
 */
export function heapSide(file: ParsedFile, files: readonly ParsedFile[]): HeapSide | null {
  const evaluation = evaluationOf(file.path);
  const mates = files.filter((f) => f !== file && evaluationOf(f.path) === evaluation);
  for (const mate of mates) {
    const mode = mate.profile?.format === 'flame-svg' ? titleMode(mate.profile.title) : null;
    const side = mode ? sideWord(mode) : null;
    if (side) return { side, why: `the SVG title beside it says ${mode}` };
  }
  const mode = modeOfPath(file.path);
  const modeSide = mode ? sideWord(mode) : null;
  if (modeSide) return { side: modeSide, why: `its folder is the ${mode} mode` };
  const targets = mates.flatMap((m) => (m.profile?.format === 'targets' ? [m.profile.ids] : []));
  if (targets.some(onlyLoading))
    return { side: 'allocated', why: 'targets.txt names only loading evaluations, which have no retained mode' };
  const parts = file.path.replace(/\\/g, '/').split('/');
  for (let i = parts.length - 1; i >= 0; i--) {
    const side = sideWord(parts[i]!);
    if (side) return { side, why: `its path says ${side} (${parts[i]})` };
  }
  return null;
}

/** The role of a pprof profile by what it says it measures; sample counts have none (listed, not drawn). */
const PPROF_ROLE: Partial<Record<PprofProfile['quantity'], Role>> = {
  'allocated-bytes': 'allocated-flame',
  bytes: 'allocated-flame',
  'retained-bytes': 'retained-flame',
  'cpu-time': 'time-flame',
  'wall-time': 'time-flame',
  time: 'time-flame',
};

const FORMAT_ROLE: Partial<Record<Profile['format'], Role>> = {
  'time-flame': 'time-flame',
  statement: 'statement',
  coverage: 'coverage',
  typecheck: 'typecheck',
  bytecode: 'bytecode',
  'bytecode-pairs': 'bytecode-pairs',
  targets: 'targets',
  'flame-svg': 'flame-svg',
  'event-log': 'event-log',
};

function emptyRoles(n: number): RunRoles {
  const roles = Object.fromEntries(ROLES.map((r) => [r, []])) as unknown as RunRoles;
  roles.roleOf = new Array<Role | null>(n).fill(null);
  roles.sideOf = new Array<HeapSide | undefined>(n).fill(undefined);
  return roles;
}

/** Heap files without a hint take the side of a decided heap file whose per-function bytes they match. */
function sideByShape(
  file: ParsedFile,
  files: readonly ParsedFile[],
  sides: readonly (HeapSide | null | undefined)[],
): HeapSide | null {
  const p = file.profile;
  for (let j = 0; j < files.length; j++) {
    const other = files[j]!.profile;
    const side = sides[j];
    if (!side || !other) continue;
    const match =
      p?.format === 'heap-summary' && other.format === 'heap-flame'
        ? flameMatchesSummary(p, other)
        : p?.format === 'heap-flame' && other.format === 'heap-summary'
          ? flameMatchesSummary(other, p)
          : false;
    if (match)
      return {
        side: side.side,
        why: `its bytes per function match the ${side.side} ${other.format === 'heap-flame' ? 'flame' : 'summary'} ${files[j]!.path}`,
      };
  }
  return null;
}

/**
 * Classifies a set's files into roles. Pure; the same files give the same roles anywhere.
 *
 * @example classifyRun(files of `samples/loop-invariant-call/before`)
 *   // → { 'allocated-flame': [heap-allocated/flame.src, heap-flame-allocated/flame.src],
 *   //     'retained-flame': [heap-flame-retained/flame.src], 'statement': [statement/profile.csv], … }
 */
export function classifyRun(files: readonly ParsedFile[]): RunRoles {
  const roles = emptyRoles(files.length);
  const isHeap = (f: ParsedFile) => f.profile?.format === 'heap-flame' || f.profile?.format === 'heap-summary';
  const hinted = files.map((f) => (isHeap(f) ? heapSide(f, files) : undefined));
  const sides = hinted.map((h, i) =>
    h === null
      ? (sideByShape(files[i]!, files, hinted) ?? { side: 'allocated' as const, why: 'no hint says retained' })
      : h,
  );
  files.forEach((file, index) => {
    const p = file.profile;
    if (!p) return;
    const side = sides[index];
    const role = side
      ? (`${side.side}-${p.format === 'heap-flame' ? 'flame' : 'summary'}` as Role)
      : p.format === 'pprof'
        ? PPROF_ROLE[p.quantity]
        : FORMAT_ROLE[p.format];
    if (!role) return;
    (roles[role] as RoleFile<Profile>[]).push({ index, path: file.path, profile: p });
    roles.roleOf[index] = role;
    roles.sideOf[index] = side;
  });
  return roles;
}

/** The first file of a role, or null. */
export function firstOf<R extends Role>(roles: RunRoles, role: R): RoleFile<RoleProfiles[R]> | null {
  return (roles[role] as RoleFile<RoleProfiles[R]>[])[0] ?? null;
}

/** The heap summary of the same mode and run as a heap flame: same side, same evaluation first, bytes matching. */
export function summaryFor(roles: RunRoles, flame: RoleFile<HeapFlame | PprofProfile>): RoleFile<HeapSummary> | null {
  const profile = flame.profile;
  if (profile.format !== 'heap-flame') return null;
  const side = roles.sideOf[flame.index]?.side ?? 'allocated';
  const candidates = roles[side === 'retained' ? 'retained-summary' : 'allocated-summary'].filter((s) =>
    flameMatchesSummary(s.profile, profile),
  );
  return candidates.find((s) => evaluationOf(s.path) === evaluationOf(flame.path)) ?? candidates[0] ?? null;
}

/** The roles of one file of a set, as a set of that file alone (index 0): its side stays as the whole set decided it. */
export function rolesOfFile(roles: RunRoles, index: number): RunRoles {
  const one = emptyRoles(1);
  const role = roles.roleOf[index];
  if (!role) return one;
  const file = (roles[role] as RoleFile<Profile>[]).find((f) => f.index === index)!;
  (one[role] as RoleFile<Profile>[]).push({ ...file, index: 0 });
  one.roleOf[0] = role;
  one.sideOf[0] = roles.sideOf[index];
  return one;
}
