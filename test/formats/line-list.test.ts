import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../src/formats/diagnostics.ts';
import { lineListFormat } from '../../src/formats/line-list.ts';
import type { TargetsList } from '../../src/model/profile.ts';

/** A toy list format: lines of digits (the real ones are coverage.ts and targets.ts). */
const digits = lineListFormat<string, TargetsList>('targets', {
  read: (line) => (/^\d+$/.test(line) ? line : null),
  notAnItem: 'that are not digits',
  profile: (ids) => ({ format: 'targets', ids }),
});

describe('line lists', () => {
  it('sniffs only when every non-blank line is an item, and there is one', () => {
    expect(digits.sniff({ lines: ['1', '', '22'], complete: true })).toBe(true);
    expect(digits.sniff({ lines: ['1', 'x', '22'], complete: true })).toBe(false);
    expect(digits.sniff({ lines: ['', ''], complete: true })).toBe(false);
  });

  it('keeps items in order, ignores blank lines, and skips other lines under one reason', () => {
    const diagnostics = new DiagnosticSink();
    const parser = digits.create({ file: 'list.txt', diagnostics });
    ['1', '', 'x', '22', 'y y'].forEach((text, i) => parser.line(text, i + 1));
    expect(parser.finish()).toEqual({ format: 'targets', ids: ['1', '22'] });
    expect(diagnostics.list()).toEqual([
      { line: 3, count: 2, message: 'ignored 2 lines that are not digits (first at line 3: "x")' },
    ]);
  });
});
