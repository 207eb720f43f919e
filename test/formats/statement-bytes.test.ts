// The statement CSV read from byte lines (the fast path the driver takes after sniffing a file's
// head) against the same text read line by line as strings: rows, diagnostics and errors must be
// the same whatever the cells hold. Files are long enough that most lines come as bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChunks, parseText } from '../../src/formats/parse-file.ts';
import type { ParsedFile } from '../../src/model/profile.ts';
import { statementRowList } from '../../src/model/statement-rows.ts';
import { readSample, samplesOfMode } from './parse-as.ts';

const HEAD = 'File,Span,Duration(s),Count\n"TOTAL","",1.000,10\n';
/**
 * Rows for a head the driver reads as text: it holds 64 KiB back to tell binary from text and
 * sniffs 32 lines, then switches to byte lines at the next chunk that starts a line.
 */
const FILLER = Array.from({ length: 300 }, (_, i) => `"${'fill/'.repeat(40)}${i}.bzl","${i + 1}:1-9",0.001,1\n`).join(
  '',
);

function comparable(parsed: ParsedFile): unknown {
  const p = parsed.profile;
  return { ...parsed, size: 0, profile: p?.format === 'statement' ? { ...p, rows: statementRowList(p.rows) } : p };
}

/** The head (up to the end of FILLER) in one chunk, the rest cut anywhere: read as byte lines. */
function streamed(bytes: Uint8Array, chunkSize = 64): Promise<ParsedFile> {
  const head = new TextEncoder().encode(HEAD + FILLER).length;
  async function* chunks() {
    yield bytes.subarray(0, head);
    for (let i = head; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  }
  return parseChunks('profile.csv', bytes.length, chunks());
}

async function expectBytesLikeText(text: string): Promise<void> {
  const bytes = new TextEncoder().encode(text);
  expect(comparable(await streamed(bytes))).toEqual(comparable(parseText('profile.csv', text)));
}

const digits = (max: number) => fc.stringMatching(new RegExp(`^[0-9]{1,${max}}$`));
const spanNumber = fc.oneof(fc.integer({ min: 0, max: 2000 }).map(String), digits(12), fc.constant('4294967296'));
const span = fc.oneof(
  fc.tuple(spanNumber, spanNumber).map(([l, c]) => `${l}:${c}`),
  fc.tuple(spanNumber, spanNumber, spanNumber).map(([l, c, e]) => `${l}:${c}-${e}`),
  fc.tuple(spanNumber, spanNumber, spanNumber, spanNumber).map(([l, c, el, ec]) => `${l}:${c}-${el}:${ec}`),
  fc.constantFrom('', '7:', ':3', '1:2-', '1:2-3:', 'x', '1:2 ', '+1:2'),
);
const seconds = fc.oneof(
  fc.tuple(digits(6), digits(3)).map(([w, f]) => `${w}.${f}`),
  fc.tuple(digits(16), digits(16)).map(([w, f]) => `${w}.${f}`),
  digits(18),
  fc.constantFrom('.5', '5.', '1e3', '-1', '', 'NaN', '0x10', ' 1.0'),
);
const count = fc.oneof(digits(6), digits(20), fc.constantFrom('', '-1', '1.0', '9007199254740993'));
const name = fc.oneof(
  fc.stringMatching(/^[a-z/._-]{0,30}$/),
  fc.string({ unit: fc.constantFrom('a', 'ä', '€', '😀', ',', ':', '"', ' ', '\t', '\r', '\n'), maxLength: 8 }),
);
const quoted = (s: string) => `"${s.replaceAll('"', '""')}"`;
const record = fc
  .tuple(name, span, seconds, count, fc.boolean(), fc.boolean())
  .map(
    ([f, s, sec, n, quoteSpan, crlf]) => `${quoted(f)},${quoteSpan ? quoted(s) : s},${sec},${n}${crlf ? '\r\n' : '\n'}`,
  );

describe('statement CSV from byte lines', () => {
  it('reads any record as the text path does (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 30 }), async (records) => {
        await expectBytesLikeText(HEAD + FILLER + records.join(''));
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('finds a name\'s closing quote at any offset and chunk cut, past bytes below `"` and multi-byte characters (property)', async () => {
    // The name's end is looked for a word at a time (bytes below 0x23 flag a word): long names
    // put the quote, a `\n` or a `!` anywhere in a word and a chunk's end anywhere in a name.
    const unit = fc.constantFrom('a', 'b', '/', ' ', '!', '\t', '#', 'é', '€', '"', '\n', '\r');
    const longName = fc.string({ unit, minLength: 0, maxLength: 40 });
    const row = fc
      .tuple(longName, fc.integer({ min: 1, max: 99 }))
      .map(([f, line]) => `${quoted(f)},"${line}:1-9",0.500,3\n`);
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 5, max: 90 }),
        async (rows, cut) => {
          const text = HEAD + FILLER + rows.join('');
          const bytes = new TextEncoder().encode(text);
          expect(comparable(await streamed(bytes, cut))).toEqual(comparable(parseText('profile.csv', text)));
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('numbers read from bytes are exactly what Number() reads', async () => {
    const cells = ['0.001', '0.378', '90.000', '123456.789012', '0.1', '9.999999999999', '7', '999999999999999'];
    const text = HEAD + FILLER + cells.map((c, i) => `"n.bzl","${i + 1}:1-2",${c},${c.replace('.', '')}\n`).join('');
    const parsed = await streamed(new TextEncoder().encode(text));
    if (parsed.profile?.format !== 'statement') throw new Error(`got ${parsed.profile?.format}`);
    const rows = statementRowList(parsed.profile.rows).slice(-cells.length);
    expect(rows.map((r) => r.seconds)).toEqual(cells.map(Number));
    expect(rows.map((r) => r.count)).toEqual(cells.map((c) => Number(c.replace('.', ''))));
  });

  it('a name with bytes that are not UTF-8 is said once, at its first line; a NUL in a name is binary data', async () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode(`${HEAD}${FILLER}"caf`),
      0xe9,
      ...new TextEncoder().encode('.bzl","1:1-2",0.500,3\n'),
    ]);
    const parsed = await streamed(latin1);
    expect(parsed.diagnostics.map((d) => d.message).join('\n')).toContain(
      'not valid UTF-8 (Latin-1 or damaged text, first at line 303)',
    );
    expect(parsed.profile?.format === 'statement' && parsed.profile.rows.files.at(-1)).toBe('caf\uFFFD.bzl');
    await expectBytesLikeText(`${HEAD}${FILLER}"a\0b.bzl","1:1-2",0.500,3\n`);
    expect(
      (await streamed(new TextEncoder().encode(`${HEAD}${FILLER}"a\0b.bzl","1:1-2",0.5,3\n`))).error?.message,
    ).toContain('NUL');
  });

  it.each(samplesOfMode('statement'))(
    'real sample %s: streamed in small chunks, the same as the text',
    async (path) => {
      const text = readSample(path);
      const bytes = new TextEncoder().encode(text);
      async function* chunks() {
        for (let i = 0; i < bytes.length; i += 97) yield bytes.subarray(i, i + 97);
      }
      expect(comparable(await parseChunks('profile.csv', bytes.length, chunks()))).toEqual(
        comparable(parseText('profile.csv', text)),
      );
    },
  );
});
