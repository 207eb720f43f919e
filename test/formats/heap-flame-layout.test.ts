// The heap flame's WebAssembly core lays its tree out in pre-order itself (src/wasm/heap-flame/
// src/layout.rs) from passes over creation order, not from a walk: every column must be what
// CallTreeBuilder.build() makes of the same stacks by walking the tree, whatever order lines
// come in (a late line adds a child to an early parent, so creation order and pre-order part).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallTreeBuilder } from '../../src/model/call-tree.ts';
import { parseBytes } from '../../src/formats/parse-file.ts';

/** A stack: frames from a small alphabet, so stacks share prefixes and parents get many children. */
const stack = fc.record({
  frames: fc.array(
    fc.integer({ min: 0, max: 11 }).map((i) => `f${i}.bzl.g`),
    { minLength: 1, maxLength: 7 },
  ),
  leaf: fc.constantFrom('dict', 'list', 'string'),
  weight: fc.integer({ min: 0, max: 2 ** 40 }),
});

type Stack = { frames: string[]; leaf: string; weight: number };

/** The core's tree of `stacks` (in their order) must be the builder's, column for column. */
function expectBuilderTree(stacks: readonly Stack[]): void {
  const text = stacks.map((s) => `${s.frames.join(';')};${s.leaf} ${s.weight}\n`).join('');
  const parsed = parseBytes('flame.src', new TextEncoder().encode(text));
  if (parsed.profile?.format !== 'heap-flame') throw new Error(`got ${parsed.profile?.format}`);
  const builder = new CallTreeBuilder('bytes');
  for (const s of stacks) builder.addStack(s.frames, s.leaf, s.weight);
  expect(parsed.profile.tree).toEqual(builder.build());
}

const stacks = fc.array(stack, { minLength: 1, maxLength: 120, size: 'max' });

describe('the heap flame core’s layout', () => {
  it('gives every column the builder’s walk gives, for stacks in any order', () => {
    fc.assert(fc.property(stacks, expectBuilderTree), { numRuns: 200, seed: 20261204 });
  });

  // The core guesses each frame's node from the previous stack (the next sibling, then first
  // children), as a depth-first listing walks the tree; a guess is only taken when it is the
  // parent's child with the frame's very name. Sorted stacks make most guesses right, repeated
  // subtrees under new parents make many of them wrong.
  it('gives the same columns for stacks listed depth first, a subtree repeated under other parents', () => {
    const repeated = fc
      .tuple(stacks, fc.array(fc.integer({ min: 0, max: 11 }), { maxLength: 4 }))
      .map(([base, tops]) => [
        ...base,
        ...tops.flatMap((top) => base.map((s) => ({ ...s, frames: [`f${top}.bzl.g`, ...s.frames] }))),
      ]);
    const sorted = repeated.map((all) =>
      [...all].sort((a, b) =>
        a.frames.join(';') < b.frames.join(';') ? -1 : a.frames.join(';') > b.frames.join(';') ? 1 : 0,
      ),
    );
    fc.assert(fc.property(sorted, expectBuilderTree), { numRuns: 200, seed: 20261205 });
  });
});
