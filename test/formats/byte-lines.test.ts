import { describe, expect, it } from 'vitest';
import { LineScanner, splitLines } from '../../src/formats/lines.ts';
import { ByteLineScanner, firstLineEnd, NO_LINE_END, STOP, type ByteLineReader } from '../../src/formats/byte-lines.ts';

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
const decode = (b: Uint8Array): string => new TextDecoder().decode(b);

/** A reader that finds the line end (`\n` or `\r`) as the parsers do, recording `n:text`. */
function recorder(seen: string[], stopAfter = Infinity): ByteLineReader {
  return (b, from, limit, n) => {
    const nl = firstLineEnd(b, from, limit);
    if (nl < 0) return NO_LINE_END;
    if (n > stopAfter) return STOP;
    seen.push(`${n}:${decode(b.subarray(from, nl))}`);
    return nl;
  };
}

function scan(chunks: string[], firstLine = 0) {
  const seen: string[] = [];
  const s = new ByteLineScanner(recorder(seen), firstLine);
  for (const c of chunks) s.push(encode(c));
  const ended = s.endedWithNewline;
  const rest = s.takeRest();
  return { seen, rest: rest && decode(rest), lines: s.linesSeen, ended };
}

describe('ByteLineScanner', () => {
  it('hands over LF and CRLF lines and keeps an unterminated tail apart', () => {
    expect(scan(['a 4\r\nb 2\nc'])).toEqual({ seen: ['1:a 4', '2:b 2'], rest: 'c', lines: 2, ended: false });
    expect(scan(['a 4\n'])).toMatchObject({ rest: null, ended: true });
  });

  /** The lines seen when `text` arrives in two chunks cut at every byte. */
  function everyCut(text: string): string[][] {
    const bytes = encode(text);
    return Array.from({ length: bytes.length - 1 }, (_, i) => {
      const seen: string[] = [];
      const s = new ByteLineScanner(recorder(seen), 0);
      s.push(bytes.slice(0, i + 1));
      s.push(bytes.slice(i + 1));
      return seen;
    });
  }

  it('joins lines cut anywhere, including between \\r and \\n and inside a character', () => {
    const text = 'module;λ.bzl.f;dict 8\r\nmodule;list 16\r\n';
    const whole = ['1:module;λ.bzl.f;dict 8', '2:module;list 16'];
    expect(scan([text]).seen).toEqual(whole);
    for (const seen of everyCut(text)) expect(seen).toEqual(whole);
  });

  it('ends a line at a lone \\r too (classic Mac or mixed line ends), cut anywhere', () => {
    const text = 'a 1\rb 2\r\nc 3\nd 4\r\re 5\r';
    const want = ['1:a 1', '2:b 2', '3:c 3', '4:d 4', '5:', '6:e 5'];
    expect(scan([text])).toMatchObject({ seen: want, rest: null, ended: true });
    for (const seen of everyCut(text)) expect(seen).toEqual(want);
  });

  it('numbers lines after the ones read before it took over', () => {
    expect(scan(['x 1\n'], 32).seen).toEqual(['33:x 1']);
  });

  it('keeps a line joined from two chunks readable while the next tail is stored', () => {
    // The parser compares each line with the one before: that one may be the joined line.
    const pairs: string[] = [];
    let prev: { b: Uint8Array; from: number; to: number } | null = null;
    const s = new ByteLineScanner((b, from, limit) => {
      const nl = b.indexOf(10, from);
      if (nl < 0 || nl >= limit) return NO_LINE_END;
      if (prev) pairs.push(`${decode(prev.b.subarray(prev.from, prev.to))}<${decode(b.subarray(from, nl))}`);
      prev = { b, from, to: nl };
      return nl;
    }, 0);
    s.push(encode('aaaa'));
    s.push(encode('AAAA\nbb')); // the joined line is the last one of this push; `bb` is the new tail
    s.push(encode('BB\n'));
    expect(pairs).toEqual(['aaaaAAAA<bbBB']);
  });

  it('stops when the reader says so', () => {
    const seen: string[] = [];
    const s = new ByteLineScanner(recorder(seen, 2), 0);
    s.push(encode('a\nb\nc\nd\n'));
    s.push(encode('e\n'));
    expect(seen).toEqual(['1:a', '2:b']);
  });

  it('refuses a line longer than its limit, naming the line', () => {
    const s = new ByteLineScanner(recorder([]), 0, 10);
    s.push(encode('ok\n12345'));
    expect(() => s.push(encode('678901'))).toThrow('line 2 is longer than 10 bytes');
  });
});

describe('LineScanner (the text path) reads the same line ends', () => {
  it('a lone \r, \r\n and \n each end one line, whatever the chunks', () => {
    const text = 'a 1\rb 2\r\nc 3\nd 4\r\re 5\r';
    const want = ['a 1', 'b 2', 'c 3', 'd 4', '', 'e 5'];
    expect(splitLines(text)).toEqual(want);
    for (let cut = 1; cut < text.length; cut++) {
      const seen: string[] = [];
      const s = new LineScanner((t) => seen.push(t));
      s.push(text.slice(0, cut));
      s.push(text.slice(cut));
      s.end();
      expect(seen, `cut at ${cut}`).toEqual(want);
    }
  });
});
