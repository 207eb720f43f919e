// `--repro BATCH:INDEX`: regenerates one fuzz case, saves its bytes and prints what the
// parser made of it, so a crash or hang from a long run can be turned into a regression test.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { casesOf } from './fuzz-worker.ts';
import { runCase } from './oracle.ts';

/** Prints one case and its result; returns the exit code (1 when it is still broken). */
export function reproduce(seed: number, batchSize: number, where: string): number {
  const [batch, index] = where.split(':').map(Number) as [number, number];
  const input = casesOf(seed, batch, batchSize)[index];
  if (!input) {
    console.error(`no case ${where} for seed ${seed} with batches of ${batchSize}`);
    return 2;
  }
  const file = join(tmpdir(), `peakscope-fuzz-${seed}-${batch}-${index}.bin`);
  writeFileSync(file, input.bytes);
  console.log(
    `case ${where} (seed ${seed}): ${input.kind}, path ${JSON.stringify(input.path)}, ${input.bytes.length} bytes in chunks ${JSON.stringify(input.chunks)} → ${file}`,
  );
  const t0 = performance.now();
  const result = runCase(input);
  console.log(`${result.outcome} in ${(performance.now() - t0).toFixed(0)} ms`);
  const p = result.parsed;
  if (p)
    console.log(
      JSON.stringify(
        { format: p.profile?.format ?? null, error: p.error, truncated: p.truncated, diagnostics: p.diagnostics },
        null,
        2,
      ),
    );
  for (const v of result.violations) console.log(`violation: ${v}`);
  return result.violations.length === 0 ? 0 : 1;
}
