// Starlark frames from pprof functions: which engine wrote the profile (Bazel or starlark-go),
// paths shown relative to the workspace or as `external/<repo>/…`, top levels and builtins named
// the way the rest of peakscope names Buck2's frames (`macros/defs.bzl.my_macro`), so the
// advisor and the loop finder find the same sources. ../shared/docs/bazel.md has the facts.
import type { PprofFrame, PprofProducer } from '../model/profile.ts';
import type { PprofData, PprofFunction } from './pprof-decode.ts';

/** File names Starlark engines give functions that have no source file. */
const BUILTIN_FILES = new Set(['<builtin>', '<native>', '<invalid>']);

/**
 * The file peakscope's pprof export gives a value-type leaf (`dict`, `list`: the last frame of a
 * Buck2 heap-flame stack), so reading the export back makes it a type leaf again.
 */
export const TYPE_LEAF_FILE = '<value type>';

/** Bazel's memory profile names a file's top level `<toplevel>`; its CPU profile names it by the file's path. */
const TOPLEVEL = '<toplevel>';

/** The frame name used for top levels, after the file: `pkg/BUILD.<toplevel>`. */
export const TOPLEVEL_FRAME = TOPLEVEL;

/** Files the Bazel loading phase evaluates at top level. */
const BUILD_FILE = /(^|\/)(BUILD|BUILD\.bazel|WORKSPACE|WORKSPACE\.bazel|MODULE\.bazel)$/;

/** A Starlark source file by its name (what tells a Starlark profile from, say, a Go one). */
const STARLARK_FILE = /(\.bzl|\.star|\.sky|\.bxl)$/;

/** `<output base>/external/<repo>/rest`: the output base is a 32-hex-digit directory (`_bazel_<user>/<md5>`). */
const EXTERNAL = /\/[0-9a-f]{32}\/external\/([^/]+)\/(.*)$/;

function isStarlarkFile(file: string): boolean {
  return BUILD_FILE.test(file) || STARLARK_FILE.test(file);
}

/** Which engine wrote the profile, from its sample types and the files its functions name. */
export function producerOf(data: PprofData): PprofProducer {
  const files = [...data.functions.values()].map((f) => f.filename);
  const starlark = files.some(isStarlarkFile) || files.some((f) => f === '<builtin>' || f === '<native>');
  const types = data.sampleTypes.map((t) => `${t.type}/${t.unit}`).join(',');
  if (starlark && types === 'memory/bytes') return 'bazel-memory';
  if (starlark && types === 'CPU/microseconds') return 'bazel-cpu';
  if ((starlark || files.includes('<invalid>')) && types === 'wall/nanoseconds') return 'starlark-go';
  return 'pprof';
}

/**
 * The workspace's directory: where a WORKSPACE/MODULE.bazel file is, else the longest directory
 * every absolute source path (outside external repositories) shares; '' when there is none. A
 * profile of one package's `.bzl` files alone can only say that package's directory.
 */
export function workspaceRootOf(files: readonly string[]): string {
  // Bazel's own pseudo files sit at the root (`/DEFAULT.WORKSPACE.SUFFIX`): they are in no workspace.
  const local = files.filter((f) => f.lastIndexOf('/') > 0 && !EXTERNAL.test(f));
  const marker = local.find((f) => /(^|\/)(WORKSPACE|WORKSPACE\.bazel|MODULE\.bazel)$/.test(f));
  if (marker) return marker.slice(0, marker.lastIndexOf('/'));
  if (local.length === 0) return '';
  let common = local[0]!.slice(0, local[0]!.lastIndexOf('/'));
  for (const f of local) {
    while (common && !f.startsWith(`${common}/`)) common = common.slice(0, common.lastIndexOf('/'));
  }
  return common;
}

/** `/ws/macros/defs.bzl` → `macros/defs.bzl`; `…/<hash>/external/repo/x.bzl` → `external/repo/x.bzl`. */
export function displayPath(file: string, workspaceRoot: string): string {
  const external = EXTERNAL.exec(file);
  if (external) return `external/${external[1]}/${external[2]}`;
  if (workspaceRoot && file.startsWith(`${workspaceRoot}/`)) return file.slice(workspaceRoot.length + 1);
  return file;
}

/** Names every function of a profile once; frames are merged by (name, file), as Bazel's CPU profile repeats them per location. */
export class FrameNamer {
  private readonly root: string;
  private readonly byKey = new Map<string, PprofFrame>();

  constructor(data: PprofData) {
    this.root = workspaceRootOf([...data.functions.values()].map((f) => f.filename));
  }

  get workspaceRoot(): string {
    return this.root;
  }

  /** The frame of a function; `line` joins the lines seen for it. */
  frame(fn: PprofFunction, line: number): PprofFrame {
    const key = `${fn.name}\u0000${fn.filename}`;
    let frame = this.byKey.get(key);
    if (!frame) {
      frame = this.describe(fn);
      this.byKey.set(key, frame);
    }
    if (line > 0 && !frame.lines.includes(line)) frame.lines.push(line);
    return frame;
  }

  private describe(fn: PprofFunction): PprofFrame {
    const bare = { name: fn.name || '(unnamed)', function: fn.name, file: fn.filename, path: fn.filename, lines: [] };
    if (BUILTIN_FILES.has(fn.filename)) return { ...bare, kind: 'builtin' };
    if (fn.filename === TYPE_LEAF_FILE) return { ...bare, kind: 'type' };
    // No file: the name is all there is (peakscope's export of a Buck2 flame names frames `defs.bzl.f`).
    if (fn.filename === '') return { ...bare, kind: 'def' };
    const file = displayPath(fn.filename, this.root);
    // A top level: Bazel's memory profile says `<toplevel>`, its CPU profile and starlark-go name the file.
    const toplevel = fn.name === TOPLEVEL || fn.name === fn.filename || fn.name === file;
    const fnName = toplevel ? TOPLEVEL : fn.name;
    return {
      name: `${file}.${fnName}`,
      function: fnName,
      file,
      path: fn.filename,
      lines: [],
      kind: toplevel ? 'toplevel' : 'def',
    };
  }
}

/**
 * Bazel's phases: a stack whose outermost frame is a file's top level ran in loading, one that
 * starts at a def (a rule or aspect implementation) in analysis; a builtin alone says neither.
 */
export function phaseOf(outermost: PprofFrame): 'loading' | 'analysis' | null {
  if (outermost.kind === 'toplevel') return 'loading';
  return outermost.kind === 'def' ? 'analysis' : null;
}
