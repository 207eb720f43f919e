// Commands we suggest are built from untrusted text (folder names, targets.txt lines, module ids
// from event logs): each argument is quoted the POSIX way, so pasting the command runs buck2
// with that argument and nothing else (issue 17: `-o $(touch ~/pwned)/statement`).

/** Characters that need no quoting in any POSIX shell. */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;
/** Controls and invisible format characters (bidi overrides, zero-width): shown as `?`, never pasted raw. */
const UNSHOWABLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/**
 * One shell word: as it is when plain, else in single quotes (a `'` inside becomes `'\''`).
 *
 * @example shellQuote('root//foo:') // root//foo:
 * @example shellQuote('$(touch x)') // '$(touch x)'
 */
export function shellQuote(arg: string): string {
  const shown = arg.replace(UNSHOWABLE, '?');
  if (PLAIN.test(shown)) return shown;
  return `'${shown.replace(/'/g, `'\\''`)}'`;
}

/** A command line of shell-quoted words. */
export function shellCommand(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}
