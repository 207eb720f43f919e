// Scores the culprit finder on a corpus of programs with known culprits: each program's generated
// profiles and its Starlark sources go through exactly what `peakscope report --json` runs
// (loadPaths, then analyseReport), and the first finding / first hot loop is compared with the
// ground truth (`samples/programs/corpus.json` for our own corpus).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPaths } from '../../src/cli/load-paths.ts';
import { analyseReport } from '../../src/cli/report-analysis.ts';

/** One accepted place for a culprit: the function as the heap flame names it, its file, start lines. */
export interface CulpritPlace {
  function: string;
  file: string;
  lines: number[];
}

export type ProgramKind = 'cause' | 'clean' | 'other' | 'semantics';

export interface ProgramTruth {
  /** Folder of the program under the programs folder; its profiles are at the same path under the outputs folder. */
  program: string;
  kind: ProgramKind;
  cause?: string;
  shape: string;
  culprit?: CulpritPlace[];
}

export interface GroundTruth {
  programs: ProgramTruth[];
}

/** What the report pointed at: a finding or a hot loop, reduced to what is scored. */
export interface Pointer {
  cause: string | null;
  function: string | null;
  file: string;
  line: number | null;
  confidence: string | null;
}

export interface ProgramScore {
  truth: ProgramTruth;
  findings: Pointer[];
  firstHotLoop: Pointer | null;
  /** cause programs: the first finding has the expected cause and starts on a culprit line. */
  causeAndLine: boolean | null;
  /** cause programs: the first finding's function (or, without a finding, the first hot loop's) is a culprit function. */
  functionRight: boolean | null;
  /** cause and other programs: the first hot loop starts on a culprit line of its file (scored for other programs only). */
  firstHotLoopRight: boolean | null;
  /** Why the program's profiles or sources could not be read (every verdict is then a miss). */
  error?: string;
}

/** `L:C-L2:C2` or `L:C-C2` → L. */
export function startLine(span: string): number | null {
  const m = /^(\d+):/.exec(span);
  return m ? Number(m[1]) : null;
}

export function readGroundTruth(path: string): GroundTruth {
  const truth = JSON.parse(readFileSync(path, 'utf8')) as GroundTruth;
  if (!Array.isArray(truth.programs)) throw new Error(`${path}: no "programs" array`);
  return truth;
}

function atCulpritLine(p: Pointer | null, places: readonly CulpritPlace[]): boolean {
  return p !== null && p.line !== null && places.some((c) => c.file === p.file && c.lines.includes(p.line!));
}

function inCulpritFunction(p: Pointer | null, places: readonly CulpritPlace[]): boolean {
  return p !== null && places.some((c) => c.function === p.function);
}

/** The report's findings and first hot loop for one program folder and its profiles. */
export async function pointersOf(
  profilesDir: string,
  programDir: string,
): Promise<{ findings: Pointer[]; firstHotLoop: Pointer | null }> {
  const loaded = await loadPaths([profilesDir, programDir]);
  const analysis = analyseReport(
    loaded.flatMap((a) => a.files),
    loaded.flatMap((a) => a.sources),
  );
  const findings = analysis.findings.map((f) => ({
    cause: f.cause,
    function: f.function,
    file: f.file,
    line: startLine(f.span),
    confidence: f.confidence,
  }));
  const loop = analysis.runs.flatMap((r) => r.hotLoops)[0];
  const firstHotLoop = loop
    ? { cause: null, function: loop.function, file: loop.file, line: startLine(loop.span), confidence: null }
    : null;
  return { findings, firstHotLoop };
}

/** A program whose profiles or sources could not be read: every verdict it has is a miss. */
function unreadable(truth: ProgramTruth, error: string): ProgramScore {
  const cause = truth.kind === 'cause' ? false : null;
  const loop = truth.kind === 'cause' || truth.kind === 'other' ? false : null;
  return {
    truth,
    findings: [],
    firstHotLoop: null,
    causeAndLine: cause,
    functionRight: cause,
    firstHotLoopRight: loop,
    error,
  };
}

