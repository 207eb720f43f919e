import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseBytes, parseChunks, parseText } from '../../src/formats/parse-file.ts';
import type { EventLog, ParsedFile } from '../../src/model/profile.ts';
import { SAMPLES_DIR } from '../samples.ts';

const EDGE = join(SAMPLES_DIR, 'edge-cases');
const SNAKE = 'event-log-snake-over-limit.json-lines';

function edgeBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(EDGE, name)));
}

function eventLog(parsed: ParsedFile): EventLog {
  expect(parsed.error).toBeNull();
  if (parsed.profile?.format !== 'event-log') throw new Error(`got ${parsed.profile?.format}`);
  return parsed.profile;
}

const SNAKE_LOADS = [
  {
    moduleId: 'root//foo:BUCK',
    cell: 'root',
    peakBytes: 1610608640,
    error: null,
    targetCount: 42,
    durationMicros: 1500000,
  },
  {
    moduleId: 'root//big:BUCK',
    cell: 'root',
    peakBytes: null,
    error: expect.stringMatching(
      /^Starlark peak memory usage for root\/\/big:BUCK is 2\.3 GiB which exceeds the limit 2\.0 GiB!/,
    ),
    targetCount: null,
    durationMicros: 1800000,
  },
  {
    moduleId: 'root//lib:TARGETS',
    cell: 'root',
    peakBytes: 52428800,
    error: null,
    targetCount: 7,
    durationMicros: 200000,
  },
];

describe('event log', () => {
  it('reads ended Load spans of `buck2 log show` output, including a load over the limit', () => {
    const log = eventLog(parseBytes(SNAKE, edgeBytes(SNAKE)));
    expect(log.commandLine).toEqual(['buck2', 'uquery', '//foo:bar', '//big:all']);
    expect(log.traceId).toBe('0b5d6e52-1d1c-4b8e-9a57-3f0b9a7c2d11');
    expect(log.loads).toEqual(SNAKE_LOADS);
  });

  it('reads the protobuf-JSON camelCase variant with uint64 strings and "1.5s" durations', () => {
    const name = 'event-log-camel-case.json-lines';
    const log = eventLog(parseBytes(name, edgeBytes(name)));
    expect(log.commandLine).toEqual(['buck2', 'uquery', '//foo:bar']);
    expect(log.loads).toEqual([
      {
        moduleId: 'root//foo:BUCK',
        cell: 'root',
        peakBytes: 1610608640,
        error: null,
        targetCount: 42,
        durationMicros: 1500000,
      },
      {
        moduleId: 'root//lib:TARGETS',
        cell: 'root',
        peakBytes: 8000000000000,
        error: null,
        targetCount: 3,
        durationMicros: 250,
      },
    ]);
  });

  it('reads unwrapped camelCase BuckEvents with durationUs', () => {
    const text =
      '{"traceId":"t","spanId":"1","spanEnd":{"durationUs":"7","load":{"moduleId":"c//p:BUCK","cell":"c","starlarkPeakAllocatedBytes":"9007199254740991"}}}\n';
    expect(eventLog(parseText('log', text)).loads).toEqual([
      {
        moduleId: 'c//p:BUCK',
        cell: 'c',
        peakBytes: 9007199254740991,
        error: null,
        targetCount: null,
        durationMicros: 7,
      },
    ]);
  });

  it('rejects a peak beyond 2^53 with an error naming the line', () => {
    const name = 'event-log-peak-beyond-2pow53.json-lines';
    const parsed = parseBytes(name, edgeBytes(name));
    expect(parsed.profile).toBeNull();
    expect(parsed.error?.line).toBe(3);
    expect(parsed.error?.message).toMatch(/starlark_peak_allocated_bytes is beyond 2\^53/);
  });

  it('rejects a uint64 string one past 2^53 - 1 exactly', () => {
    const text =
      '{"traceId":"t","spanEnd":{"load":{"moduleId":"c//p:BUCK","starlarkPeakAllocatedBytes":"9007199254740992"}}}\n';
    expect(parseText('log', text).error?.message).toMatch(/beyond 2\^53/);
  });

  it('fails on a line that is not JSON in the middle of the log', () => {
    const lines = readFileSync(join(EDGE, SNAKE), 'utf8').split('\n');
    lines.splice(2, 0, 'Build ID: 0b5d6e52');
    const parsed = parseText('log', lines.join('\n'));
    expect(parsed.profile).toBeNull();
    expect(parsed.error?.line).toBe(3);
    expect(parsed.error?.text).toBe('Build ID: 0b5d6e52');
  });

  it('does not parse events that cannot hold a Load (huge logs stay fast)', () => {
    const head = '{"command_line_args":["buck2"],"trace_id":"t"}\n';
    const parsed = parseText('log', `${head}{"Event": this is never parsed}\n{"Result":{}}\n`);
    expect(eventLog(parsed).loads).toEqual([]);
  });

  it("parses only lines that may end a Load: a Load's SpanStart is passed over, an escaped key is read", () => {
    const head = '{"command_line_args":["buck2"],"trace_id":"t"}\n';
    const end = (load: string) =>
      `{"Event":{"data":{"SpanEnd":{"duration_us":9,"data":{${load}:{"module_id":"c//p:BUCK","starlark_peak_allocated_bytes":64}}}}}}\n`;
    const start = '{"Event":{"data":{"SpanStart":{"data":{"Load": never parsed}}}}}\n';
    const log = eventLog(parseText('log', `${head}${start}${end('"\\u004coad"')}${end('"Analysis"')}`));
    expect(log.loads.map((l) => [l.moduleId, l.peakBytes])).toEqual([['c//p:BUCK', 64]]);
    expect(parseText('log', `${head}{"Event":{"data":{"SpanEnd":{"data":{"Load": broken}}}}}\n`).error?.message).toBe(
      'not valid JSON',
    );
  });

  it('keeps what was read when the last line is cut short', () => {
    const text = readFileSync(join(EDGE, SNAKE), 'utf8');
    const cut = text.slice(0, text.indexOf('root//lib:TARGETS","cell":"root","error"'));
    const parsed = parseText('log', cut);
    expect(eventLog(parsed).loads).toHaveLength(2);
    expect(parsed.truncated?.line).toBe(8);
  });

  it('streams in small chunks to the same result', async () => {
    const bytes = edgeBytes(SNAKE);
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 37) yield bytes.subarray(i, i + 37);
    }
    expect(eventLog(await parseChunks(SNAKE, bytes.length, chunks())).loads).toEqual(SNAKE_LOADS);
  });
});

