// The binary input path: varint-length-delimited records read across any chunk boundary, the
// head judged on the same bytes however the stream was cut, unclaimed bytes on to the text path.
import { BinaryWriter } from '@bufbuild/protobuf/wire';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentRouter } from '../../src/formats/content-router.ts';
import { DelimitedRecords } from '../../src/formats/delimited-records.ts';
import { BINARY_SNIFF_BYTES, type BinaryFormatSpec, type ByteParser } from '../../src/formats/format.ts';
import type { Profile } from '../../src/model/profile.ts';
import { cutAt } from './chunks.ts';

/** Records as a protobuf writer frames them: each a varint length, then the bytes. */
function framed(records: readonly Uint8Array[]): Uint8Array {
  const w = new BinaryWriter();
  for (const r of records) w.bytes(r);
  return w.finish();
}

/** Pushes every chunk through a fresh reader (each chunk overwritten after its push, as a reused buffer would be). */
function readRecords(chunks: readonly Uint8Array[]): { records: number[][]; reader: DelimitedRecords } {
  const records: number[][] = [];
  const reader = new DelimitedRecords((bytes) => records.push([...bytes]));
  for (const c of chunks) {
    const reused = c.slice();
    reader.push(reused);
    reused.fill(0xee);
  }
  return { records, reader };
}

const recordsArb = fc.array(fc.uint8Array({ minLength: 0, maxLength: 300 }), { minLength: 1, maxLength: 12 });

describe('DelimitedRecords', () => {
  it('reads the same records wherever the chunks are cut', () => {
    fc.assert(
      fc.property(recordsArb, fc.array(fc.nat(4000), { maxLength: 40 }), (records, cuts) => {
        const { records: got, reader } = readRecords(cutAt(framed(records), cuts));
        expect(got).toEqual(records.map((r) => [...r]));
        expect(reader.pendingBytes).toBe(0);
      }),
    );
  });

  it('reads byte by byte, a record longer than 127 bytes included (two-byte length prefix)', () => {
    const records = [new Uint8Array(200).fill(7), new Uint8Array([1, 2, 3]), new Uint8Array(0)];
    const bytes = framed(records);
    const { records: got } = readRecords([...bytes].map((b) => new Uint8Array([b])));
    expect(got).toEqual(records.map((r) => [...r]));
  });

  it('keeps the records before a cut and says how much of the cut record it holds', () => {
    fc.assert(
      fc.property(recordsArb, fc.nat(), fc.array(fc.nat(4000), { maxLength: 10 }), (records, at, cuts) => {
        const bytes = framed(records);
        const end = at % bytes.length;
        const { records: got, reader } = readRecords(cutAt(bytes.subarray(0, end), cuts));
        const whole = framed(records.slice(0, got.length)).length;
        expect(got).toEqual(records.slice(0, got.length).map((r) => [...r]));
        expect(reader.pendingBytes).toBe(end - whole);
      }),
    );
  });

  it('refuses a length prefix that is not a varint, or an absurd record size', () => {
    expect(() => readRecords([new Uint8Array(11).fill(0xff)])).toThrow(RangeError);
    expect(() => readRecords([new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f])])).toThrow(/declares 4294967295 bytes/);
  });
});

/** A binary format claiming heads that start with `PK`, keeping every byte it is given. */
function collectingSpec(): { spec: BinaryFormatSpec; got: number[]; sniffed: Uint8Array[] } {
  const got: number[] = [];
  const sniffed: Uint8Array[] = [];
  const parser: ByteParser = {
    push: (chunk) => got.push(...chunk),
    endOfInput: () => null,
    finish: () => ({ format: 'empty', reason: 'no-content' }) as Profile,
  };
  const spec: BinaryFormatSpec = {
    name: 'event-log',
    sniffBytes: ({ head }) => {
      sniffed.push(head.slice());
      return head[0] === 0x50 && head[1] === 0x4b;
    },
    create: () => parser,
  };
  return { spec, got, sniffed };
}

function route(bytes: Uint8Array, cuts: readonly number[]) {
  const { spec, got, sniffed } = collectingSpec();
  const text: number[] = [];
  const router = new ContentRouter(
    {
      text: (data) => text.push(...data),
      claim: (s) => s.create({ file: 'f', diagnostics: null! }),
      fail: (e) => {
        throw e;
      },
    },
    true,
    (head, complete) => (spec.sniffBytes({ head, complete }) ? spec : null),
  );
  for (const c of cutAt(bytes, cuts)) router.push(c, false);
  router.end();
  return { got, text, sniffed, claimed: router.binary !== null };
}

describe('ContentRouter', () => {
  const big = new Uint8Array(BINARY_SNIFF_BYTES + 5000).map((_, i) => (i < 2 ? [0x50, 0x4b][i]! : i % 251));

  it('judges the same head and hands every byte over, however the stream is chunked', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(big.length), { maxLength: 20 }), (cuts) => {
        const r = route(big, cuts);
        expect(r.claimed).toBe(true);
        expect(r.sniffed).toHaveLength(1);
        expect(r.sniffed[0]!.length).toBe(BINARY_SNIFF_BYTES);
        expect(r.got.length).toBe(big.length);
        expect(Buffer.from(r.got).equals(Buffer.from(big))).toBe(true);
        expect(r.text).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });

  it('passes what no binary detector claims on to the text path, whole', () => {
    const text = new TextEncoder().encode('a;b 1\n'.repeat(20000));
    const r = route(text, [3, 70000]);
    expect(r.claimed).toBe(false);
    expect(r.text.length).toBe(text.length);
  });

  it('judges a file shorter than the window once the input ends', () => {
    const r = route(new Uint8Array([0x50, 0x4b, 1, 2]), [1]);
    expect(r.sniffed.map((h) => h.length)).toEqual([4]);
    expect(r.got).toEqual([0x50, 0x4b, 1, 2]);
  });
});
