// `peakscope export --pprof OUT INPUT`: one profile's call tree as gzipped pprof, for
// `go tool pprof` and pprof's web UI. The tree's exact weights are written, so reading OUT back
// (here or in pprof) gives the same stacks and totals.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { profileAsPprof, type TreeProfile } from '../formats/pprof-encode.ts';
import { modeOfPath } from '../model/profile-set.ts';
import type { ParsedFile } from '../model/profile.ts';
import { CliError, systemReason, type CliIO, type Command } from './command.ts';
import { loadPaths } from './load-paths.ts';
import { printable } from './report-text.ts';
import { didYouMean, unknownOption } from './suggest.ts';
import { formatNumber } from '../model/units.ts';

const USAGE = `Usage: peakscope export --pprof OUT INPUT

Writes the call tree of the profile INPUT (a Buck2 heap or time flame, or a pprof profile of
Bazel or starlark-go) to OUT as gzipped pprof, for 'go tool pprof OUT' or 'pprof -http'.
A heap flame under a *-retained folder is written as retained_space/bytes, any other as
alloc_space/bytes; a time flame as time/milliseconds; a pprof profile keeps its sample type.

Options:
  --pprof OUT   the file to write
  -h, --help    show this help
`;

function hasTree(file: ParsedFile): file is ParsedFile & { profile: TreeProfile } {
  const format = file.profile?.format;
  return format === 'heap-flame' || format === 'time-flame' || format === 'pprof';
}

const EXPORT_OPTIONS = ['--pprof', '--help', '-h'];

function parseExportArgs(args: string[]): { out: string; input: string } | null {
  const unknown = unknownOption(args, EXPORT_OPTIONS);
  if (unknown)
    throw new CliError(
      `unknown option "${unknown}"${didYouMean(unknown, EXPORT_OPTIONS)}; see 'peakscope export --help'`,
    );
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { pprof: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    throw new CliError(`${e instanceof Error ? e.message : String(e)}; see 'peakscope export --help'`);
  }
  const { values, positionals } = parsed;
  if (values.help) return null;
  if (!values.pprof) throw new CliError("--pprof OUT is required; see 'peakscope export --help'");
  if (positionals.length !== 1)
    throw new CliError(`give exactly one INPUT profile (got ${positionals.length}); see 'peakscope export --help'`);
  return { out: values.pprof, input: positionals[0]! };
}

async function runExport(args: string[], io: CliIO): Promise<number> {
  const options = parseExportArgs(args);
  if (!options) {
    io.stdout(USAGE);
    return 0;
  }
  const [loaded] = await loadPaths([options.input]);
  const trees = loaded!.files.filter(hasTree);
  if (trees.length !== 1) {
    const which =
      trees.length === 0
        ? 'no call tree (a heap or time flame, or a pprof profile)'
        : `${trees.length} call trees (${trees
            .slice(0, 3)
            .map((f) => printable(f.path))
            .join(', ')}); name one file`;
    throw new CliError(`"${printable(options.input)}" holds ${which}`);
  }
  const file = trees[0]!;
  const retained = modeOfPath(file.path)?.endsWith('-retained') ?? false;
  const bytes = profileAsPprof(file.profile, retained ? 'retained' : 'allocated', `peakscope export of ${file.path}`);
  try {
    await writeFile(options.out, bytes);
  } catch (e) {
    throw new CliError(`cannot write "${printable(options.out)}": ${systemReason(e)}`);
  }
  io.stderr(
    `wrote ${printable(options.out)} (${formatNumber(bytes.length)} bytes, gzipped pprof) from ${printable(file.path)}\n`,
  );
  return 0;
}

/** The `export` entry of the dispatch table. */
export const exportCommand: Command = {
  summary: "write a profile's call tree as gzipped pprof (--pprof OUT) for go tool pprof",
  usage: USAGE,
  run: runExport,
};