describe('compressed event logs', () => {
  it('reads a gzip-compressed log', () => {
    const parsed = parseBytes('log.json-lines.gz', new Uint8Array(gzipSync(edgeBytes(SNAKE))));
    expect(parsed.compression).toBe('gzip');
    expect(eventLog(parsed).loads).toEqual(SNAKE_LOADS);
  });

  it('reads a zstd-compressed log made by the zstd CLI', () => {
    const name = `${SNAKE}.zst`;
    const parsed = parseBytes(name, edgeBytes(name));
    expect(parsed.compression).toBe('zstd');
    expect(eventLog(parsed).loads).toEqual(SNAKE_LOADS);
  });

  it('warns about a cut-short gzip stream and keeps what was read', () => {
    const gz = gzipSync(edgeBytes(SNAKE));
    const parsed = parseBytes('log.json-lines.gz', new Uint8Array(gz.subarray(0, Math.floor(gz.length * 0.8))));
    expect(parsed.truncated?.message).toMatch(/gzip stream is damaged or cut short/);
    expect(parsed.error).toBeNull();
    const log = eventLog(parsed);
    expect(log.commandLine).toEqual(['buck2', 'uquery', '//foo:bar', '//big:all']);
    // How much inflates before the cut depends on zlib's blocks: whatever came out is exact.
    expect(log.loads).toEqual(SNAKE_LOADS.slice(0, log.loads.length));
    expect(parsed.truncated?.message).toMatch(/ends mid-line at line \d+/);
  });
});
