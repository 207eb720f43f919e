// parseChunks says a file's format once, as soon as its head decides it: the worker uses that
// to tell the page no first picture comes for a statement CSV or an event log, so the app
// starts while such a file still streams (tools/worker-preboot-plugin.ts).
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseChunks } from '../../src/formats/parse-file.ts';
import type { FormatName } from '../../src/model/profile.ts';
import { sampleHeapFlame, sampleStatements } from '../samples.ts';

/** The sample statement CSV with its rows repeated: one header, `times` × the rows. */
function longStatements(times: number): string {
  const [header, ...rows] = sampleStatements().trimEnd().split('\n');
  return `${[header, ...Array.from({ length: times }, () => rows).flat()].join('\n')}\n`;
}

/** Streams `bytes` in `size`-byte chunks; returns the formats told and how many chunks had gone in by then. */
async function formatsTold(bytes: Uint8Array, size: number) {
  const told: [FormatName | null, number][] = [];
  let pushed = 0;
  async function* chunks() {
    for (let at = 0; at < bytes.length; at += size) {
      pushed++;
      yield bytes.subarray(at, at + size);
    }
  }
  const parsed = await parseChunks('f', bytes.length, chunks(), { onFormat: (f) => told.push([f, pushed]) });
  return { told, chunks: pushed, parsed };
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('parseChunks onFormat', () => {
  it('tells the format once, while the file is still streaming', async () => {
    for (const [text, format] of [
      [sampleHeapFlame().repeat(200), 'heap-flame'],
      [longStatements(400), 'statement'],
    ] as const) {
      const { told, chunks, parsed } = await formatsTold(utf8(text), 4096);
      expect(told.map(([f]) => f)).toEqual([format]);
      expect(parsed.profile?.format).toBe(format);
      expect(told[0]![1]).toBeLessThan(chunks);
    }
  });

  it('tells it through compression too, and null for what no format claims or nothing', async () => {
    const gz = gzipSync(utf8(sampleHeapFlame().repeat(20)));
    expect((await formatsTold(gz, 512)).told.map(([f]) => f)).toEqual(['heap-flame']);
    expect((await formatsTold(utf8('hello\nworld\n'.repeat(2000)), 1024)).told.map(([f]) => f)).toEqual([null]);
    expect((await formatsTold(new Uint8Array(0), 1)).told).toEqual([[null, 0]]);
    // A small file is decided only at its end, and told before the result.
    expect((await formatsTold(utf8('module;list 16\n'), 4)).told.map(([f]) => f)).toEqual(['heap-flame']);
  });
});
