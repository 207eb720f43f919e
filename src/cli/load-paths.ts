// Files and directories given on the command line → parsed files, streamed from disk so a
// multi-hundred-MB event log is never held whole. Walks are sorted; an argument that cannot be
// read stops the command with a one-line reason, an entry inside a folder that cannot (a
// dangling link, a socket) is listed as unreadable and said, and the rest is read.
import { createReadStream } from 'node:fs';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { isStarlarkSourcePath } from '../analysis/advisor.ts';
import { isNamedStarlarkSource, namedStarlarkFiles } from '../analysis/build-files.ts';
import { notAProfileReason } from '../formats/file-names.ts';
import { parseChunks } from '../formats/parse-file.ts';
import type { ParsedFile } from '../model/profile.ts';
import { CliError, systemReason } from './command.ts';

/** One file to parse: `path` as shown to the user (the argument plus `/`-joined names). */
export interface InputFile {
  path: string;
  size: number;
}

/** The files found under one command-line argument, parsed. */
export interface LoadedArgument {
  argument: string;
  files: ParsedFile[];
  /** `.bzl`/`BUCK`/`TARGETS` files: Starlark sources for the advisor, kept as text, not parsed as profiles. */
  sources: { path: string; text: string }[];
  /** Files found in a folder that are plainly not profiles (a README, a package's C++ sources). */
  skipped: { path: string; reason: string }[];
  /** Entries of a folder that could not be read (a dangling symbolic link, a socket). */
  unreadable: Unreadable[];
}

export interface Unreadable {
  path: string;
  reason: string;
}

async function statOrFail(path: string) {
  try {
    return await stat(path);
  } catch (e) {
    throw new CliError(`cannot read "${path}": ${systemReason(e)}`);
  }
}

async function readdirOrFail(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (e) {
    throw new CliError(`cannot read directory "${dir}": ${systemReason(e)}`);
  }
}

/**
 * Every file under a directory in sorted depth-first order (`a`, `b/x`, `c`), iteratively.
 * Symbolic links are followed; a directory already visited (a link loop) is not entered twice.
 * An entry that cannot be read is added to `unreadable`, not fatal: one dangling link must not
 * cost the report of a whole folder.
 */
export async function walkDirectory(root: string, unreadable: Unreadable[] = []): Promise<InputFile[]> {
  const files: InputFile[] = [];
  const visited = new Set<string>([await realpath(root)]);
  // A stack of pending entries, reversed so that sorted order is kept when popping.
  const pending = (await readdirOrFail(root)).reverse().map((name) => `${root.replace(/\/+$/, '')}/${name}`);
  while (pending.length > 0) {
    const path = pending.pop()!;
    const info = await stat(path).catch((e: unknown) => void unreadable.push({ path, reason: systemReason(e) }));
    if (!info) continue;
    if (info.isFile()) {
      files.push({ path, size: info.size });
    } else if (info.isDirectory()) {
      const real = await realpath(path);
      if (visited.has(real)) continue;
      visited.add(real);
      const names = await readdirOrFail(path);
      for (let i = names.length - 1; i >= 0; i--) pending.push(`${path}/${names[i]}`);
    } else {
      unreadable.push({ path, reason: 'not a regular file or directory' });
    }
  }
  return files;
}

/** The files an argument names: itself, or everything under it. An empty directory is an error. */
export async function listArgument(argument: string, unreadable: Unreadable[] = []): Promise<InputFile[]> {
  const info = await statOrFail(argument);
  if (info.isFile()) return [{ path: argument, size: info.size }];
  if (!info.isDirectory()) throw new CliError(`cannot read "${argument}": not a regular file or directory`);
  const files = await walkDirectory(argument, unreadable);
  if (files.length === 0) throw new CliError(`"${argument}" is an empty directory: no profile files in it`);
  return files;
}

/** Parses one file from a read stream; a read error (EACCES, EIO …) stops the command. */
export async function parseFile(file: InputFile): Promise<ParsedFile> {
  try {
    return await parseChunks(file.path, file.size, createReadStream(file.path));
  } catch (e) {
    if (isSystemError(e)) throw new CliError(`cannot read "${file.path}": ${systemReason(e)}`);
    throw e;
  }
}

async function readSource(file: InputFile): Promise<string> {
  try {
    return await readFile(file.path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read "${file.path}": ${systemReason(e)}`);
  }
}

function isSystemError(e: unknown): boolean {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string';
}

/**
 * Lists every argument first (so a missing path fails before any parsing), then parses the
 * files one at a time.
 */
export async function loadPaths(argumentsGiven: readonly string[]): Promise<LoadedArgument[]> {
  const listed: { argument: string; files: InputFile[]; unreadable: Unreadable[] }[] = [];
  for (const argument of argumentsGiven) {
    const unreadable: Unreadable[] = [];
    listed.push({ argument, files: await listArgument(argument, unreadable), unreadable });
  }
  const loaded: LoadedArgument[] = [];
  for (const { argument, files, unreadable } of listed) {
    const parsed: ParsedFile[] = [];
    const sources: { path: string; text: string }[] = [];
    const skipped: { path: string; reason: string }[] = [];
    for (const file of files) {
      const notProfile = file.path === argument ? null : notAProfileReason(file.path);
      if (isStarlarkSourcePath(file.path)) sources.push({ path: file.path, text: await readSource(file) });
      else if (notProfile) skipped.push({ path: file.path, reason: notProfile });
      else parsed.push(await parseFile(file));
    }
    loaded.push({ argument, files: parsed, sources, skipped, unreadable });
  }
  return withNamedSources(loaded);
}

/** Files no format claimed that a profile or log names as Starlark (`TARGETS.fixture`) become sources. */
async function withNamedSources(loaded: LoadedArgument[]): Promise<LoadedArgument[]> {
  const names = namedStarlarkFiles(loaded.flatMap((l) => l.files));
  for (const argument of loaded) {
    const named = argument.files.filter((f) => isNamedStarlarkSource(f, names));
    if (named.length === 0) continue;
    argument.files = argument.files.filter((f) => !named.includes(f));
    for (const f of named)
      argument.sources.push({ path: f.path, text: await readSource({ path: f.path, size: f.size }) });
  }
  return loaded;
}
