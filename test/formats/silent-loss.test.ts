// Issue 17, "rows skipped without being counted": each input below used to lose or merge data
// without a word. Now each is read, or skipped and counted, or refused, and always said.
import { describe, expect, it } from 'vitest';
import { parseBytes, parseText } from '../../src/formats/parse-file.ts';

const HEADER = 'Function,Time(s),TimeRec(s),Calls,Callers,TopCaller,TopCallerCount,Allocs,AllocBytes,dict\n';
const load = (key: string, id: string, peak: string) =>
  `{"Event":{"data":{"SpanEnd":{"duration_us":1,"data":{"${key}":{"module_id":"${id}","cell":"root","starlark_peak_allocated_bytes":${peak}}}}}}}\n`;
const INVOCATION = '{"command_line_args":["buck2","uquery","//..."]}\n';

describe('no row is lost without a word', () => {
  it('a heap-summary row after the header that starts with `#` is read as a row (or skipped and counted)', () => {
    const parsed = parseText(
      's.csv',
      `${HEADER}"TOTALS",0.1,0.1,2,0,"",0,2,16,2\n#x,0.1,0.1,1,1,"(root)",1,1,8,1\n#junk\n"f",0.1,0.1,1,1,"(root)",1,1,8,1\n`,
    );
    if (parsed.profile?.format !== 'heap-summary') throw new Error(String(parsed.error?.message));
    expect(parsed.profile.functions.map((f) => f.name)).toEqual(['#x', 'f']);
    expect(parsed.diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(/^ignored 1 line with a wrong number of cells \(first at line 4/),
    ]);
  });

  it('one float peak skips that load and counts it; the 100 good loads stay', () => {
    const good = Array.from({ length: 100 }, (_, i) => load('Load', `root//p${i}:BUCK`, String(1000 + i))).join('');
    const parsed = parseText('log.json-lines', `${INVOCATION}${good}${load('Load', 'root//bad:BUCK', '1.5')}`);
    if (parsed.profile?.format !== 'event-log') throw new Error(String(parsed.error?.message));
    expect(parsed.profile.loads).toHaveLength(100);
    expect(parsed.diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining(
        'ignored 1 line with a Load record whose starlark_peak_allocated_bytes is not a whole number of the uint64 kind (first at line 102',
      ),
    ]);
  });

  it('a key written with escapes (`"\\u004coad"`) is the same key: the 3 GB load is found', () => {
    const parsed = parseText('log.json-lines', `${INVOCATION}${load('\\u004coad', 'root//big:BUCK', '3221225472')}`);
    expect(parsed.profile?.format === 'event-log' && parsed.profile.loads.map((l) => l.peakBytes)).toEqual([
      3221225472,
    ]);
  });

  it('a NUL after the first 32 lines is binary data on the text and on the byte path, as it is before', () => {
    const head = 'module;a.bzl.f;list 8\n'.repeat(40);
    for (const tail of ['module;a.bzl.g\0x;list 8\n', 'module;a.bzl.f;list 8\0\n', 'module;a.bzl.f;li\0st 8\n']) {
      const asBytes = parseBytes('flame.src', new TextEncoder().encode(head + tail));
      const asText = parseText('flame.src', head + tail);
      for (const parsed of [asBytes, asText]) {
        expect(parsed.profile).toBeNull();
        expect(parsed.error).toMatchObject({ line: 41, message: expect.stringContaining('binary data') });
      }
    }
    const csv = parseText(
      's.csv',
      `${HEADER}"TOTALS",0.1,0.1,2,0,"",0,2,16,2\n${'"f",0.1,0.1,1,1,"(root)",1,1,8,1\n'.repeat(40)}"g\0",0.1,0.1,1,1,"(root)",1,1,8,1\n`,
    );
    expect(csv.error?.message).toContain('binary data');
  });

  it('Latin-1 bytes that would merge two names are said (text and byte path)', () => {
    const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
    const head = 'module;a.bzl.f;list 8\n'.repeat(40);
    for (const body of [
      `module;caf\xe9.bzl.f;list 8\nmodule;caf\xe8.bzl.f;list 16\n`,
      `${head}module;caf\xe9.bzl.f;list 8\nmodule;caf\xe8.bzl.f;list 16\n`,
    ]) {
      const parsed = parseBytes('flame.src', latin1(body));
      const line = body.startsWith('module;caf') ? 1 : 41;
      expect(parsed.diagnostics).toEqual([
        { line, message: expect.stringContaining(`not valid UTF-8 (Latin-1 or damaged text, first at line ${line})`) },
      ]);
    }
  });
});
