import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { listInputs, startOpenServer, type OpenServer } from '../../src/cli/open.ts';
import { SAMPLES_DIR } from '../samples.ts';

let dist: string;
let server: OpenServer;
const sampleDir = join(SAMPLES_DIR, 'loop-invariant-call', 'before', 'heap-allocated');
const looseFile = join(SAMPLES_DIR, 'loop-invariant-call', 'before', 'statement', 'profile.csv');

beforeAll(async () => {
  // A stand-in dist/ so this unit test does not need a build.
  dist = mkdtempSync(join(tmpdir(), 'open-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>peakscope</title>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'export {};');
  server = await startOpenServer(await listInputs([sampleDir, looseFile]), dist);
});
afterAll(async () => {
  await server?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('peakscope open', () => {
  it('serves on 127.0.0.1 with a #url= pointing at an opaque per-run manifest', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#url=/);
    expect(decodeURIComponent(server.url.split('#url=')[1]!)).toBe(server.manifestUrl);
    expect(server.manifestUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}\/manifest\.json$/);
  });

  it('lists exactly the given files and the files inside given directories', async () => {
    const manifest = await (await fetch(server.manifestUrl)).json();
    const inDir = readdirSync(sampleDir)
      .sort()
      .map((name) => `${sampleDir}/${name}`);
    expect(inDir).toContain(`${sampleDir}/flame.src`);
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual([...inDir, looseFile]);
    const first = await fetch(new URL(manifest.files[0].url, server.manifestUrl));
    expect(first.status).toBe(200);
    expect((await first.text()).startsWith('range 24\n')).toBe(true);
  });

  it('serves the app, and nothing else: no other files, no path tricks, no other index', async () => {
    const origin = new URL(server.manifestUrl).origin;
    const token = new URL(server.manifestUrl).pathname.split('/')[1];
    expect((await fetch(`${origin}/`)).status).toBe(200);
    expect((await fetch(`${origin}/assets/app.js`)).status).toBe(200);
    const count = readdirSync(sampleDir).length + 1;
    for (const path of [
      `/${token}/f/${count}`,
      `/${token}/f/-1`,
      '/ffffffffffffffffffffffffffffffff/manifest.json',
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/../../package.json',
      `/${token}/../../package.json`,
      '/etc/passwd',
    ]) {
      expect([path, (await fetch(`${origin}${path}`)).status]).toEqual([path, 404]);
    }
    expect((await fetch(`${origin}/`, { method: 'POST' })).status).toBe(405);
  });

  it('is in the CLI table and says what is wrong in one line', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) };
    expect(await main(['open', '--help'], io)).toBe(0);
    expect(out.join('')).toMatch(/^Usage: peakscope open/);
    expect(await main(['open'], io)).toBe(2);
    expect(err.join('')).toMatch(/no PATH given/);
    expect(await main(['open', '--no-browser', join(SAMPLES_DIR, 'does-not-exist')], io)).toBe(2);
  });
});
