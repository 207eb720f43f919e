// Fails when a folder of src/ imports what docs/design.md forbids.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './samples.ts';

const SRC = join(REPO_ROOT, 'src');

/** Which src/ folders each folder may import (itself is always allowed). */
const ALLOWED: Record<string, string[]> = {
  model: [],
  formats: ['model'],
  analysis: ['model'],
  worker: ['formats', 'model', 'analysis'],
  views: ['model', 'analysis'],
  app: ['formats', 'model', 'analysis', 'worker', 'views'],
  cli: ['formats', 'model', 'analysis'],
  types: [],
};

/**
 * The DOM-free drawing modules of views/ the worker may import, for the first flamegraph it
 * draws on an OffscreenCanvas (worker/first-paint.ts), and what they import; nothing else of views/.
 */
const WORKER_VIEWS = [
  'views/flame-canvas.ts',
  'views/flame-projection.ts',
  'views/frame-colors.ts',
  'views/frame-label.ts',
];

/** Folders that run outside the DOM and must not name document or window. */
const NO_DOM = ['model', 'formats', 'analysis', 'worker', 'cli'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.ts$/.test(entry) ? [path] : [];
  });
}

function importsOf(text: string): string[] {
  const found: string[] = [];
  const pattern =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]|new URL\(\s*['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(pattern)) found.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  return found;
}

const files = sourceFiles(SRC).map((path) => ({
  path,
  folder: relative(SRC, path).split(/[\\/]/)[0]!,
  text: readFileSync(path, 'utf8'),
}));

describe('architecture', () => {
  it('finds the source folders', () => {
    expect(new Set(files.map((f) => f.folder))).toContain('formats');
  });

  it('every relative import follows the allowed arrows', () => {
    const broken: string[] = [];
    for (const f of files) {
      for (const spec of importsOf(f.text).filter((s) => s.startsWith('.'))) {
        const path = relative(SRC, resolve(dirname(f.path), spec)).split(/[\\/]/);
        const target = path[0]!;
        if (target === f.folder || target.startsWith('..')) continue;
        if (f.folder === 'worker' && WORKER_VIEWS.includes(path.join('/'))) continue;
        if (!(ALLOWED[f.folder] ?? []).includes(target)) broken.push(`${relative(SRC, f.path)} → ${spec}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('only views/flamegraph.ts imports d3-flame-graph', () => {
    const users = files.filter((f) => importsOf(f.text).includes('d3-flame-graph')).map((f) => relative(SRC, f.path));
    expect(users.filter((u) => u !== join('views', 'flamegraph.ts'))).toEqual([]);
  });

  it('non-DOM folders never touch document or window', () => {
    const offenders = files
      .filter(
        (f) =>
          (NO_DOM.includes(f.folder) || WORKER_VIEWS.includes(relative(SRC, f.path).split(/[\\/]/).join('/'))) &&
          /\b(document|window)\s*\./.test(f.text.replace(/\/\/.*$/gm, '')),
      )
      .map((f) => relative(SRC, f.path));
    expect(offenders).toEqual([]);
  });

  it('the scanner sees a forbidden arrow when there is one', () => {
    // Guards the guard: a model file importing formats/ must be reported.
    const spec = importsOf("import { x } from '../formats/detect.ts';")[0]!;
    const target = relative(SRC, resolve(join(SRC, 'model'), spec)).split(/[\\/]/)[0]!;
    expect(ALLOWED.model).not.toContain(target);
  });
});
