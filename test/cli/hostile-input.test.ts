// Issue 17 through the CLI: big, cut, odd and hostile inputs give a report or one clear line,
// never a crash, a silent partial number, or a character that rewrites the terminal.
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listInputs, startOpenServer } from '../../src/cli/open.ts';
import { main } from '../../src/cli/main.ts';

let dir: string;
const at = (...p: string[]) => join(dir, ...p);

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const load = (i: number) =>
  `{"Event":{"data":{"SpanEnd":{"duration_us":1,"data":{"Load":{"module_id":"root//p${i}:BUCK","cell":"root","starlark_peak_allocated_bytes":${1000 + i}}}}}}}\n`;
const FLAME = Array.from({ length: 200 }, (_, i) => `module;a.bzl.f${i % 9};dict ${1000 + i}\n`).join('');
const STATEMENT = `File,Span,Duration(s),Count\n"TOTAL","",0.500,60\n${Array.from({ length: 20 }, (_, i) => `"a.bzl","${i + 1}:1-8",0.025,3\n`).join('')}`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'peakscope-issue17-'));
  writeFileSync(
    at('big.json-lines'),
    `{"command_line_args":["buck2","uquery","//..."]}\n${Array.from({ length: 150_000 }, (_, i) => load(i)).join('')}`,
  );
  writeFileSync(at('cut-number.src'), FLAME.slice(0, -3));
  const gz = gzipSync(new TextEncoder().encode(FLAME));
  writeFileSync(at('cut.src.gz'), gz.subarray(0, gz.length - 3)); // inside the trailer: fflate alone said nothing
  writeFileSync(at('cut-row.csv'), STATEMENT.slice(0, -4));
  writeFileSync(at('rlo\u202egpj.src'), 'module;a.bzl.\u202ef\u2066x;dict 8\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('peakscope report on issue 17 inputs', () => {
  it('prints its text report for an event log of 150k loads (no spread of 150k arguments)', async () => {
    const r = await run('report', at('big.json-lines'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('150,000');
  }, 120_000);

  it.each([
    ['a heap flame cut inside its last number', 'cut-number.src', 'ends mid-line at line 200'],
    ['a gzip stream cut in its trailer', 'cut.src.gz', 'the gzip stream is damaged or cut short'],
    ['a statement CSV cut in its last row', 'cut-row.csv', 'ends mid-line at line 22'],
  ])('%s: a warning in report --json diagnostics', async (_, name, says) => {
    const r = await run('report', '--json', at(name));
    expect(r.code).toBe(0);
    const input = JSON.parse(r.stdout).inputs[0];
    expect(input.diagnostics.map((d: { message: string }) => d.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^cut short: .*${says}`))]),
    );
  });

  it('the kept lines exactly: the cut heap flame totals 199 stacks', async () => {
    const input = JSON.parse((await run('report', '--json', at('cut-number.src'))).stdout).inputs[0];
    expect(input.totals.bytes).toBe(Array.from({ length: 199 }, (_, i) => 1000 + i).reduce((a, b) => a + b, 0));
  });

  it('never prints bidi controls (RLO, isolates) raw', async () => {
    const r = await run('report', at('rlo\u202egpj.src'));
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(r.stdout).toContain('rlo?gpj.src');
  });

  it('a dangling symbolic link in a folder is left out and said; the rest is reported', async () => {
    const folder = mkdtempSync(join(dir, 'with-link-'));
    writeFileSync(join(folder, 'flame.src'), FLAME);
    symlinkSync(join(folder, 'gone'), join(folder, 'dangling.src'));
    const r = await run('report', folder);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Could not read 1 entry of the folders given \(left out\): .*dangling\.src \(no such file or directory\)/,
    );
    expect(JSON.parse((await run('report', '--json', folder)).stdout).unreadable).toEqual([
      { path: join(folder, 'dangling.src'), reason: 'no such file or directory' },
    ]);
  });
});

describe('peakscope open on a hostile request', () => {
  it('answers /%E0 with 400 and keeps serving', async () => {
    const dist = mkdtempSync(join(dir, 'dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>x</title>');
    const server = await startOpenServer(await listInputs([at('cut-number.src')]), dist);
    try {
      const origin = new URL(server.url).origin;
      for (const bad of ['/%E0', '/%ZZ', '/a%E0%80']) expect((await fetch(origin + bad)).status).toBe(400);
      expect((await fetch(`${origin}/`)).status).toBe(200);
      expect((await fetch(server.manifestUrl)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
