// `peakscope <command> …`: a small dispatch table. Every failure ends as one line on stderr
// and exit code 2, never a stack trace (set PEAKSCOPE_DEBUG=1 to see one).
import { CliError, oneLine, type CliIO, type Command } from './command.ts';
import { diffCommand } from './diff.ts';
import { exportCommand } from './export.ts';
import { openCommand } from './open.ts';
import { reportCommand } from './report.ts';
import { didYouMean } from './suggest.ts';

const COMMANDS: Record<string, Command> = {
  report: reportCommand,
  open: openCommand,
  diff: diffCommand,
  export: exportCommand,
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: peakscope <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    "Run 'peakscope <command> --help' for the options of a command.",
    '',
  ].join('\n');
}

const processIO: CliIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(usage());
    return name === undefined ? 2 : 0;
  }
  // Own properties only: `constructor`, `__proto__` or `toString` is no command.
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (!command)
      throw new CliError(`unknown command "${name}"${didYouMean(name, Object.keys(COMMANDS))}; try 'peakscope --help'`);
    return await command.run(rest, io);
  } catch (e) {
    if (process.env['PEAKSCOPE_DEBUG'] && e instanceof Error) io.stderr(`${e.stack}\n`);
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`peakscope: ${oneLine(e instanceof CliError ? message : `internal error: ${message}`)}\n`);
    return 2;
  }
}
