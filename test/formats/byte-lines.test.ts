import { describe, expect, it } from 'vitest';
import { ByteLineScanner, NO_LINE_END, STOP, type ByteLineReader } from '../../src/formats/byte-lines.ts';

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
const decode = (b: Uint8Array): string => new TextDecoder().decode(b);

/** A reader that finds the line end as the parsers do, recording `n:text` (CR dropped). */
function recorder(seen: string[], stopAfter = Infinity): ByteLineReader {
  return (b, from, limit, n) => {
    const nl = b.indexOf(10, from);
    if (nl < 0 || nl >= limit) return NO_LINE_END;
    if (n > stopAfter) return STOP;
    seen.push(`${n}:${decode(b.subarray(from, nl)).replace(/\r$/, '')}`);
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

  it('joins lines cut anywhere, including between \\r and \\n and inside a character', () => {
    const text = 'module;λ.bzl.f;dict 8\r\nmodule;list 16\r\n';
    const whole = scan([text]).seen;
    const bytes = encode(text);
    for (let cut = 1; cut < bytes.length; cut++) {
      const seen: string[] = [];
      const s = new ByteLineScanner(recorder(seen), 0);
      s.push(bytes.slice(0, cut));
      s.push(bytes.slice(cut));
      expect(seen).toEqual(whole);
    }
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
