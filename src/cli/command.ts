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
 * Characters a terminal must not get from untrusted text: C0/C1 controls and DEL (escapes that
 * clear or retitle it), and the invisible bidi and format controls (U+202E RLO and the isolates
 * reorder what is shown, so `gpj.exe` reads `exe.jpg`; zero-width ones hide text; U+2028/9 break lines).
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Untrusted text (file, frame and module names) as shown in a terminal: each unprintable character as `?`. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '?');
}

/**
 * Collapses whitespace and line breaks so a message stays on one line, and shows other control
 * characters as `?`: a file named `a\x1b[2J` must not clear or rewrite the user's terminal.
 */
export function oneLine(text: string): string {
  return printable(text.replace(/\s+/g, ' ').trim());
}

/**
 * JSON for stdout: JSON.stringify escapes C0 controls but leaves bidi and format characters raw,
 * which a terminal showing `--json` would obey; they are written as `\uXXXX` (the same JSON).
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
