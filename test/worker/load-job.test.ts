import { describe, expect, it, vi } from 'vitest';
import type { ParseInput } from '../../src/worker/protocol.ts';
import { runLoadJob } from '../../src/worker/load-job.ts';
import { skippedNotice } from '../../src/worker/skipped.ts';
import { sampleHeapFlame } from '../samples.ts';

const cb = () => ({ signal: new AbortController().signal, onProgress: () => {} });

describe('load job', () => {
  it('keeps the sets when the analysis step fails, and says so', async () => {
    const inputs = [{ kind: 'file' as const, path: 'run/flame.src', file: new Blob([sampleHeapFlame()]) }];
    const { sets, warnings } = await runLoadJob(inputs, cb(), () => {
      throw new Error('boom');
    });
    expect(sets.map((s) => s.name)).toEqual(['run']);
    expect(sets[0]!.metrics.map((m) => m.metric)).toEqual(['bytes']);
    expect(warnings).toEqual(['the analysis of this load failed (boom); the profiles are shown without findings']);
  });

  it('reads .bzl and BUCK files as sources, not as profiles', async () => {
    const inputs = [
      { kind: 'file' as const, path: 'run/flame.src', file: new Blob([sampleHeapFlame()]) },
      { kind: 'file' as const, path: 'run/test.star.bzl', file: new Blob(['def f():\n    return 1\n']) },
    ];
    const { sets, warnings } = await runLoadJob(inputs, cb());
    expect(warnings).toEqual([]);
    expect(sets.flatMap((s) => s.files.map((f) => f.path))).toEqual(['run/flame.src']);
  });

  it('reads a build file of any name as a source when a log or profile names it ([buildfile] name)', async () => {
    const log = [
      '{"command_line_args":["buck2","uquery","//pkg:"],"trace_id":"t"}',
      '{"Event":{"trace_id":"t","span_id":2,"parent_id":1,"data":{"SpanEnd":{"duration_us":9,"data":{"Load":{"module_id":"root//pkg:TARGETS.fixture","cell":"root","error":null,"starlark_peak_allocated_bytes":64,"target_count":1}}}}}}',
    ].join('\n');
    const statement = 'File,Span,Duration(s),Count\n"TOTAL","",0.001,2\n"lib/BUCK.v2","1:1-9",0.001,2\n';
    const inputs = [
      { kind: 'file' as const, path: 'drop/events.json-lines', file: new Blob([`${log}\n`]) },
      { kind: 'file' as const, path: 'drop/statement/profile.csv', file: new Blob([statement]) },
      { kind: 'file' as const, path: 'drop/pkg/TARGETS.fixture', file: new Blob(['x = [i for i in range(9)]\n']) },
      { kind: 'file' as const, path: 'drop/lib/BUCK.v2', file: new Blob(['y = 1\n']) },
      { kind: 'file' as const, path: 'drop/pkg/TARGETS.other', file: new Blob(['z = 1\n']) },
    ];
    let sourcesSeen: string[] = [];
    const { sets, skipped } = await runLoadJob(inputs, cb(), (s, sources) => {
      sourcesSeen = sources.map((t) => t.path);
      return s;
    });
    expect(sourcesSeen.sort()).toEqual(['drop/lib/BUCK.v2', 'drop/pkg/TARGETS.fixture']);
    // A file no profile names stays what its content reads as (`z = 1` is a one-frame folded stack).
    const files = sets.flatMap((s) => s.files.map((f) => f.path)).sort();
    expect(files).toEqual(['drop/events.json-lines', 'drop/pkg/TARGETS.other', 'drop/statement/profile.csv']);
    expect(skipped).toEqual({ byName: 0, byContent: 0, examples: [] });
  });

  it('leaves out what a dropped folder holds besides profiles, by name and by content, and counts it once', async () => {
    const inputs = [
      { kind: 'file' as const, path: 'pkg/flame.src', file: new Blob([sampleHeapFlame()]) },
      { kind: 'file' as const, path: 'pkg/README.md', file: new Blob(['# notes\n']) },
      { kind: 'file' as const, path: 'pkg/src/main.cpp', file: new Blob(['int main() {}\n']) },
      { kind: 'file' as const, path: 'pkg/package.json', file: new Blob(['{\n  "name": "x"\n}\n']) },
      { kind: 'file' as const, path: 'pkg/docs/index.html', file: new Blob(['<!doctype html>\n<p>hi</p>\n']) },
      // A file dropped on its own is always read, and a broken profile in a folder is an error.
      { kind: 'file' as const, path: 'notes.md', file: new Blob(['module;list 8\n']) },
      {
        kind: 'file' as const,
        path: 'pkg/profile.csv',
        file: new Blob([
          'Function,Time(s),TimeRec(s),Calls,Callers,TopCaller,TopCallerCount,Allocs,AllocBytes\n"a",zz\n',
        ]),
      },
    ];
    const { sets, warnings, skipped } = await runLoadJob(inputs, cb());
    expect(sets.flatMap((s) => s.files.map((f) => f.path)).sort()).toEqual([
      'notes.md',
      'pkg/flame.src',
      'pkg/profile.csv',
    ]);
    expect(warnings).toEqual([]);
    expect(skipped).toEqual({
      byName: 2,
      byContent: 2,
      examples: ['pkg/README.md', 'pkg/src/main.cpp', 'pkg/package.json'],
    });
    expect(skippedNotice(skipped)).toBe(
      'skipped 4 files in the folder that are not profiles (2 by name, 2 by content): pkg/README.md, pkg/src/main.cpp, pkg/package.json, …',
    );
  });

  it('hands back the sources it read, so they can join runs loaded before or after', async () => {
    const inputs = [{ kind: 'file' as const, path: 'src/BUCK', file: new Blob(['load(":defs.bzl", "f")\n']) }];
    const { sets, sources } = await runLoadJob(inputs, cb());
    expect(sets).toEqual([]);
    expect(sources).toEqual([{ path: 'src/BUCK', text: 'load(":defs.bzl", "f")\n' }]);
  });

  it('counts and names the sources it could not read (a file gone since the drop, an error page), and reads the rest', async () => {
    // What Blob.text() does when the file changed or went away after it was picked.
    const gone = { size: 9, text: () => Promise.reject(new Error('A requested file could not be read')) };
    const inputs: ParseInput[] = [
      { kind: 'file', path: 'src/defs.bzl', file: gone as unknown as Blob },
      { kind: 'file', path: 'src/BUCK', file: new Blob(['x = 1\n']) },
      { kind: 'url', path: 'lib/defs.bzl', url: 'https://example.test/lib/defs.bzl' },
    ];
    const notFound = () =>
      Promise.resolve(new Response('<h1>Not Found</h1>', { status: 404, statusText: 'Not Found' }));
    vi.stubGlobal('fetch', notFound);
    try {
      const { sources, warnings } = await runLoadJob(inputs, cb());
      expect(sources.map((t) => t.path)).toEqual(['src/BUCK']);
      expect(warnings).toEqual([
        '2 Starlark sources could not be read and are left out: src/defs.bzl (A requested file could not be read), lib/defs.bzl (HTTP 404 Not Found)',
      ]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
