// Buck2's writers end every line with `\n` (formats.md §1.1, §1.2, §10.3): a last line without one
// was cut, even when it still parses. Issue 17: a heap flame cut 3 bytes early showed
// 2,468,997,778 bytes instead of 2,469,120,000, as if complete.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseBytes, parseText } from '../../src/formats/parse-file.ts';

const heapLines = Array.from(
  { length: 20_000 },
  (_, i) => `module;a${i % 50}.bzl.f;g${i % 7};dict ${123_456 + (i % 1000)}`,
);
const heapText = `${heapLines.join('\n')}\n`;
const heapTotal = heapLines.reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
const lastValue = Number(heapLines.at(-1)!.split(' ')[1]);

describe('a file cut inside its last line', () => {
  it('heap flame (20k lines, byte path): the kept lines exactly, and "cut short"', () => {
    const parsed = parseBytes('flame.src', new TextEncoder().encode(heapText.slice(0, -3)));
    if (parsed.profile?.format !== 'heap-flame') throw new Error(String(parsed.error?.message));
    expect(parsed.profile.tree.total[0]).toBe(heapTotal - lastValue);
    expect(parsed.truncated).toMatchObject({
      line: 20_000,
      message: expect.stringContaining('ends mid-line at line 20000'),
    });
  });

  it('gzipped heap flame cut mid-stream: the stream’s reason first, then the partial line it ends in', () => {
    const gz = gzipSync(heapText);
    const parsed = parseBytes('flame.src.gz', gz.subarray(0, Math.floor(gz.length / 2)));
    expect(parsed.profile?.format).toBe('heap-flame');
    const [stream, line] = parsed.truncated!.message.split('; it ends mid-line at line ');
    expect(stream).toMatch(/gzip/i);
    expect(line).toMatch(/^\d+, that partial line was ignored: "module;/);
    expect(parsed.truncated!.line).toBe(Number(/^(\d+)/.exec(line!)![1]));
  });

  it('heap flame whose last line lost only its `\\n`: the line cannot be trusted either', () => {
    const parsed = parseText('flame.src', heapText.slice(0, -1));
    expect(parsed.profile?.format === 'heap-flame' && parsed.profile.tree.total[0]).toBe(heapTotal - lastValue);
    expect(parsed.truncated?.line).toBe(20_000);
  });

  it('time flame cut inside its last number', () => {
    const parsed = parseText('flame.src', 'root 35\nroot;"module" 70\nroot;"module";a.bzl.f 168');
    expect(parsed.profile?.format === 'time-flame' && parsed.profile.tree.total[0]).toBe(105);
    expect(parsed.truncated?.message).toContain('ends mid-line at line 3');
  });

  it('event log whose last line lost its `\\n`', () => {
    const load = (id: string, peak: number) =>
      `{"Event":{"data":{"SpanEnd":{"duration_us":1,"data":{"Load":{"module_id":"${id}","cell":"root","starlark_peak_allocated_bytes":${peak}}}}}}}`;
    const parsed = parseText(
      'log.json-lines',
      `{"command_line_args":["buck2"]}\n${load('root//a:BUCK', 5)}\n${load('root//b:BUCK', 7)}`,
    );
    expect(parsed.profile?.format === 'event-log' && parsed.profile.loads.map((l) => l.peakBytes)).toEqual([5]);
    expect(parsed.truncated?.line).toBe(3);
  });

  it('a targets list is the exception: all_keys.list ends without `\\n` by design', () => {
    const parsed = parseText('all_keys.list', 'load/root//a\nload/root//b');
    expect(parsed.profile?.format === 'targets' && parsed.profile.ids).toEqual(['load/root//a', 'load/root//b']);
    expect(parsed.truncated).toBeNull();
  });
});
