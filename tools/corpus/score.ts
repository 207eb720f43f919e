// `npx tsx tools/corpus/score.ts [--truth FILE] [--programs DIR] [--outputs DIR] [--json] [--check]`
//
// Scores the culprit finder on any corpus: FILE (default samples/programs/corpus.json) lists the
// programs, each a folder under DIR (default: the folder of FILE) whose generated profiles are at
// the same relative path under the outputs folder (default samples/), as
// `npm run samples -- corpus <programs-dir> <out-dir>` writes them. Prints one row per program
// and the totals; --check exits 1 when a threshold of issue 13 is not met.
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  readGroundTruth,
  scoreCorpus,
  thresholdFailures,
  totalsOf,
  type Pointer,
  type ProgramScore,
  type Totals,
} from './scoring.ts';

function pointerText(p: Pointer | null): string {
  if (!p) return '—';
  const where = `${p.file}:${p.line ?? '?'} ${p.function ?? '?'}`;
  return p.cause ? `${p.cause} [${p.confidence}] ${where}` : where;
}

function mark(ok: boolean | null): string {
  return ok === null ? '' : ok ? 'yes' : 'NO';
}

function expected(s: ProgramScore): string {
  const place = s.truth.culprit?.[0];
  const where = place ? `${place.file}:${place.lines.join('/')} ${place.function}` : '';
  return [s.truth.cause ?? (s.truth.kind === 'clean' ? 'no finding' : ''), where].filter(Boolean).join(' ');
}

/** A Markdown table: what was expected, what the report pointed at first, and the verdicts. */
export function renderTable(scores: readonly ProgramScore[]): string {
  const rows = scores.map((s) => {
    const first = s.findings[0];
    const got =
      s.error !== undefined
        ? `unreadable: ${s.error}`
        : s.truth.kind === 'other' || !first
          ? `hot loop ${pointerText(s.firstHotLoop)}`
          : pointerText(first);
    const more = s.findings.length > 1 ? ` (+${s.findings.length - 1})` : '';
    const clean = s.truth.kind === 'clean' ? mark(s.error === undefined && s.findings.length === 0) : '';
    return `| ${s.truth.program} | ${s.truth.kind} | ${expected(s)} | ${got}${more} | ${mark(s.causeAndLine)} | ${mark(s.functionRight)} | ${clean} | ${mark(s.firstHotLoopRight)} |`;
  });
  return [
    '| program | kind | expected | first finding (or hot loop) | cause+line | function | clean | first hot loop |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

export function renderTotals(t: Totals): string {
  const pct = (n: number, of: number) => `${n}/${of} (${of === 0 ? 100 : Math.round((100 * n) / of)} %)`;
  return [
    `cause and culprit line right: ${pct(t.causeAndLine, t.causePrograms)} of cause programs (threshold 90 %)`,
    `function right:               ${pct(t.functionRight, t.causePrograms)} of cause programs (threshold 95 %)`,
    `findings on clean programs:   ${t.findingsOnClean} on ${t.cleanWithFindings}/${t.cleanPrograms} programs (threshold 0)`,
    `first hot loop right (other): ${pct(t.firstHotLoopRight, t.otherPrograms)} (threshold all)`,
    `first hot loop at the culprit (cause programs, no threshold): ${pct(t.causeFirstHotLoopRight, t.causePrograms)}`,
  ].join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      truth: { type: 'string', default: 'samples/programs/corpus.json' },
      programs: { type: 'string' },
      outputs: { type: 'string', default: 'samples' },
      json: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
    },
  });
  const truthPath = resolve(values.truth);
  const scores = await scoreCorpus(readGroundTruth(truthPath), values.programs ?? dirname(truthPath), values.outputs);
  const totals = totalsOf(scores);
  const failures = thresholdFailures(totals);
  if (values.json) process.stdout.write(`${JSON.stringify({ scores, totals, failures }, null, 1)}\n`);
  else
    process.stdout.write(
      `${renderTable(scores)}\n\n${renderTotals(totals)}\n${failures.map((f) => `FAIL: ${f}\n`).join('')}`,
    );
  return values.check && failures.length > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`score: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(2);
    },
  );
}
