// Shared inputs for the analysis tests: upstream goldens (read in place, never copied) parsed by
// the project's own parsers, and the real samples once they exist.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { advise, groupRuns, isStarlarkSourcePath, type Run } from '../../src/analysis/advisor.ts';
import { indexStarlarkSource } from '../../src/analysis/starlark-source.ts';
import { parseBytes, parseText } from '../../src/formats/parse-file.ts';
import { groupIntoSets, type ProfileSet } from '../../src/model/profile-set.ts';
import type { HeapFlame, ParsedFile, Span, StatementProfile } from '../../src/model/profile.ts';
import { statementRowsOf } from '../../src/model/statement-rows.ts';
import { REPO_ROOT, readGolden, readGoldenBody } from '../golden.ts';

/** `7:13-19` / `3:5-9:1` → Span; test-side reader for the statement golden until its parser lands. */
export function span(text: string): Span {
  const [start, end = ''] = text.split('-');
  const [line, column] = start!.split(':').map(Number) as [number, number];
  const endParts = end.split(':').map(Number);
  return endParts.length === 2
    ? { line, column, endLine: endParts[0]!, endColumn: endParts[1]! }
    : { line, column, endLine: line, endColumn: end === '' ? column : endParts[0]! };
}

/** `2:1-9:1`-style text of a span, for readable assertions. */
export function spanText(s: Span | null | undefined): string {
  if (!s) return '—';
  return s.endLine !== s.line
    ? `${s.line}:${s.column}-${s.endLine}:${s.endColumn}`
    : `${s.line}:${s.column}-${s.endColumn}`;
}

/** A statement CSV, parsed by the project's parser when it recognises it, else read here. */
export function statementProfile(text: string): StatementProfile {
  const parsed = parseText('profile.csv', text);
  if (parsed.profile?.format === 'statement') return parsed.profile;
  const rows = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data.slice(1);
  const [total, ...body] = rows;
  return {
    format: 'statement',
    totalSeconds: Number(total![2]),
    totalCount: Number(total![3]),
    rows: statementRowsOf(
      body.map(([file, s, seconds, count]) => ({
        file: file!,
        span: span(s!),
        seconds: Number(seconds),
        count: Number(count),
      })),
    ),
  };
}

export function heapFlame(text: string): HeapFlame {
  const parsed = parseText('flame.src', text);
  if (parsed.profile?.format !== 'heap-flame') throw new Error(`not a heap flame: ${parsed.profile?.format}`);
  return parsed.profile;
}

/** The findings for one hand-written .bzl file with a hand-written heap flame and no other profile. */
export function adviseOnFlame(file: string, program: string, flame: string) {
  return advise({
    heapFlame: heapFlame(flame),
    summary: null,
    statement: null,
    coverage: null,
    sources: [indexStarlarkSource(file, program)],
  });
}

export const golden = {
  source: () => readGolden('test.star'),
  statement: () => statementProfile(readGoldenBody('statement.csv.golden')),
  heapFlame: () => heapFlame(readGoldenBody('heap_flame_allocated.flame.golden')),
};

/** Every file under some folders of samples/, parsed (profiles) or kept as text (Starlark sources). */
export function loadSampleFolders(...folders: string[]): {
  sets: ProfileSet[];
  sources: { path: string; text: string }[];
} {
  const files: ParsedFile[] = [];
  const sources: { path: string; text: string }[] = [];
  const pending = folders.map((f) => `samples/${f}`);
  while (pending.length > 0) {
    const path = pending.pop()!;
    const full = join(REPO_ROOT, path);
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort().reverse()) pending.push(`${path}/${name}`);
    } else if (isStarlarkSourcePath(path)) {
      sources.push({ path, text: readFileSync(full, 'utf8') });
    } else {
      files.push(parseBytes(path, new Uint8Array(readFileSync(full))));
    }
  }
  return { sets: groupIntoSets(files), sources };
}

/** The run of one case variant (`loop-invariant-call`, `before`) with all sample programs as candidate sources. */
export function sampleRun(caseName: string, variant: string): Run {
  const { sets } = loadSampleFolders(`${caseName}/${variant}`);
  const { sources } = loadSampleFolders('programs');
  const runs = groupRuns(sets, sources);
  if (runs.length !== 1) throw new Error(`expected one run, got ${runs.map((r) => r.name).join(', ')}`);
  return runs[0]!;
}
