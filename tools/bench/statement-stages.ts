// Times each stage of a statement-CSV load in Node, as the app's worker and page run them:
// the parse, assembling the sets, the worker's analysis (grouping runs, the rule context with its
// statement joins, the rules), the hand-over to the page (a structured clone, as postMessage
// makes) and the page's placement of statements for the Statements tab.
// Usage: node --import tsx tools/bench/statement-stages.ts [tools/bench/out/statements-1m.csv] [runs]
import { createReadStream, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { groupRuns } from '../../src/analysis/advisor.ts';
import { statementFunctions } from '../../src/analysis/statement-placement.ts';
import { RuleContext } from '../../src/analysis/rules/context.ts';
import { parseChunks } from '../../src/formats/parse-file.ts';
import { assembleSets } from '../../src/worker/assemble.ts';
import { analyseSets } from '../../src/worker/set-analysis.ts';
import { transferablesOf } from '../../src/worker/transfer.ts';

const path = process.argv[2] ?? 'tools/bench/out/statements-1m.csv';
const runs = Number(process.argv[3] ?? 3);
const size = statSync(path).size;

/** Wall time in `stages[name]`, CPU time (user + system, this process) in `stages[name + 'Cpu']`: on a loaded machine the wall time mostly measures the others. */
async function time<T>(stages: Record<string, number>, name: string, work: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const out = await work();
  const used = process.cpuUsage(cpu);
  stages[name] = Math.round(performance.now() - started);
  stages[`${name}Cpu`] = Math.round((used.user + used.system) / 1000);
  return out;
}

async function once(): Promise<Record<string, number>> {
  const stages: Record<string, number> = {};
  const parsed = await time(stages, 'parse', () =>
    parseChunks(path, size, createReadStream(path, { highWaterMark: 1 << 20 })),
  );
  if (parsed.profile?.format !== 'statement') throw new Error(`not a statement profile: ${parsed.error?.message}`);
  const sets = await time(stages, 'assemble', () => assembleSets([parsed]));
  const runsOf = await time(stages, 'groupRuns', () => groupRuns(sets, []));
  await time(stages, 'ruleContext', () => new RuleContext(runsOf[0]!.input));
  const analysed = await time(stages, 'analyseSets', () => analyseSets(sets, []));
  // What the page receives (the worker's buffers are transferred, so read the copy from here on).
  const received = await time(stages, 'handOver', () =>
    structuredClone(analysed, { transfer: transferablesOf(analysed) }),
  );
  const profile = received[0]!.roles.statement[0]!.profile;
  await time(stages, 'statementFunctions', () => statementFunctions(profile, []));
  stages.parseMBs = Math.round(size / 1e6 / (stages.parse! / 1000));
  stages.parseCpuMBs = Math.round(size / 1e6 / (stages.parseCpu! / 1000));
  stages.workerTotal = stages.parse! + stages.assemble! + stages.analyseSets! + stages.handOver!;
  return stages;
}

console.log(JSON.stringify({ file: path, mb: +(size / 1e6).toFixed(1), cpus: cpus().length, loadavg: loadavg() }));
for (let i = 0; i < runs; i++) {
  console.log(
    JSON.stringify({ run: i + 1, ...(await once()), heapMB: Math.round(process.memoryUsage().heapUsed / 1e6) }),
  );
  globalThis.gc?.();
}
