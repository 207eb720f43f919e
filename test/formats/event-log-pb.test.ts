// Buck2's protobuf event log (`*_events.pb.zst`, `.pb`, `.pb.gz`): the samples samplegen writes
// with prost (Buck2's encoder) read back to the same loads as their JSON-lines twins, cut logs,
// appended invocations, and records hand-built with a protobuf writer for the hostile cases.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BinaryWriter } from '@bufbuild/protobuf/wire';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBytes, parseChunks } from '../../src/formats/parse-file.ts';
import type { EventLog, ParsedFile } from '../../src/model/profile.ts';
import { SAMPLES_DIR } from '../golden.ts';
import { cutAt } from './chunks.ts';

const LOG_DIR = join(SAMPLES_DIR, 'buck-out', 'v2', 'log');
const COPIES = join(SAMPLES_DIR, 'event-logs-pb');
const MONOREPO_ZST = join(LOG_DIR, '20261125-100000_uquery_8e1b7c42-96d0-4f3a-b5e2-3c9a0f61d7b4_events.pb.zst');
const CAUSES_ZST = join(LOG_DIR, '20261125-100000_uquery_5a3c1f0e-2b7d-4c61-9e8a-0d4f6b2c7a11_events.pb.zst');

function bytesOf(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

function eventLog(parsed: ParsedFile): EventLog {
  expect(parsed.error).toBeNull();
  if (parsed.profile?.format !== 'event-log')
    throw new Error(`got ${parsed.profile?.format}: ${parsed.error?.message}`);
  return parsed.profile;
}

function parsePath(path: string): ParsedFile {
  return parseBytes(path, bytesOf(path));
}

async function* asStream(chunks: Uint8Array[]): AsyncIterable<Uint8Array> {
  yield* chunks;
}

/** One varint-length-delimited record built by `fields`. */
function record(fields: (w: BinaryWriter) => void): Uint8Array {
  const inner = new BinaryWriter();
  fields(inner);
  return new BinaryWriter().bytes(inner.finish()).finish();
}

const invocation = record((w) =>
  w.tag(1, 2).string('buck2').tag(1, 2).string('uquery').tag(2, 2).string('/repo').tag(3, 2).string('trace-1'),
);

/** A CommandProgress { event: BuckEvent { span_end: SpanEndEvent { duration, load } } } record. */
function loadEnd(load: (w: BinaryWriter) => void, seconds = 1, nanos = 500_000_000): Uint8Array {
  const l = new BinaryWriter();
  load(l);
  const duration = new BinaryWriter().tag(1, 0).int64(seconds).tag(2, 0).int32(nanos).finish();
  const spanEnd = new BinaryWriter().tag(2, 2).bytes(duration).tag(53, 2).bytes(l.finish()).finish();
  const event = new BinaryWriter().tag(2, 2).string('trace-1').tag(3, 0).uint64(7).tag(21, 2).bytes(spanEnd).finish();
  return record((w) => w.tag(1, 2).bytes(event));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

describe('Buck2 protobuf event log', () => {
  it.each([
    [MONOREPO_ZST, 'monorepo.json-lines'],
    [CAUSES_ZST, 'causes.json-lines'],
    [join(COPIES, 'monorepo.pb'), 'monorepo.json-lines'],
    [join(COPIES, 'monorepo.pb.gz'), 'monorepo.json-lines'],
  ])('%s reads to the same log as its JSON lines', (path, json) => {
    const pb = eventLog(parsePath(path));
    const text = eventLog(parsePath(join(SAMPLES_DIR, 'event-logs', json)));
    expect(pb.loads.length).toBeGreaterThan(0);
    expect(pb).toEqual(text);
  });

  it('reads every Load with module id, cell, peak, targets, duration and error', () => {
    const log = eventLog(parsePath(MONOREPO_ZST));
    const failed = log.loads.find((l) => l.error !== null)!;
    expect(failed).toMatchObject({
      moduleId: 'root//services/search:BUCK',
      cell: 'root',
      peakBytes: null,
      targetCount: null,
    });
    expect(failed.error).toMatch(
      /Starlark peak memory usage for root\/\/services\/search:BUCK is 2\.0MiB which exceeds the limit 1\.0MiB!/,
    );
    expect(log.loads.every((l) => l.durationMicros !== null && l.durationMicros > 0)).toBe(true);
  });

  it('gives the same result however the compressed stream is chunked', async () => {
    const bytes = bytesOf(MONOREPO_ZST);
    const whole = parseBytes('x.pb.zst', bytes);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(bytes.length), { maxLength: 30 }), async (cuts) => {
        expect(await parseChunks('x.pb.zst', bytes.length, asStream(cutAt(bytes, cuts)))).toEqual(whole);
      }),
      { numRuns: 30 },
    );
  });

  it('keeps the loads before a cut and says the log was cut short, wherever it is cut', () => {
    const bytes = bytesOf(join(COPIES, 'monorepo.pb'));
    const all = eventLog(parseBytes('m.pb', bytes)).loads;
    fc.assert(
      fc.property(fc.integer({ min: 3, max: bytes.length - 1 }), (end) => {
        const parsed = parseBytes('m.pb', bytes.subarray(0, end));
        const log = eventLog(parsed);
        expect(all.slice(0, log.loads.length)).toEqual(log.loads);
        if (parsed.truncated)
          // A cut inside a record's length prefix does not know the record's size yet: `(1 bytes; …`.
          expect(parsed.truncated.message).toMatch(/^the log ends inside record \d+ \(\d+ (of \d+ )?bytes/);
      }),
      { numRuns: 400 },
    );
  });

  it('reads appended zstd frames, and a cut one keeps what was inflated and says the stream was cut', () => {
    const frame = bytesOf(CAUSES_ZST);
    const single = eventLog(parsePath(CAUSES_ZST));
    expect(eventLog(parseBytes('c.pb.zst', concat(frame, frame))).loads).toEqual([...single.loads, ...single.loads]);
    const parsed = parseBytes('c.pb.zst', concat(frame, frame.subarray(0, frame.length - 3)));
    expect(eventLog(parsed).loads).toEqual(single.loads);
    expect(parsed.truncated?.message).toMatch(/zstd stream is damaged or cut short/);
  });

  it('reads every invocation of an appended log (plain records and gzip members)', () => {
    const one = bytesOf(join(COPIES, 'monorepo.pb'));
    const single = eventLog(parseBytes('m.pb', one));
    for (const [name, bytes] of [
      ['twice.pb', concat(one, one)],
      ['twice.pb.gz', concat(gzipSync(one), gzipSync(one))],
    ] as const) {
      const parsed = parseBytes(name, bytes);
      const log = eventLog(parsed);
      expect(log.loads).toEqual([...single.loads, ...single.loads]);
      expect(log.commandLine).toEqual(single.commandLine);
      expect(parsed.diagnostics.map((d) => d.message)).toContain(
        "2 invocations in one log: the loads of all are read; the command line shown is the first's",
      );
    }
  });

  it('decodes hand-built records, skipping fields it does not read', () => {
    const load = loadEnd((w) =>
      w
        .tag(1, 2)
        .string('root//a:TARGETS.v2')
        .tag(2, 2)
        .string('root')
        .tag(4, 0)
        .uint64(1234)
        .tag(5, 0)
        .uint64(9)
        .tag(6, 0)
        .uint64(3)
        .tag(7, 0)
        .uint64(11)
        .tag(99, 5)
        .fixed32(1),
    );
    const log = eventLog(parseBytes('h.pb', concat(invocation, load)));
    expect(log.commandLine).toEqual(['buck2', 'uquery']);
    expect(log.traceId).toBe('trace-1');
    expect(log.loads).toEqual([
      {
        moduleId: 'root//a:TARGETS.v2',
        cell: 'root',
        peakBytes: 1234,
        error: null,
        targetCount: 3,
        durationMicros: 1_500_000,
      },
    ]);
  });

  it('refuses a peak beyond 2^53 with the record named, and a record that is not protobuf', () => {
    const huge = loadEnd((w) =>
      w
        .tag(1, 2)
        .string('root//a:BUCK')
        .tag(4, 0)
        .uint64(2n ** 64n - 1n),
    );
    expect(parseBytes('h.pb', concat(invocation, huge)).error).toMatchObject({
      line: 2,
      message: 'record 2: starlark_peak_allocated_bytes is beyond 2^53 and cannot be read exactly',
    });
    const broken = record((w) => w.tag(1, 2).raw(new Uint8Array([5, 0xff])));
    expect(parseBytes('b.pb', concat(invocation, broken)).error?.message).toMatch(/^record 2: /);
  });

  it('does not claim text, random bytes or other protobuf', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 400 }), (bytes) => {
        const parsed = parseBytes('r.bin', bytes);
        // Claimed only when the first record opens with field 1 as a string, as an Invocation does.
        if (parsed.detectedFormat === 'event-log') expect(bytes[bytes.findIndex((b) => b < 0x80) + 1]).toBe(0x0a);
      }),
    );
    const pprofLike = record((w) =>
      w
        .tag(1, 2)
        .bytes(new Uint8Array([8, 1, 16, 2]))
        .tag(6, 2)
        .string('samples'),
    );
    expect(parseBytes('p.pb', pprofLike).detectedFormat).not.toBe('event-log');
    for (const name of readdirSync(join(SAMPLES_DIR, 'edge-cases'))) {
      const parsed = parsePath(join(SAMPLES_DIR, 'edge-cases', name));
      if (!name.startsWith('event-log')) expect(parsed.detectedFormat).not.toBe('event-log');
    }
  });
});
