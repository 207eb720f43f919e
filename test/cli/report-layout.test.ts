// The human `peakscope report` fits a terminal: a summary first, ≤ 100 columns unless --wide,
// findings as path/file.bzl:line, and a run's output folder in one screen and a bit.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { SAMPLES_DIR } from '../samples.ts';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr, lines: stdout.trimEnd().split('\n') };
}

const widest = (lines: readonly string[]) => Math.max(...lines.map((l) => [...l].length));
const SLOW = 60_000;

describe('peakscope report text', () => {
  it(
    'prints one run folder in ≤ 60 lines of ≤ 100 columns, summary first, top functions once',
    async () => {
      const r = await run('report', join(SAMPLES_DIR, 'loop-invariant-call', 'before'));
      expect(r.code).toBe(0);
      expect(r.lines.length).toBeLessThanOrEqual(60);
      expect(widest(r.lines)).toBeLessThanOrEqual(100);
      expect(r.lines[0]).toMatch(/^peakscope report: 1 run, 28 files, 0 findings/);
      expect(r.stdout.match(/top functions by bytes/g)).toHaveLength(1);
      expect(r.stdout).toMatch(/31\.6 MiB\s+31\.6 MiB\s+defs\.bzl\.platform_flag_table/);
      // Every file is still accounted for, grouped by what it holds.
      expect(r.stdout).toContain('profiled targets list: 1 identifier — 11 files');
    },
    SLOW,
  );

  it(
    'names a finding by its source path and line, and lists its run in the summary',
    async () => {
      const r = await run(
        'report',
        join(SAMPLES_DIR, 'loop-invariant-call', 'before'),
        join(SAMPLES_DIR, 'programs', 'loop-invariant-call', 'before'),
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`at ${join(SAMPLES_DIR, 'programs', 'loop-invariant-call', 'before', 'defs.bzl')}:20`);
      expect(r.stdout).toMatch(/\[high\] loop-invariant-call — 31\.6 MiB in defs\.bzl\.cxx_libraries/);
      expect(widest(r.lines)).toBeLessThanOrEqual(100);
      expect(r.lines.length).toBeLessThanOrEqual(60);
    },
    SLOW,
  );

  it(
    'folds the whole samples tree to a short report that says what it folded',
    async () => {
      const r = await run('report', SAMPLES_DIR);
      expect(r.code).toBe(2); // samples/edge-cases holds a deliberately unreadable event log
      expect(widest(r.lines)).toBeLessThanOrEqual(100);
      expect(r.lines.length).toBeLessThanOrEqual(200);
      expect(r.stdout).toMatch(/\d+ more runs?(, with [\d,]+ more findings?,)? folded: only in the summary above/);
      expect(r.stdout).toMatch(/… \d+ more runs? with lower or no peak figures/);
      // Every finding is counted: shown with its file's directory, or folded with its run and said so.
      const findings = Number(/([\d,]+) findings/.exec(r.lines[0]!)![1]!.replace(/,/g, ''));
      const shown = r.stdout.match(/^ {6}at \S+:\d+$/gm)?.length ?? 0;
      const folded = Number(/with ([\d,]+) more findings?, folded/.exec(r.stdout)?.[1]?.replace(/,/g, '') ?? 0);
      expect(shown).toBeGreaterThan(0);
      expect(shown + folded).toBe(findings);
    },
    SLOW,
  );

  it('prints lines wider than 100 columns only with --wide', async () => {
    const args = [join(SAMPLES_DIR, 'edge-cases', 'event-log-snake-over-limit.json-lines')];
    const narrow = await run('report', ...args);
    const wide = await run('report', '--wide', ...args);
    expect(widest(narrow.lines)).toBeLessThanOrEqual(100);
    expect(widest(wide.lines)).toBeGreaterThan(100);
  });
});

describe('peakscope on mistyped commands and options', () => {
  it.each([
    [['reprot', 'x'], /unknown command "reprot" \(did you mean "report"\?\)/],
    [['dif'], /unknown command "dif" \(did you mean "diff"\?\)/],
    [['report', '--jsn', 'x'], /unknown option "--jsn" \(did you mean "--json"\?\)/],
    [['report', '--max-peek=1GiB', 'x'], /unknown option "--max-peek" \(did you mean "--max-peak"\?\)/],
    [
      ['diff', '--fail-on-increse', '5', 'a', 'b'],
      /unknown option "--fail-on-increse" \(did you mean "--fail-on-increase"\?\)/,
    ],
    [['open', '--no-browse', 'x'], /unknown option "--no-browse" \(did you mean "--no-browser"\?\)/],
    [['export', '--ppro', 'out.pb.gz', 'x'], /unknown option "--ppro" \(did you mean "--pprof"\?\)/],
  ])('%j → one line with a suggestion, exit 2', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('suggests nothing for a name far from every command', async () => {
    const r = await run('zzzzzz');
    expect(r.stderr).toBe('peakscope: unknown command "zzzzzz"; try \'peakscope --help\'\n');
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    '%s is an unknown command, not an internal error',
    async (name) => {
      const r = await run(name, 'x');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^peakscope: unknown command "${name}"`));
      expect(r.stderr).not.toContain('internal error');
    },
  );
});
