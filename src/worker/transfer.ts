// The buffers a finished job hands over with `postMessage(…, transfer)` instead of copying them.
// Loaded with the job's chunk (load-job.ts re-exports it), never by the worker's entry: the entry
// runs with the page's address in its URL fragment, and a chunk importing a value from it would
// load it a second time under the bare URL (a second copy of its state and a second download).
import type { CallTree } from '../model/call-tree.ts';
import { statementBuffers } from '../model/statement-rows.ts';
import type { LoadedSetData } from './protocol.ts';

/** The buffers of a call tree, for `postMessage(…, transfer)`. */
export function treeBuffers(tree: CallTree): ArrayBuffer[] {
  return [tree.name, tree.parent, tree.depth, tree.end, tree.kind, tree.self, tree.total].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/** Every transferable buffer in a finished job, each listed once. */
export function transferablesOf(sets: readonly LoadedSetData[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const set of sets) {
    for (const file of set.files) {
      const p = file.profile;
      if (p && (p.format === 'heap-flame' || p.format === 'time-flame' || p.format === 'pprof')) {
        for (const b of treeBuffers(p.tree)) buffers.add(b);
      } else if (p?.format === 'statement') {
        for (const b of statementBuffers(p.rows)) buffers.add(b);
      }
    }
    for (const m of set.metrics) buffers.add(m.total.buffer as ArrayBuffer);
  }
  return [...buffers];
}
