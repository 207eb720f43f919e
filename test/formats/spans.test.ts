import { describe, expect, it } from 'vitest';
import { formatSpan, parseFileSpan, parseSpan } from '../../src/formats/spans.ts';

describe('spans', () => {
  it('pitfall 10: reads the three shapes, 1-based, end column just after the last character', () => {
    expect(parseSpan('7:13-19')).toEqual({ line: 7, column: 13, endLine: 7, endColumn: 19 });
    expect(parseSpan('3:5-9:1')).toEqual({ line: 3, column: 5, endLine: 9, endColumn: 1 });
    expect(parseSpan('4:1')).toEqual({ line: 4, column: 1, endLine: 4, endColumn: 1 });
  });

  it('rejects what is not a span', () => {
    for (const text of [
      '',
      '7',
      '7:',
      ':3',
      '7:13-',
      '7:13-19:',
      'a:1',
      '0:1',
      '3:0-4',
      '9:1-3:1',
      ' 7:13-19',
      '7:13-19 ',
    ]) {
      expect(parseSpan(text), text).toBeNull();
    }
  });

  it('pitfall 10: reads file:span from the right, so the file name keeps its colons', () => {
    expect(parseFileSpan('a:b.bzl:3:5-9:1')).toEqual({
      file: 'a:b.bzl',
      span: { line: 3, column: 5, endLine: 9, endColumn: 1 },
    });
    expect(parseFileSpan('test.star:7:13-19')).toEqual({
      file: 'test.star',
      span: { line: 7, column: 13, endLine: 7, endColumn: 19 },
    });
    expect(parseFileSpan('C:\\src\\a.bzl:4:1')).toEqual({
      file: 'C:\\src\\a.bzl',
      span: { line: 4, column: 1, endLine: 4, endColumn: 1 },
    });
    expect(parseFileSpan('cell//pkg:12:3:5-9')).toEqual({
      file: 'cell//pkg:12',
      span: { line: 3, column: 5, endLine: 3, endColumn: 9 },
    });
    expect(parseFileSpan('dir with space/ä.bzl:1:1-2')?.file).toBe('dir with space/ä.bzl');
  });

  it('rejects file:span without a file or without a span', () => {
    for (const text of [
      '7:13-19',
      ':7:13-19',
      'test.star',
      'test.star:7',
      'module;list 8',
      '"test.star","7:13-19",2.800,400',
    ]) {
      expect(parseFileSpan(text), text).toBeNull();
    }
  });

  it('prints a span back the way starlark does', () => {
    for (const text of ['7:13-19', '3:5-9:1', '4:1']) expect(formatSpan(parseSpan(text)!)).toBe(text);
  });
});
