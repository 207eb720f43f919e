// What every `peakscope` subcommand shares: its output channels, its shape in the dispatch
// table, and the one error type that becomes a one-line message and exit code 2.

/** Where a command writes; the real process streams, or buffers in tests. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A subcommand: `run` returns the exit code (0 fine, 1 a budget exceeded, 2 bad input). */
export interface Command {
  /** One line for `peakscope --help`. */
  summary: string;
  /** Full usage text for `peakscope <command> --help`. */
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

/** A problem the user can fix (missing path, bad option, no profile): one line, exit 2. */
export class CliError extends Error {
  override name = 'CliError';
}

/** Node's `ENOENT: no such file or directory, stat 'x'` → `no such file or directory`. */
export function systemReason(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const m = /^[A-Z]+: (.*?)(?:, \w+ '.*')?$/s.exec(message);
  return oneLine(m ? m[1]! : message);
}

/**
 * Collapses whitespace and line breaks so a message stays on one line, and shows other control
 * characters as `?`: a file named `a\x1b[2J` must not clear or rewrite the user's terminal.
 */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
