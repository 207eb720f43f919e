import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/formats/parse-file.ts';
import { describeFile, missingModes, packagePattern, totalsInWords } from '../../src/views/set-words.ts';
import { sampleHeapFlame, SAMPLES_DIR } from '../samples.ts';

const sample = (path: string) => parseText(path, readFileSync(join(SAMPLES_DIR, path), 'utf8'));

describe('files and sets in words', () => {
  it('says what a file is, its size and mode, and its totals exactly', () => {
    const words = describeFile(parseText('out/heap-allocated/flame.src', sampleHeapFlame()));
    expect(words.what).toBe('heap flame (bytes per stack and type), 517 B, --mode heap-allocated');
    expect(words.totals).toBe('bytes 33,206,672 (31.7 MiB) · stacks 12');
    expect(words.problem).toBeNull();
  });

  it('names the file, the line and what was found when a file is broken', () => {
    const words = describeFile(parseText('x.txt', 'hello world\n'));
    expect(words.problem).toMatch(
      /^x\.txt line 1: not a profile peakscope knows; tried [a-z-]+(, [a-z-]+)+ — found "hello world"$/,
    );
  });

  it('reports a cut-short file and skipped lines in words', () => {
    const words = describeFile(
      parseText(
        'f.src',
        'module;list 8\nmodule;a.bzl.f;list 8\nmodule;a.bzl.g;dict 16\nnot folded\nmodule;dict 1\nmodule;a.bzl.f;li',
      ),
    );
    expect(words.warnings).toEqual([
      'f.src: truncated — the file ends mid-line at line 6; that partial line was ignored: "module;a.bzl.f;li"',
      'f.src: ignored 1 line without a trailing byte count (first at line 4: "not folded")',
    ]);
  });

  it('lists the missing modes with the exact buck2 command for the profiled package', () => {
    const files = [
      sample('monorepo/heap-flame-allocated/flame.src'),
      sample('monorepo/heap-flame-allocated/targets.txt'),
    ];
    const pkg = packagePattern(files);
    expect(pkg).toMatch(/^root\/\/[^ ]*:$/);
    expect(missingModes('monorepo', files)).toEqual([
      {
        mode: 'heap-summary-allocated',
        why: 'allocations and calls per function',
        command: `buck2 profile loading --mode heap-summary-allocated -o monorepo/heap-summary-allocated ${pkg}`,
      },
      {
        mode: 'statement',
        why: 'time per statement (finds the loops)',
        command: `buck2 profile loading --mode statement -o monorepo/statement ${pkg}`,
      },
      {
        mode: 'time-flame',
        why: 'time per stack',
        command: `buck2 profile loading --mode time-flame -o monorepo/time-flame ${pkg}`,
      },
    ]);
    const targets = parseText('x/targets.txt', 'load/root//a/b\n');
    expect(missingModes('', [targets])[0]!.command).toBe(
      'buck2 profile loading --mode heap-allocated -o out/heap-allocated root//a/b:',
    );
  });

  it('asks for no profiler modes when a set holds only event logs', () => {
    expect(missingModes('event-logs', [sample('event-logs/causes.json-lines')])).toEqual([]);
  });

  it('writes totals with exact numbers and human sizes', () => {
    expect(totalsInWords({ maxPeakBytes: 1536, maxPeakFile: 'root//a:BUCK', files: 2 })).toBe(
      'max peak bytes 1,536 (1.5 KiB) · max peak file root//a:BUCK · files 2',
    );
  });
});
