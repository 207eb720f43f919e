// Beyond the parser (issue 17): every fuzz case also goes through what shows its result. The
// views' pure parts (flame projection, function table, callers/callees, CSV and flame export
// data) must not throw and must give text XML can hold once made safe; the CLI (`report`, text
// and --json) must exit 0, 1 or 2 with at most one line on stderr and no stack trace, and print
// no control or bidi character.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeSandwich } from '../../src/analysis/callers-callees.ts';
import { computeFunctionTable } from '../../src/analysis/function-table.ts';
import { main } from '../../src/cli/main.ts';
import type { CallTree } from '../../src/model/call-tree.ts';
import type { ParsedFile } from '../../src/model/profile.ts';
import { toCsv } from '../../src/views/export-csv.ts';
import { exportFrames, xmlSafe } from '../../src/views/export-flame.ts';
import { projectFlame } from '../../src/views/flame-projection.ts';
import type { FuzzInput } from './inputs.ts';

/** Characters no XML 1.0 document may hold (what xmlSafe must remove). */
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** What the CLI must never print: controls other than LF, and bidi/format controls. */
const UNPRINTABLE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
/** A JS stack frame line. */
const STACK_FRAME = /\n\s+at /;

/** The flamegraph, tables and exports of every call tree in the result: no exception, XML-safe text. */
export function checkViews(parsed: ParsedFile, trees: readonly CallTree[]): string[] {
  const v: string[] = [];
  for (const tree of trees) {
    try {
      projectFlame(tree, tree.total, { root: 0, widthPx: 1200, typeLeaves: true, colorBy: 'type', matchedNames: null });
      const rows = computeFunctionTable(tree);
      for (const row of rows.slice(0, 3)) computeSandwich(tree, tree.total, row.name);
      toCsv(
        ['Function', 'Self', 'Total'],
        rows.map((r) => [r.name, r.self, r.total]),
      );
      const byName = new Map(rows.map((r) => [r.name, r]));
      const { frames } = exportFrames({
        tree,
        weights: tree.total,
        unit: tree.unit,
        allocs: null,
        functionRow: (n) => byName.get(n) ?? null,
        zoom: 0,
        widthPx: 1200,
        icicle: true,
        typeLeaves: true,
        colorBy: 'type',
        matchedNames: null,
      });
      if ([...frames.name, ...frames.detail].some((t) => NOT_XML.test(xmlSafe(t))))
        v.push('views: export text that XML cannot hold');
    } catch (e) {
      v.push(`views: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`.slice(0, 300));
    }
  }
  return v;
}

let scratch: string | null = null;

/** `peakscope report` (text, then --json) on the case's bytes written to a file. */
export async function checkCli(input: FuzzInput): Promise<string[]> {
  scratch ??= mkdtempSync(join(tmpdir(), 'peakscope-fuzz-cli-'));
  const path = join(scratch, input.path.replace(/[^A-Za-z0-9._-]/g, '_') || 'input');
  writeFileSync(path, input.bytes);
  const v: string[] = [];
  for (const argv of [
    ['report', path],
    ['report', '--json', path],
  ]) {
    let stdout = '';
    let stderr = '';
    let code: number;
    try {
      code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
    } catch (e) {
      v.push(`cli ${argv[1]}: threw ${e instanceof Error ? e.message : String(e)}`.slice(0, 300));
      continue;
    }
    if (![0, 1, 2].includes(code)) v.push(`cli ${argv[1]}: exit code ${code}`);
    if (stderr.trimEnd().split('\n').length > 1 || STACK_FRAME.test(stderr) || /internal error/.test(stderr))
      v.push(`cli ${argv[1]}: stderr ${JSON.stringify(stderr.slice(0, 200))}`);
    if (UNPRINTABLE.test(stdout.replace(/\n/g, '')) || UNPRINTABLE.test(stderr.replace(/\n/g, '')))
      v.push(`cli ${argv[1]}: unprintable character in the output`);
    if (argv[1] === '--json' && code !== 2) {
      try {
        JSON.parse(stdout);
      } catch {
        v.push('cli --json: not JSON');
      }
    }
  }
  return v;
}
