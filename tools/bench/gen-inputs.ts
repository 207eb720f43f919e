// Writes the benchmark's large deterministic inputs to tools/bench/out/ (git-ignored).
// Usage: node --import tsx tools/bench/gen-inputs.ts [--quick] [--big-log] [--out DIR]
// Files are regenerated only when missing or made by another generator version.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateHeapFlame } from './gen-heap-flame.ts';
import { generateEventLogPb } from './gen-event-log-pb.ts';
import { generateEventLog, generateStatementCsv } from './gen-other.ts';

/** Bump when any generator's output changes, so stale files are rebuilt. */
const GENERATOR_VERSION = 2;
const SEED = 20261125;
const MB = 1_000_000;

export const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'out');

/** One generated input: where it goes and how to write it. */
export interface InputSpec {
  file: string;
  kind: 'heap-flame' | 'statement-csv' | 'event-log' | 'event-log-pb';
  make: (write: (chunk: string) => void) => Record<string, number>;
  /** Instead of make: writes the file at `path` itself (binary, compressed by a command). */
  makeFile?: (path: string) => Record<string, number>;
}

/** The benchmark's inputs; `quick` keeps only the 100 MB heap flame. */
export function inputSpecs(options: { quick: boolean; bigLog: boolean }): InputSpec[] {
  const flame = (mb: number, seed: number): InputSpec => ({
    file: `heap-flame-${mb}mb.src`,
    kind: 'heap-flame',
    make: (w) => ({ ...generateHeapFlame(mb * MB, seed, w) }),
  });
  if (options.quick) return [flame(100, SEED + 100)];
  const specs = [
    flame(10, SEED + 10),
    flame(100, SEED + 100),
    flame(300, SEED + 300),
    {
      file: 'statements-1m.csv',
      kind: 'statement-csv' as const,
      make: (w: (c: string) => void) => generateStatementCsv(1_000_000, SEED, w),
    },
  ];
  if (options.bigLog) {
    specs.push({
      file: 'event-log-1gb.json-lines',
      kind: 'event-log',
      make: (w) => generateEventLog(1000 * MB, SEED, w),
    });
    specs.push({
      file: 'event-log-1gb.pb.zst',
      kind: 'event-log-pb',
      make: () => ({}),
      makeFile: (path) => generateEventLogPb(1000 * MB, SEED, path),
    });
  }
  return specs;
}

interface Manifest {
  version: number;
  files: Record<string, { bytes: number; stats: Record<string, number> }>;
}

function readManifest(dir: string): Manifest {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return { version: GENERATOR_VERSION, files: {} };
  const m = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  return m.version === GENERATOR_VERSION ? m : { version: GENERATOR_VERSION, files: {} };
}

/** Writes each missing input; returns path and generator stats for every requested one. */
export function ensureInputs(specs: InputSpec[], dir = OUT_DIR, log = console.log): Manifest['files'] {
  mkdirSync(dir, { recursive: true });
  const manifest = readManifest(dir);
  for (const spec of specs) {
    const path = join(dir, spec.file);
    const known = manifest.files[spec.file];
    if (known && existsSync(path) && statSync(path).size === known.bytes) continue;
    const started = performance.now();
    const stats = spec.makeFile ? spec.makeFile(path) : writeWith(path, spec.make);
    manifest.files[spec.file] = { bytes: statSync(path).size, stats };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    log(
      `generated ${spec.file}: ${(statSync(path).size / MB).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s ${JSON.stringify(stats)}`,
    );
  }
  return manifest.files;
}

function writeWith(path: string, make: InputSpec['make']): Record<string, number> {
  const fd = openSync(path, 'w');
  const stats = make((chunk) => void writeSync(fd, chunk));
  closeSync(fd);
  return stats;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  ensureInputs(
    inputSpecs({ quick: args.includes('--quick'), bigLog: args.includes('--big-log') }),
    outAt >= 0 ? args[outAt + 1]! : OUT_DIR,
  );
}
