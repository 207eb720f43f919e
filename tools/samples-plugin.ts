// A Vite plugin that makes the real samples in samples/ part of the app: in dev and preview it
// serves them at ./samples/, and at build it copies the needed files plus a generated
// `samples/index.json` and one `manifest.json` per sample into dist/. Only files listed in the
// generated manifests are ever served (no directory listing, no path from the request).
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Connect, Plugin } from 'vite';

/** The guide's causes (Buck2 "Debugging Excess Starlark Peak Memory"), in gallery order. */
const CASES: Record<string, { title: string; description: string }> = {
  'loop-invariant-call': {
    title: 'Loop-invariant call',
    description: 'An allocating call inside a loop whose result never changes.',
  },
  'huge-collection': {
    title: 'Huge collection',
    description: 'A giant comprehension or list multiplication built in one go.',
  },
  'materialize-then-process': {
    title: 'Materialise, then process',
    description: 'A whole generated list built before it is processed.',
  },
  'dict-view-in-loop': {
    title: 'dict.items() in a hot loop',
    description: 'A dict view materialised in the header of a hot loop.',
  },
  'rare-case-allocation': {
    title: 'Allocating for a rare case',
    description: 'Work done on every call for a failure path that almost never runs.',
  },
  monorepo: { title: 'Monorepo', description: 'Many packages profiled together.' },
};

/** `buck2 log show` outputs: every BUCK file's peak; the monorepo one zstd-compressed as saved. */
const EVENT_LOGS = { dir: 'event-logs', files: ['causes.json-lines', 'monorepo.json-lines.zst'] };
const EVENT_LOG_INFO = {
  title: 'Event logs',
  description: 'Per-file Starlark peaks from buck2 log show, one over its limit.',
};

/** Modes a sample loads, in preference order; `heap-allocated` holds flame and summary both. */
const HEAP_MODES = [['heap-allocated'], ['heap-flame-allocated', 'heap-summary-allocated']];
const EXTRA_MODES = ['statement', 'time-flame'];
/** `time-flame/profile.csv` repeats `flame.src` (docs/formats.md §9.2), so flame modes skip it. */
const FILE_NAMES = ['flame.src', 'profile.csv', 'targets.txt'];
const SKIP = new Set(['time-flame/profile.csv']);
const DEFAULT_SAMPLE = 'loop-invariant-call/before';

export interface SampleEntry {
  id: string;
  title: string;
  description: string;
  variant: string;
  manifest: string;
  files: number;
}

export interface SampleCatalog {
  /** URL path under samples/ → file on disk. */
  files: Map<string, string>;
  /** URL path under samples/ → generated JSON text. */
  generated: Map<string, string>;
}

function isDir(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** The Starlark program behind a sample (`samples/programs/<id>/`: BUCK and .bzl files), so the
 * advisor and the source view work on the gallery samples as on a dropped run with its sources. */
function programSources(root: string, id: string): string[] {
  const found: string[] = [];
  const pending = [posix.join('programs', id)];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    if (!isDir(join(root, dir))) continue;
    for (const name of readdirSync(join(root, dir)).sort()) {
      const path = posix.join(dir, name);
      if (isDir(join(root, path))) pending.push(path);
      else if (name === 'BUCK' || name.endsWith('.bzl')) found.push(path);
    }
  }
  return found.sort();
}

/** The mode folders of one sample that the app loads. */
function modesOf(dir: string): string[] {
  const heap = HEAP_MODES.find((modes) => modes.some((m) => isDir(join(dir, m)))) ?? [];
  return [...heap, ...EXTRA_MODES].filter((m) => isDir(join(dir, m)));
}

/** `<case>/<before|after>/` or `<case>/` folders that hold mode folders. */
function sampleDirs(root: string): { id: string; caseName: string; variant: string }[] {
  const found: { id: string; caseName: string; variant: string }[] = [];
  for (const caseName of Object.keys(CASES)) {
    if (!isDir(join(root, caseName))) continue;
    for (const variant of ['before', 'after', '']) {
      const id = variant ? `${caseName}/${variant}` : caseName;
      if (modesOf(join(root, id)).length > 0) found.push({ id, caseName, variant });
    }
  }
  return found;
}

