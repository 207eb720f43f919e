// Only input errors mean "your file is broken": a bug of ours (a TypeError, a RangeError from a
// runaway recursion) must surface as itself, and the CLI calls it an internal error.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { InputError, isInputError, ParseError } from '../../src/formats/diagnostics.ts';
import { typecheckFormat } from '../../src/formats/typecheck-csv.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import { TreeBuildError } from '../../src/model/call-tree.ts';

const TYPECHECK = 'Function,Time (s)\n"TOTAL",0.140\n"inner",0.140\n';

/** Makes the typecheck parser throw `error` on its second line, as a bug in it would. */
function breakTypecheckParser(error: Error): void {
  const create = typecheckFormat.create.bind(typecheckFormat);
  vi.spyOn(typecheckFormat, 'create').mockImplementation((ctx) => {
    const parser = create(ctx);
    const line = parser.line.bind(parser);
    parser.line = (text, lineNo) => {
      if (lineNo === 2) throw error;
      line(text, lineNo);
    };
    return parser;
  });
}

afterEach(() => vi.restoreAllMocks());

describe('input errors and bugs', () => {
  it('knows which errors are about the input', () => {
    expect(isInputError(new InputError('line too long'))).toBe(true);
    expect(isInputError(new ParseError('f', 1, 'x', 'broken'))).toBe(true);
    expect(isInputError(new TreeBuildError('weight must be finite'))).toBe(true);
    expect(isInputError(new RangeError('Maximum call stack size exceeded'))).toBe(false);
    expect(isInputError(new TypeError('x is undefined'))).toBe(false);
  });

  it('reports an input error as the file being broken, with its line', () => {
    breakTypecheckParser(new InputError('a count beyond 2^53'));
    const parsed = parseText('profile.csv', TYPECHECK);
    expect(parsed.error).toMatchObject({ line: 2, message: 'a count beyond 2^53' });
  });

  it.each([new RangeError('Invalid array length'), new TypeError("Cannot read properties of undefined (reading 'x')")])(
    'lets a bug (%s) through instead of blaming the file',
    (bug) => {
      breakTypecheckParser(bug);
      expect(() => parseText('profile.csv', TYPECHECK)).toThrow(bug);
    },
  );

  it('makes the CLI say "internal error" for a bug, never that the file is broken', async () => {
    breakTypecheckParser(new RangeError('Invalid array length'));
    const file = join(mkdtempSync(join(tmpdir(), 'peakscope-bug-')), 'profile.csv');
    writeFileSync(file, TYPECHECK);
    let stderr = '';
    const code = await main(['report', file], { stdout: () => {}, stderr: (t) => void (stderr += t) });
    expect(code).toBe(2);
    expect(stderr).toBe('peakscope: internal error: Invalid array length\n');
  });
});
