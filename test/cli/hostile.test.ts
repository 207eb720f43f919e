// The CLI on hostile and broken input: every failure is one line on stderr and exit 2, never a
// stack trace, never a hang, and nothing a file carries (control characters) reaches the terminal.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { REPO_ROOT, sampleHeapFlame, sampleHeapSummary, SAMPLES_DIR } from '../samples.ts';

const ESC = '\u001b';
/** A terminal escape that would clear the screen, and one that would set the window title. */
const ANSI = `${ESC}[2J${ESC}]0;pwned\u0007`;

let dir: string;

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

/** Exit 2 and exactly one line `peakscope: …` on stderr, no stack frame, no control character. */
function expectOneLineFailure(r: { code: number; stderr: string }, reason: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^peakscope: /);
  expect(r.stderr).toMatch(reason);
  expect(r.stderr).not.toMatch(/\n\s+at |[\u0000-\u0009\u000b-\u001f]/);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'peakscope-hostile-'));
  const at = (...p: string[]) => join(dir, ...p);
  writeFileSync(at('flame.src'), sampleHeapFlame());
  writeFileSync(at('core'), new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 10, 0, 2]));
  writeFileSync(at('empty.csv'), '');
  writeFileSync(at('seconds.csv'), sampleHeapSummary().replace('0.168', '9'.repeat(400)));
  const gz = gzipSync(new TextEncoder().encode(sampleHeapFlame()));
  writeFileSync(at('cut.src.gz'), gz.subarray(0, Math.floor(gz.length * 0.7)));
  writeFileSync(at(`esc${ANSI}.src`), `module;a.bzl.${ANSI};dict 8\n`);
  execFileSync('mkfifo', [at('fifo')]);
  mkdirSync(at('nothing'));
  mkdirSync(at('junk'));
  writeFileSync(at('junk', 'notes.txt'), 'hello\n');
  writeFileSync(at('junk', 'blob'), new Uint8Array([0, 1, 2, 0]));
  mkdirSync(at('loop'));
  writeFileSync(at('loop', 'flame.src'), 'module;dict 8\n');
  symlinkSync('.', at('loop', 'self'));
  symlinkSync('../loop', at('loop', 'back'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('peakscope on paths it cannot read', () => {
  it.each([
    ['a missing path', () => join(dir, 'missing.src'), /cannot read ".*missing\.src": no such file or directory/],
    ['a character device', () => '/dev/zero', /"\/dev\/zero": not a regular file or directory/],
    ['a named pipe (reading it would block forever)', () => join(dir, 'fifo'), /not a regular file or directory/],
    ['a path under a file', () => join(dir, 'flame.src', 'x'), /cannot read .*: not a directory/],
    ['a name too long for the system', () => join(dir, 'a'.repeat(5000)), /cannot read .*: name too long/],
    ['an empty directory', () => join(dir, 'nothing'), /is an empty directory: no profile files in it/],
    ['a directory of junk', () => join(dir, 'junk'), /holds no profile/],
  ])('report: %s → exit 2, one line', async (_, path, reason) => {
    expectOneLineFailure(await run('report', path()), reason);
  });

  it('diff and open say the same in one line', async () => {
    expectOneLineFailure(await run('diff', join(dir, 'flame.src'), '/dev/zero'), /not a regular file or directory/);
    expectOneLineFailure(await run('open', join(dir, 'missing')), /no such file or directory/);
  });

  it('follows a folder that links back to itself once, and reports its profile', async () => {
    const r = await run('report', join(dir, 'loop'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^peakscope report: 1 run, 1 file,/);
  });
});

describe('peakscope on broken files', () => {
  it.each([
    ['binary data', 'core', /binary data; tried event-log, .*heap-flame/],
    ['an empty file', 'empty.csv', /holds no data/],
    ['a count beyond 2^53', 'beyond', /2\^53/],
  ])('report: %s → exit 2, one line', async (_, name, reason) => {
    const path =
      name === 'beyond' ? join(SAMPLES_DIR, 'edge-cases', 'event-log-peak-beyond-2pow53.json-lines') : join(dir, name);
    expectOneLineFailure(await run('report', path), reason);
  });

  it('never prints Infinity for 400 digits of seconds', async () => {
    const r = await run('report', join(dir, 'seconds.csv'));
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/Infinity|NaN/);
  });

  it('shows what a cut gzip file held, with a warning of where it stopped', async () => {
    const r = await run('report', join(dir, 'cut.src.gz'));
    expect(r.stdout).toMatch(/heap flame/);
    expect(r.stdout).toMatch(/gzip stream is damaged or cut short/);
  });

  it('gives one line for a bad --max-peak', async () => {
    for (const size of ['1e400', 'NaNGiB', '9007199254740993', '<script>']) {
      expectOneLineFailure(await run('report', '--max-peak', size, join(dir, 'flame.src')), /--max-peak/);
    }
  });
});

describe('nothing a file carries reaches the terminal as a control character', () => {
  it('escapes a missing path with escapes and a line break in its name', async () => {
    expectOneLineFailure(await run('report', join(dir, `x${ANSI}\ny`)), /no such file or directory/);
  });

  it('escapes frame and file names in report and diff text', async () => {
    const file = join(dir, `esc${ANSI}.src`);
    for (const r of [await run('report', file), await run('diff', join(dir, 'flame.src'), file)]) {
      expect(r.stdout).toMatch(/a\.bzl\./);
      expect(`${r.stdout}${r.stderr}`).not.toContain(ESC);
    }
  });

  it('keeps the real process to one line and exit 2, no stack trace, even with debugging env unset', () => {
    const bin = join(REPO_ROOT, 'bin', 'peakscope.js');
    const r = spawnSync(process.execPath, [bin, 'report', join(dir, 'fifo')], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, PEAKSCOPE_DEBUG: '' },
    });
    expectOneLineFailure({ code: r.status ?? -1, stderr: r.stderr }, /not a regular file or directory/);
    expect(r.stdout).toBe('');
  }, 60_000);
});
