// Every parser on every real profile in samples/ (made by the real engines, samples/README.md):
// each `buck2 profile -o` mode folder's files are read as that mode's format, whole, with no
// problem reported, and the files of one run agree with each other. The same parsers are
// cross-checked against the upstream goldens by `npm run crosscheck` (test/crosscheck/).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flameMatchesSummary } from '../../src/analysis/totals.ts';
import { parseBytes } from '../../src/formats/parse-file.ts';
import type { ParsedFile } from '../../src/model/profile.ts';
import { SAMPLES_DIR } from '../samples.ts';

/** What each file of each mode folder is. */
const MODE_FILES: Record<string, Record<string, string>> = {
  'heap-allocated': { 'flame.src': 'heap-flame', 'profile.csv': 'heap-summary', 'flame.svg': 'flame-svg' },
  'heap-flame-allocated': { 'flame.src': 'heap-flame', 'flame.svg': 'flame-svg' },
  'heap-flame-retained': { 'flame.src': 'heap-flame', 'flame.svg': 'flame-svg' },
  'heap-summary-allocated': { 'profile.csv': 'heap-summary' },
  'heap-summary-retained': { 'profile.csv': 'heap-summary' },
  'time-flame': { 'flame.src': 'time-flame', 'profile.csv': 'time-flame', 'flame.svg': 'flame-svg' },
  statement: { 'profile.csv': 'statement' },
  coverage: { 'profile.csv': 'coverage' },
  typecheck: { 'profile.csv': 'typecheck' },
  bytecode: { 'profile.csv': 'bytecode' },
  'bytecode-pairs': { 'profile.csv': 'bytecode-pairs' },
};

/** Folders holding a whole `buck2 profile -o` tree per mode: `huge-collection/before`, `monorepo`, … */
function runFolders(): string[] {
  const runs: string[] = [];
  for (const name of readdirSync(SAMPLES_DIR)) {
    const dir = join(SAMPLES_DIR, name);
    if (!statSync(dir).isDirectory()) continue;
    if (readdirSync(dir).includes('statement')) runs.push(name);
    for (const variant of ['before', 'after']) if (readdirSync(dir).includes(variant)) runs.push(`${name}/${variant}`);
  }
  return runs;
}

function parsed(run: string, mode: string, file: string): ParsedFile {
  const path = join(SAMPLES_DIR, run, mode, file);
  return parseBytes(path, new Uint8Array(readFileSync(path)));
}

const RUNS = runFolders();

describe('every parser on the real samples', () => {
  it('finds the sample runs', () => {
    expect(RUNS.length).toBeGreaterThanOrEqual(11);
  });

  it.each(RUNS)('%s: each mode folder holds its format, read whole', (run) => {
    for (const [mode, files] of Object.entries(MODE_FILES)) {
      for (const [file, format] of Object.entries(files)) {
        let f: ParsedFile;
        try {
          f = parsed(run, mode, file);
        } catch {
          continue; // not every run has every mode's every file (an empty flame.svg is not written)
        }
        const problems = [f.error?.message, f.truncated?.message, ...f.diagnostics.map((d) => d.message)].filter(
          Boolean,
        );
        // A run too quick to sample, or with nothing retained, writes Buck2's empty placeholder.
        const read = f.profile?.format === 'empty' && /flame/.test(mode) ? format : f.profile?.format;
        expect([mode, file, read, problems]).toEqual([mode, file, format, []]);
      }
    }
  });

  it.each(RUNS)('%s: the heap flame gives each summary function its AllocBytes; both time-flame files agree', (run) => {
    const flame = parsed(run, 'heap-allocated', 'flame.src').profile;
    const summary = parsed(run, 'heap-allocated', 'profile.csv').profile;
    const separate = parsed(run, 'heap-summary-allocated', 'profile.csv').profile;
    if (flame?.format !== 'heap-flame' || summary?.format !== 'heap-summary' || separate?.format !== 'heap-summary')
      throw new Error(`${run}: heap files not read`);
    expect(flameMatchesSummary(summary, flame)).toBe(true);
    expect(flameMatchesSummary(separate, flame)).toBe(true);
    const src = parsed(run, 'time-flame', 'flame.src').profile;
    const csv = parsed(run, 'time-flame', 'profile.csv').profile;
    if (src?.format === 'empty') return expect(csv?.format).toBe('empty');
    if (src?.format !== 'time-flame' || csv?.format !== 'time-flame') throw new Error(`${run}: time flames not read`);
    expect(csv.tree.total[0]).toBe(src.tree.total[0]);
  });
});
