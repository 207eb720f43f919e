// What sources dropped after their profiles cost, per way of getting the earlier loads' sets to
// the worker's analysis (worker/analyse-job.ts). "send" (what the app does): the page posts each
// set's name, files and roles back, copied (it keeps drawing them), and the worker's answer comes
// back. "keep" (the alternative): the worker keeps its own copy of every load's sets, made before
// it transfers the buffers out, on every load whether sources ever come late or not, for as long as
// the page holds the load. A structured clone is what postMessage does (v8's serializer, as
// Chromium's); "bytes" is the serialized size; "held" is the JS heap + array buffers a kept copy adds.
// Usage: node --expose-gc --import tsx tools/bench/late-join-cost.ts [runs]
import { serialize } from 'node:v8';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { loadPaths } from '../../src/cli/load-paths.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import type { ParsedFile } from '../../src/model/profile.ts';
import { runAnalyseJob, type AnalyseRequest } from '../../src/worker/analyse-job.ts';
import { assembleSets } from '../../src/worker/assemble.ts';
import type { LoadedSetData } from '../../src/worker/protocol.ts';
import type { SourceText } from '../../src/worker/sources.ts';
import { generateHeapFlame } from './gen-heap-flame.ts';
import { generateEventLog } from './gen-other.ts';

const runs = Number(process.argv[2] ?? 5);
const MB = 1_000_000;
const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');

interface Case {
  name: string;
  files: ParsedFile[];
  sources: SourceText[];
}

function generated(name: string, make: (write: (chunk: string) => void) => unknown): ParsedFile {
  const chunks: string[] = [];
  make((c) => chunks.push(c));
  return parseText(name, chunks.join(''));
}

async function fromSamples(name: string, ...paths: string[]): Promise<Case> {
  const loaded = await loadPaths(paths.map((p) => join(SAMPLES, p)));
  return { name, files: loaded.flatMap((a) => a.files), sources: loaded.flatMap((a) => a.sources) };
}

async function cases(): Promise<Case[]> {
  return [
    // The bench's 10 MB heap flame (tools/bench/gen-inputs.ts: same generator and seed).
    {
      name: '10 MB heap flame',
      files: [generated('run/flame.src', (w) => generateHeapFlame(10 * MB, 20261135, w))],
      sources: [],
    },
    await fromSamples(
      'corpus program (all modes)',
      'corpus/h6-lic-kotlin-flag-dispatch',
      'programs/corpus/h6-lic-kotlin-flag-dispatch',
    ),
    await fromSamples('monorepo (all modes, 11 pattern runs)', 'monorepo', 'programs/monorepo'),
    {
      name: '100 MB event log',
      files: [generated('logs/events.json-lines', (w) => generateEventLog(100 * MB, 20261125, w))],
      sources: [],
    },
  ];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timed(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

/** JS heap + array buffers a held structured clone of `value` adds, after collections. */
function heldBytes(value: unknown): number {
  const used = () => {
    globalThis.gc?.();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = used();
  const copy = structuredClone(value);
  const after = used();
  return copy === null ? 0 : after - before;
}

function measure(c: Case): Record<string, number | string> {
  const sets: LoadedSetData[] = assembleSets(c.files);
  const loads = [sets.map(({ name, files, roles }) => ({ name, files, roles }))];
  const sources = c.sources.map(({ path, text }) => ({ path, text }));
  const request: AnalyseRequest = { type: 'analyse', jobId: 1, loads, sources };
  const answer = runAnalyseJob(request);
  if (answer.type !== 'analysed') throw new Error(`analysis failed: ${JSON.stringify(answer)}`);
  const ms = (work: () => unknown) => +median(Array.from({ length: runs }, () => timed(work))).toFixed(1);
  const kb = (n: number) => Math.round(n / 1024);
  return {
    case: c.name,
    sets: sets.length,
    files: c.files.length,
    sources: sources.length,
    findings: answer.analyses.flat().reduce((n, a) => n + a.findings.length, 0),
    sendRequestMs: ms(() => structuredClone(request)),
    sendRequestKB: kb(serialize(request).byteLength),
    analyseMs: ms(() => runAnalyseJob(request)),
    sendAnswerMs: ms(() => structuredClone(answer)),
    sendAnswerKB: kb(serialize(answer).byteLength),
    keepCopyMsPerLoad: ms(() => structuredClone(loads)),
    keepHeldKB: kb(heldBytes(loads)),
  };
}

console.log(JSON.stringify({ runs, cpus: cpus().length, loadavg: loadavg().map((l) => +l.toFixed(1)) }));
for (const c of await cases()) console.log(JSON.stringify(measure(c)));
