// Sources that arrive after their profiles are analysed in the worker by the first load's own
// function: the request crosses as structured clone (what postMessage does), the answer too.
import { describe, expect, it } from 'vitest';
import type { RunRoles } from '../../src/analysis/run-roles.ts';
import { runAnalyseJob, type AnalyseRequest } from '../../src/worker/analyse-job.ts';
import { assembleSets } from '../../src/worker/assemble.ts';
import type { LoadedSetData, WorkerResponse } from '../../src/worker/protocol.ts';
import { analyseSets } from '../../src/worker/set-analysis.ts';
import { transferablesOf } from '../../src/worker/transfer.ts';
import { loadSampleFolders } from '../analysis/fixtures.ts';

/** A load as the page holds it: assembled in the worker, then transferred out. */
function loadOnPage(...folders: string[]): LoadedSetData[] {
  const sets = assembleSets(loadSampleFolders(...folders).sets.flatMap((s) => s.files));
  return structuredClone(sets, { transfer: transferablesOf(sets) });
}

/** What the page posts: only name, files and roles of each set, copied (the page keeps its own). */
function request(loads: LoadedSetData[][], sources: AnalyseRequest['sources']): AnalyseRequest {
  const sent = loads.map((sets) => sets.map(({ name, files, roles }) => ({ name, files, roles })));
  return structuredClone({ type: 'analyse', jobId: 7, loads: sent, sources });
}

function analysed(response: WorkerResponse) {
  if (response.type !== 'analysed') throw new Error(`expected an analysis, got ${JSON.stringify(response)}`);
  return structuredClone(response).analyses;
}

describe('analyse job (sources after their profiles)', () => {
  it('gives each set of each load the analysis a first load with the same sources gives it', () => {
    const first = loadOnPage('dict-view-in-loop/before', 'event-logs/causes.json-lines');
    const second = loadOnPage('huge-collection/before');
    const { sources } = loadSampleFolders('programs/dict-view-in-loop', 'programs/huge-collection');
    const response = runAnalyseJob(request([first, second], sources));
    expect(response).toMatchObject({ type: 'analysed', jobId: 7 });
    const analyses = analysed(response);
    expect(analyses.map((load) => load.length)).toEqual([first.length, second.length]);
    const together = [
      analyseSets(loadOnPage('dict-view-in-loop/before', 'event-logs/causes.json-lines'), sources),
      analyseSets(loadOnPage('huge-collection/before'), sources),
    ];
    expect(analyses).toEqual(together.map((load) => load.map((s) => s.analysis)));
    const causes = analyses.map((load) => [...new Set(load.flatMap((a) => a.findings.map((f) => f.cause)))]);
    expect(causes).toEqual([['dict-view-in-loop'], ['huge-collection']]);
    // The matched source travels with its text and outline: the page shows it without parsing it.
    const matched = analyses[1]![0]!.sources;
    expect(matched.map((s) => s.path)).toContain('samples/programs/huge-collection/before/defs.bzl');
    expect(matched.every((s) => s.text.length > 0)).toBe(true);
    const defs = matched.find((s) => s.path.endsWith('/defs.bzl'))!.outline.defs.map((d) => d.name);
    expect(defs).toContain('sharded_test');
    expect(analyses[1]![0]!.attribution.loops.length).toBeGreaterThan(0);
  });

  it('finds nothing to say without sources, and keeps the order of the sets sent', () => {
    const load = loadOnPage('dict-view-in-loop/before', 'event-logs/causes.json-lines');
    const analyses = analysed(runAnalyseJob(request([load], [])));
    expect(analyses[0]!.map((a) => a.findings)).toEqual(load.map(() => []));
    expect(analyses[0]!.map((a) => a.hasEventLog)).toEqual(load.map((s) => s.roles['event-log'].length > 0));
  });

  it('answers a set it cannot analyse with a failure that says why, not a crash', () => {
    const broken = { name: 'x', files: [], roles: {} as RunRoles };
    const response = runAnalyseJob({ type: 'analyse', jobId: 3, loads: [[broken]], sources: [] });
    expect(response.type).toBe('failed');
    expect(response).toMatchObject({ jobId: 3, message: expect.stringMatching(/\S/) });
  });
});
