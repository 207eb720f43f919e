import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog, listSampleIds } from '../../tools/samples-plugin.ts';
import { SAMPLES_DIR } from '../samples.ts';

describe('samples plugin', () => {
  it('finds the real samples and makes loop-invariant-call/before the default', () => {
    const ids = listSampleIds(SAMPLES_DIR);
    expect(ids).toContain('loop-invariant-call/before');
    expect(ids).toContain('loop-invariant-call/after');
    const index = JSON.parse(buildCatalog(SAMPLES_DIR).generated.get('index.json')!);
    expect(index.default).toBe('loop-invariant-call/before');
  });

  it('lists the heap-allocated and statement outputs in the default manifest, paths relative to it', () => {
    const catalog = buildCatalog(SAMPLES_DIR);
    const manifest = JSON.parse(catalog.generated.get('loop-invariant-call/before/manifest.json')!);
    const urls = manifest.files.map((f: { url: string }) => f.url);
    expect(urls).toEqual(
      expect.arrayContaining(['heap-allocated/flame.src', 'heap-allocated/profile.csv', 'statement/profile.csv']),
    );
    expect(urls).not.toContain('time-flame/profile.csv');
    for (const f of manifest.files) expect(catalog.files.has(f.path)).toBe(true);
  });

  it('ships each sample with the Starlark program behind it, so the advisor has its sources', () => {
    const catalog = buildCatalog(SAMPLES_DIR);
    const manifest = JSON.parse(catalog.generated.get('loop-invariant-call/before/manifest.json')!);
    const sources = manifest.files.filter((f: { path: string }) => f.path.startsWith('programs/'));
    expect(sources.map((f: { path: string; url: string }) => [f.path, f.url])).toEqual([
      ['programs/loop-invariant-call/before/BUCK', '../../programs/loop-invariant-call/before/BUCK'],
      ['programs/loop-invariant-call/before/defs.bzl', '../../programs/loop-invariant-call/before/defs.bzl'],
    ]);
    const monorepo = JSON.parse(catalog.generated.get('monorepo/manifest.json')!);
    expect(monorepo.files.some((f: { path: string }) => f.path === 'programs/monorepo/build_defs/cxx.bzl')).toBe(true);
    expect(monorepo.files.some((f: { path: string }) => f.path.endsWith('.cpp'))).toBe(false);
  });

  it('offers the event logs, the monorepo one compressed as saved', () => {
    const catalog = buildCatalog(SAMPLES_DIR);
    const manifest = JSON.parse(catalog.generated.get('event-logs/manifest.json')!);
    expect(manifest.files.map((f: { url: string }) => f.url)).toEqual(['causes.json-lines', 'monorepo.json-lines.zst']);
  });

  it('serves only what the manifests list, never other files of the folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'samples-'));
    try {
      mkdirSync(join(root, 'huge-collection', 'before', 'heap-allocated'), { recursive: true });
      writeFileSync(join(root, 'huge-collection', 'before', 'heap-allocated', 'flame.src'), 'module;list 8\n');
      writeFileSync(join(root, 'huge-collection', 'before', 'heap-allocated', 'secret.txt'), 'no');
      writeFileSync(join(root, 'README.md'), 'no');
      const catalog = buildCatalog(root);
      expect([...catalog.files.keys()]).toEqual(['huge-collection/before/heap-allocated/flame.src']);
      expect(JSON.parse(catalog.generated.get('index.json')!).default).toBe('huge-collection/before');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
