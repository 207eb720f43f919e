import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/formats/parse-file.ts';
import { describeTree } from '../../src/model/call-tree.ts';
import { assembleSets } from '../../src/worker/assemble.ts';
import type { LoadedSetData } from '../../src/worker/protocol.ts';
import { transferablesOf } from '../../src/worker/transfer.ts';
import { sampleHeapFlame } from '../samples.ts';

describe('worker protocol', () => {
  it('sends trees as transferables that survive the trip, detaching the sender’s copy', () => {
    const sets = assembleSets([parseText('g/flame.src', sampleHeapFlame())]);
    const file = sets[0]!.files[0]!;
    if (file.profile?.format !== 'heap-flame') throw new Error('format');
    const before = describeTree(file.profile.tree);
    const buffers = transferablesOf(sets);
    // name, parent, depth, end, kind, self, total — and the bytes metric reuses `total`.
    expect(buffers).toHaveLength(7);
    const received = structuredClone(sets, { transfer: buffers }) as LoadedSetData[];
    expect(file.profile.tree.total.length).toBe(0);
    const tree = (received[0]!.files[0]!.profile as { tree: Parameters<typeof describeTree>[0] }).tree;
    expect(describeTree(tree)).toEqual(before);
    expect(received[0]!.metrics[0]!.total).toBe(tree.total);
  });
});
