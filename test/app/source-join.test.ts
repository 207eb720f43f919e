// The page's side of sources that arrive after their profiles: which loads go back to the worker,
// what crosses (name, files and roles only), and where the answers land. The "worker" here is the
// real analyse job behind structured clones, as postMessage copies both ways.
import { describe, expect, it } from 'vitest';
import { loadsToReanalyse, reanalyse, type AnalyseLoads } from '../../src/app/source-join.ts';
import { Store } from '../../src/app/store.ts';
import { runAnalyseJob } from '../../src/worker/analyse-job.ts';
import { assembleSets } from '../../src/worker/assemble.ts';
import { analyseSets } from '../../src/worker/set-analysis.ts';
import { loadSampleFolders } from '../analysis/fixtures.ts';

const profiles = (folder: string) =>
  analyseSets(assembleSets(loadSampleFolders(folder).sets.flatMap((s) => s.files)), []);

/** The worker behind postMessage: copies in, the real job, copies out; `sent` keeps what crossed. */
function worker(sent: unknown[]): AnalyseLoads {
  return (loads, sources) => {
    const request = structuredClone({ type: 'analyse' as const, jobId: 1, loads, sources });
    sent.push(request);
    const response = structuredClone(runAnalyseJob(request));
    return Promise.resolve(
      response.type === 'analysed'
        ? { status: 'done', analyses: response.analyses }
        : { status: 'failed', message: response.type === 'failed' ? response.message : response.type },
    );
  };
}

describe('sources joining earlier loads', () => {
  it('re-analyses every earlier load when a load brought sources, none when it brought none', () => {
    const store = new Store();
    store.loadFinished(1, profiles('huge-collection/before'), 'drop');
    store.loadFinished(2, profiles('dict-view-in-loop/before'), 'drop');
    const [a, b] = [...new Set(store.get().sets.map((s) => s.load))];
    expect(loadsToReanalyse(store.get().sets, 99, 0, 2)).toEqual([a, b]);
    expect(loadsToReanalyse(store.get().sets, b!, 0, 2)).toEqual([a]);
    expect(loadsToReanalyse(store.get().sets, 99, 2, 2)).toEqual([]);
  });

  it('puts the analysis the worker sends back on the sets it was made for, and counts them', async () => {
    const store = new Store();
    store.loadFinished(1, profiles('huge-collection/before'), 'drop');
    const earlier = store.get().sets[0]!;
    expect(earlier.analysis!.findings).toEqual([]);
    store.loadFinished(2, [], 'drop', false, null, loadSampleFolders('programs/huge-collection').sources);
    const sent: unknown[] = [];
    const joined = await reanalyse(store, worker(sent), [earlier.load]);
    const now = store.get().sets.find((s) => s.id === earlier.id)!;
    expect(new Set(now.analysis!.findings.map((f) => f.cause))).toEqual(new Set(['huge-collection']));
    expect(joined).toEqual({ sets: 1, findings: now.analysis!.findings.length });
    expect(now.files).toBe(earlier.files); // the page keeps its own copy of the profiles
    // Only what the analysis reads crossed: no tables, weights, ids or earlier analysis.
    const request = sent[0] as { loads: Record<string, unknown>[][]; sources: Record<string, unknown>[] };
    expect(Object.keys(request.loads[0]![0]!).sort()).toEqual(['files', 'name', 'roles']);
    expect(Object.keys(request.sources[0]!).sort()).toEqual(['path', 'text']);
    // Nothing new to join: the same sources again change no set.
    expect(await reanalyse(store, worker([]), [earlier.load])).toEqual({ sets: 0, findings: 0 });
  });

  it('throws what the worker said when it could not analyse, and changes nothing', async () => {
    const store = new Store();
    store.loadFinished(1, profiles('huge-collection/before'), 'drop');
    const before = store.get().sets;
    const failing: AnalyseLoads = () => Promise.resolve({ status: 'failed', message: 'the parser stopped' });
    await expect(reanalyse(store, failing, [before[0]!.load])).rejects.toThrow('the parser stopped');
    expect(store.get().sets).toBe(before);
    expect(await reanalyse(store, failing, [])).toEqual({ sets: 0, findings: 0 });
  });
});