/** Score one program against its ground truth. */
export async function scoreProgram(
  truth: ProgramTruth,
  programsDir: string,
  outputsDir: string,
): Promise<ProgramScore> {
  let pointers;
  try {
    pointers = await pointersOf(join(outputsDir, truth.program), join(programsDir, truth.program));
  } catch (e) {
    return unreadable(truth, e instanceof Error ? e.message : String(e));
  }
  const { findings, firstHotLoop } = pointers;
  const places = truth.culprit ?? [];
  const first = findings[0] ?? null;
  const score: ProgramScore = {
    truth,
    findings,
    firstHotLoop,
    causeAndLine: null,
    functionRight: null,
    firstHotLoopRight: null,
  };
  if (truth.kind === 'cause') {
    score.causeAndLine = first !== null && first.cause === truth.cause && atCulpritLine(first, places);
    score.functionRight = inCulpritFunction(first ?? firstHotLoop, places);
  }
  if (truth.kind === 'cause' || truth.kind === 'other') score.firstHotLoopRight = atCulpritLine(firstHotLoop, places);
  return score;
}

/** Score every program of the ground truth, one at a time (each loads only its own folder). */
export async function scoreCorpus(
  truth: GroundTruth,
  programsDir: string,
  outputsDir: string,
): Promise<ProgramScore[]> {
  const scores: ProgramScore[] = [];
  for (const program of truth.programs) scores.push(await scoreProgram(program, programsDir, outputsDir));
  return scores;
}

export interface Totals {
  causePrograms: number;
  causeAndLine: number;
  functionRight: number;
  cleanPrograms: number;
  cleanWithFindings: number;
  findingsOnClean: number;
  otherPrograms: number;
  firstHotLoopRight: number;
  /** Not a threshold: cause programs whose first hot loop is at a culprit line too. */
  causeFirstHotLoopRight: number;
  /** Programs whose profiles or sources could not be read. */
  unreadable: number;
}

export function totalsOf(scores: readonly ProgramScore[]): Totals {
  const of = (kind: ProgramKind) => scores.filter((s) => s.truth.kind === kind);
  const clean = of('clean');
  return {
    causePrograms: of('cause').length,
    causeAndLine: scores.filter((s) => s.causeAndLine).length,
    functionRight: scores.filter((s) => s.functionRight).length,
    cleanPrograms: clean.length,
    cleanWithFindings: clean.filter((s) => s.findings.length > 0).length,
    findingsOnClean: clean.reduce((n, s) => n + s.findings.length, 0),
    otherPrograms: of('other').length,
    firstHotLoopRight: of('other').filter((s) => s.firstHotLoopRight).length,
    causeFirstHotLoopRight: of('cause').filter((s) => s.firstHotLoopRight).length,
    unreadable: scores.filter((s) => s.error !== undefined).length,
  };
}

/** The thresholds; each failed one is returned as a sentence. */
export function thresholdFailures(t: Totals): string[] {
  const failures: string[] = [];
  if (t.unreadable > 0) failures.push(`${t.unreadable} programs could not be read (their rows say why)`);
  const pct = (n: number, of: number) => (of === 0 ? 100 : (100 * n) / of);
  if (pct(t.causeAndLine, t.causePrograms) < 90)
    failures.push(`cause and line right for ${t.causeAndLine}/${t.causePrograms} cause programs (needs ≥ 90 %)`);
  if (pct(t.functionRight, t.causePrograms) < 95)
    failures.push(`function right for ${t.functionRight}/${t.causePrograms} cause programs (needs ≥ 95 %)`);
  if (t.findingsOnClean > 0)
    failures.push(
      `${t.findingsOnClean} findings on ${t.cleanWithFindings}/${t.cleanPrograms} clean programs (needs 0)`,
    );
  if (t.firstHotLoopRight < t.otherPrograms)
    failures.push(`first hot loop right for ${t.firstHotLoopRight}/${t.otherPrograms} other programs (needs all)`);
  return failures;
}
