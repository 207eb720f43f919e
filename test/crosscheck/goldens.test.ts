// The cross-check of our parsers against the upstream starlark-rust goldens in
// ../shared/starlark-golden (`npm run crosscheck`): every golden is recognised as its format and
// streams to exactly its whole-buffer parse. npm test checks the same on our real samples
// (test/formats/streaming.test.ts, test/formats/real-samples.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes, parseChunks } from '../../src/formats/parse-file.ts';
import { GOLDEN_DIR } from '../golden.ts';

/** The format each upstream golden is, by its name. */
const FORMAT_OF: [RegExp, string][] = [
  [/^heap_(flame_)?(allocated|retained)\.flame\.golden$/, 'heap-flame'],
  [/^heap_(summary_)?(allocated|retained)\.csv\.golden$/, 'heap-summary'],
  [/^time_flame\.flame\.golden$/, 'time-flame'],
  [/^statement\.csv\.golden$/, 'statement'],
  [/^coverage\.csv\.golden$/, 'coverage'],
  [/^typecheck\.csv\.golden$/, 'typecheck'],
  [/^bytecode\.csv\.golden$/, 'bytecode'],
  [/^bytecode_pairs\.csv\.golden$/, 'bytecode-pairs'],
];

async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const goldens = readdirSync(GOLDEN_DIR).filter((name) => name.endsWith('.golden'));

describe('upstream goldens', () => {
  it('are all there', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(14);
  });

  it.each(goldens)('%s: read as its format, streamed equal to whole', async (name) => {
    const bytes = new Uint8Array(readFileSync(join(GOLDEN_DIR, name)));
    const whole = parseBytes(name, bytes);
    const expected = FORMAT_OF.find(([pattern]) => pattern.test(name))?.[1];
    expect([name, whole.profile?.format ?? whole.error?.message]).toEqual([name, expected]);
    for (const size of [1, 7, 4099])
      expect(await parseChunks(name, bytes.length, inChunks(bytes, size))).toEqual(whole);
  });
});