/** Scans samples/ and builds the index, the manifests and the allowlist of files. */
export function buildCatalog(root: string): SampleCatalog {
  const files = new Map<string, string>();
  const generated = new Map<string, string>();
  const samples: SampleEntry[] = [];
  for (const { id, caseName, variant } of sampleDirs(root)) {
    const entries: { path: string; url: string }[] = [];
    for (const [i, mode] of modesOf(join(root, id)).entries()) {
      for (const name of FILE_NAMES) {
        const disk = join(root, id, mode, name);
        // One targets.txt says what was profiled; every mode folder repeats it.
        if (!existsSync(disk) || SKIP.has(`${mode}/${name}`) || (name === 'targets.txt' && i > 0)) continue;
        files.set(posix.join(id, mode, name), disk);
        entries.push({ path: posix.join(id, mode, name), url: posix.join(mode, name) });
      }
    }
    for (const path of programSources(root, id)) {
      files.set(path, join(root, path));
      entries.push({ path, url: posix.relative(id, path) });
    }
    const info = CASES[caseName]!;
    generated.set(
      posix.join(id, 'manifest.json'),
      JSON.stringify({ title: `${info.title}${variant ? `, ${variant}` : ''}`, files: entries }, null, 1),
    );
    samples.push({
      id,
      title: info.title,
      description: info.description,
      variant: variant || 'profile',
      manifest: posix.join(id, 'manifest.json'),
      files: entries.length,
    });
  }
  const logs = EVENT_LOGS.files.filter((f) => existsSync(join(root, EVENT_LOGS.dir, f)));
  if (logs.length > 0) {
    const entries = logs.map((f) => ({ path: posix.join(EVENT_LOGS.dir, f), url: f }));
    for (const e of entries) files.set(e.path, join(root, e.path));
    const manifest = posix.join(EVENT_LOGS.dir, 'manifest.json');
    generated.set(manifest, JSON.stringify({ title: EVENT_LOG_INFO.title, files: entries }, null, 1));
    samples.push({ id: EVENT_LOGS.dir, ...EVENT_LOG_INFO, variant: 'logs', manifest, files: entries.length });
  }
  const defaultId = samples.some((s) => s.id === DEFAULT_SAMPLE) ? DEFAULT_SAMPLE : (samples[0]?.id ?? null);
  generated.set('index.json', JSON.stringify({ default: defaultId, samples }, null, 1));
  return { files, generated };
}

function middleware(root: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const m = /^\/samples\/(.+)$/.exec(decodeURIComponent(url.pathname));
    if (!m) return next();
    const catalog = buildCatalog(root);
    const json = catalog.generated.get(m[1]!);
    const disk = catalog.files.get(m[1]!);
    if (json !== undefined) {
      res.setHeader('content-type', 'application/json');
      res.end(json);
    } else if (disk) {
      res.setHeader(
        'content-type',
        /\.(gz|zst)$/.test(disk) ? 'application/octet-stream' : 'text/plain; charset=utf-8',
      );
      res.setHeader('content-length', String(statSync(disk).size));
      createReadStream(disk).pipe(res);
    } else next();
  };
}

/** Serves samples/ in dev and preview, copies them into dist/ at build. */
export function samplesPlugin(root: string): Plugin {
  return {
    name: 'peakscope-samples',
    configureServer(server) {
      server.middlewares.use(middleware(root));
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware(root));
    },
    generateBundle() {
      const catalog = buildCatalog(root);
      for (const [path, text] of catalog.generated)
        this.emitFile({ type: 'asset', fileName: `samples/${path}`, source: text });
      for (const [path, disk] of catalog.files)
        this.emitFile({ type: 'asset', fileName: `samples/${path}`, source: readFileSync(disk) });
    },
  };
}

/** For tests: the names of the sample folders found. */
export function listSampleIds(root: string): string[] {
  return isDir(root) ? sampleDirs(root).map((s) => s.id) : [];
}
