// Profile files (and a sample run with its sources) carrying the hostile corpus, written to a
// temporary folder for the hostile e2e test. Each format puts payloads where its users' text goes:
// frame and type names, CSV cells, event-log fields, file and folder names, source lines.
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLES_DIR } from '../samples.ts';
import { asFileName, asFrame, csvCell, HOSTILE, MUST_SHOW_NAME } from './hostile-corpus.ts';

const texts = HOSTILE.map((p) => p.text);
/** Markup-laden payloads: the must-show file's frame names. */
export const MARKUP_FRAMES = texts.filter((t) => t.includes('<')).map(asFrame);

/** The must-show file: one stack per markup payload, each with a plain type leaf. */
export function mustShowFlame(): Buffer {
  return Buffer.from(MARKUP_FRAMES.map((f, i) => `module;${f};dict ${(i + 1) * 64}`).join('\n') + '\n');
}

/** Every payload as a frame, half of them with a payload as the type leaf, plus nested stacks. */
export function hostileFlame(): string {
  const frames = texts.map(asFrame);
  const lines = frames.map((f, i) => `module;${f};${i % 2 ? frames[(i + 7) % frames.length] : 'dict'} ${(i + 1) * 64}`);
  for (let i = 0; i + 1 < frames.length; i += 5) lines.push(`module;${frames[i]};${frames[i + 1]};list ${i + 8}`);
  return `${lines.join('\n')}\n`;
}

/** Heap summary CSV: payloads as Function and TopCaller, type columns named by payloads. */
export function hostileSummary(): string {
  const types = texts.slice(0, 6).map((t) => t.replace(/[,\s"]/g, '_'));
  const header = `Function,Time(s),TimeRec(s),Calls,Callers,TopCaller,TopCallerCount,Allocs,AllocBytes,${types.join(',')}`;
  const rows = texts.map((t, i) =>
    [
      csvCell(t),
      '0.001',
      '0.002',
      1,
      1,
      csvCell(texts[(i + 1) % texts.length]!),
      1,
      6,
      (i + 1) * 48,
      ...types.map(() => 1),
    ].join(','),
  );
  const totals = [
    csvCell('TOTALS'),
    '0.064',
    '0.064',
    texts.length,
    0,
    '""',
    0,
    6 * texts.length,
    rows.reduce((n, _, i) => n + (i + 1) * 48, 0),
    ...types.map(() => texts.length),
  ];
  return [header, totals.join(','), ...rows].join('\n') + '\n';
}

/** Statement CSV: payloads as file names. */
export function hostileStatements(): string {
  const rows = texts.map((t, i) => `${csvCell(`${t}.bzl`)},"${i + 1}:5-${i + 9}",0.00${i % 10},${i + 1}`);
  return (
    [
      'File,Span,Duration(s),Count',
      `"TOTAL","",${(0.045 * texts.length).toFixed(3)},${(texts.length * (texts.length + 1)) / 2}`,
      ...rows,
    ].join('\n') + '\n'
  );
}

/** `buck2 log show` lines with payloads in the command line, module ids, cells and errors. */
export function hostileEventLog(): string {
  const trace = '0b5d6e52-1d1c-4b8e-9a57-3f0b9a7c2d11';
  const head = {
    command_line_args: ['buck2', ...texts.slice(0, 8)],
    expanded_command_line_args: [],
    working_dir: texts[0],
    trace_id: trace,
    start_time: [1767225600, 0],
  };
  const loads = texts.map((t, i) => ({
    Event: {
      timestamp: [1767225601 + i, 0],
      trace_id: trace,
      span_id: 100 + i,
      parent_id: 3,
      data: {
        SpanEnd: {
          stats: null,
          duration_us: 1000 + i,
          data: {
            Load: {
              module_id: `root//${asFrame(t)}:BUCK`,
              cell: t,
              error: i % 9 === 0 ? t : null,
              starlark_peak_allocated_bytes: i % 9 === 0 ? null : (i + 1) * 1_048_576,
              cpu_instruction_count: null,
              target_count: i,
              starlark_tick_count: i,
            },
          },
        },
      },
    },
  }));
  return [head, ...loads, { Result: { status: texts[1] } }].map((x) => JSON.stringify(x)).join('\n') + '\n';
}

/** Name of the hostile .bzl file standing in for the sample's `defs.bzl`. */
export const HOSTILE_BZL = '<svg class=pwn onload=__pwn(90)>defs.bzl';

/**
 * The loop-invariant-call "before" run with its sources, `defs.bzl` renamed to a payload in
 * every file name and content (so the advisor's findings and the source view carry it), and
 * payload comments and strings appended to the source (line numbers stay as profiled).
 */
export function hostileRun(root: string): string {
  const run = join(root, asFileName('dropped-<img src=x onerror=__pwn(91) class=pwn>'));
  for (const mode of ['heap-allocated', 'statement'])
    cpSync(join(SAMPLES_DIR, 'loop-invariant-call', 'before', mode), join(run, 'before', mode), { recursive: true });
  cpSync(join(SAMPLES_DIR, 'programs', 'loop-invariant-call', 'before'), join(run, 'sources'), { recursive: true });
  renameAll(run);
  const bzl = join(run, 'sources', HOSTILE_BZL);
  const tail = texts.map((t, i) => (i % 2 ? `# ${t.replace(/[\r\n]/g, ' ')}` : `X${i} = ${JSON.stringify(t)}`));
  writeFileSync(bzl, `${readFileSync(bzl, 'utf8')}\n${tail.join('\n')}\n`);
  return run;
}

function renameAll(dir: string): void {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      renameAll(path);
      continue;
    }
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll('defs.bzl', HOSTILE_BZL));
    if (entry === 'defs.bzl') renameSync(path, join(dir, HOSTILE_BZL));
  }
}

/** Loose hostile files for the file input: every format, each named by a payload. */
export function writeLooseFiles(root: string): string[] {
  const dir = join(root, 'loose');
  mkdirSync(dir, { recursive: true });
  const files: [string, string | Buffer][] = [
    [`${asFileName(texts[0]!)}.src`, hostileFlame()],
    [`${asFileName(texts[3]!)}.csv`, hostileSummary()],
    [`${asFileName(texts[36]!)}statement.csv`, hostileStatements()],
    [`${asFileName(texts[1]!)}.json-lines`, hostileEventLog()],
    [asFileName(texts[10]!), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 0, 0x0a])],
    [asFileName(texts[2]!), `${MUST_SHOW_NAME} is not a profile\n`],
  ];
  return files.map(([name, data]) => {
    writeFileSync(join(dir, name), data);
    return join(dir, name);
  });
}
