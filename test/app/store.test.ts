import { describe, expect, it } from 'vitest';
import { Store, type AppState } from '../../src/app/store.ts';
import { classifyRun } from '../../src/analysis/run-roles.ts';
import type { LoadedSetData } from '../../src/worker/protocol.ts';

const set = (name: string): LoadedSetData => ({
  name,
  files: [],
  roles: classifyRun([]),
  functions: null,
  metrics: [],
});

describe('store', () => {
  it('tells subscribers the new and previous state after each action', () => {
    const store = new Store();
    const seen: [AppState, AppState][] = [];
    store.subscribe((s, p) => seen.push([s, p]));
    store.zoomTo(['module']);
    expect(seen).toHaveLength(1);
    expect(seen[0]![1].view.zoom).toEqual([]);
    expect(seen[0]![0].view.zoom).toEqual(['module']);
  });

  it('adds loaded sets, selects the first new one, and ends the loading state', () => {
    const store = new Store();
    store.loadStarted(1, 'two files', 100);
    store.loadProgress(1, 50, 100);
    expect(store.get().loading).toEqual({ jobId: 1, label: 'two files', bytesRead: 50, totalBytes: 100 });
    store.loadFinished(1, [set('a'), set('b')], 'drop');
    expect(store.get().loading).toBeNull();
    expect(store.get().sets.map((s) => [s.name, s.origin])).toEqual([
      ['a', 'drop'],
      ['b', 'drop'],
    ]);
    expect(store.get().view.set).toBe('a');
    store.loadFinished(2, [set('c')], 'paste');
    expect(store.get().view.set).toBe('c');
    expect(new Set(store.get().sets.map((s) => s.id)).size).toBe(3);
  });

  it('does not let a load of unreadable files hide the set shown', () => {
    const store = new Store();
    store.loadFinished(1, [set('good')], 'drop');
    const bad = {
      ...set(''),
      files: [{ path: 'bad.txt', error: { message: 'not a profile' } }],
    } as unknown as LoadedSetData;
    store.loadFinished(2, [bad], 'drop');
    expect([store.get().sets.length, store.get().view.set]).toEqual([2, 'good']);
    store.loadFinished(3, [bad, set('next')], 'drop');
    expect(store.get().view.set).toBe('next');
    const empty = new Store();
    empty.loadFinished(1, [bad], 'drop');
    expect(empty.get().view.set).toBe('bad.txt'); // nothing else to show: the list says what went wrong
  });

  it('keeps a restored view (zoom, search) when asked', () => {
    const store = new Store();
    store.setView({ ...store.get().view, zoom: ['module'], search: 'dict' });
    store.loadFinished(1, [set('x')], 'link', true);
    expect(store.get().view.zoom).toEqual(['module']);
    expect(store.get().view.search).toBe('dict');
  });

  it('ignores progress of a job that is not the current one, and keeps notices until dismissed', () => {
    const store = new Store();
    store.loadStarted(2, 'x', 10);
    store.loadProgress(1, 5, 10);
    expect(store.get().loading!.bytesRead).toBe(0);
    store.loadEnded(2, 'Loading x was cancelled', 'info');
    expect(store.get().loading).toBeNull();
    const [notice] = store.get().notices;
    expect(notice!.text).toBe('Loading x was cancelled');
    store.dismiss(notice!.id);
    expect(store.get().notices).toEqual([]);
  });

  it('resets zoom, selection and keyboard focus when another set is selected', () => {
    const store = new Store();
    store.loadFinished(1, [set('one'), set('other')], 'drop');
    store.updateView({ zoom: ['module'], selected: 'f' });
    store.focusFrame(3);
    store.selectSet(store.get().sets[1]!.id);
    expect(store.get().view).toMatchObject({ set: 'other', zoom: [], selected: null });
    expect(store.get().current).toBe(store.get().sets[1]!.id);
    expect(store.get().focus).toBe(-1);
  });

  it('names every load distinctly and selects by id: two loads of loose files are both reachable', () => {
    const store = new Store();
    const loose = (n: number): LoadedSetData => ({
      ...set(''),
      files: Array.from({ length: n }, (_, i) => ({
        path: `f${i}.src`,
        size: 1,
        profile: null,
        error: null,
        diagnostics: [],
        truncated: null,
        compression: null,
      })),
    });
    store.loadFinished(1, [loose(5)], 'drop');
    store.loadFinished(2, [loose(5)], 'drop');
    store.loadFinished(3, [loose(2)], 'paste');
    expect(store.get().sets.map((s) => s.label)).toEqual(['loose files', 'loose files 2', 'f0.src, f1.src']);
    expect(store.get().current).toBe(store.get().sets[2]!.id);
    store.selectSet(store.get().sets[0]!.id);
    expect(store.get().view.set).toBe('loose files');
    expect(new Set(store.get().sets.map((s) => s.load)).size).toBe(3);
  });

  it('forgets a removed set: the newest remaining one is shown and the view names no ghost', () => {
    const store = new Store();
    store.loadFinished(1, [set('a')], 'drop');
    store.loadFinished(2, [set('b')], 'drop');
    store.updateView({ zoom: ['module'], search: 'x' });
    store.removeSet(store.get().current!);
    expect(store.get().sets.map((s) => s.label)).toEqual(['a']);
    expect(store.get().view).toMatchObject({ set: 'a', zoom: [], search: '' });
    store.removeSet(store.get().current!);
    expect(store.get()).toMatchObject({ sets: [], current: null });
    expect(store.get().view.set).toBeNull();
  });

  it('shows the set the caller ranks worst, and keeps sources from every load', () => {
    const store = new Store();
    store.loadFinished(1, [set('a'), set('b')], 'drop', false, null, [{ path: 'BUCK', text: '' }], (added) => added[1]);
    expect(store.get().view.set).toBe('b');
    store.loadFinished(2, [], 'drop', false, null, [
      { path: 'BUCK', text: '' },
      { path: 'defs.bzl', text: '' },
    ]);
    expect(store.get().sources.map((s) => s.path)).toEqual(['BUCK', 'defs.bzl']);
    expect(store.get().view.set).toBe('b');
    // Removing every set of the first load takes its sources too; the sources-only load's stay.
    for (const s of store.get().sets) store.removeSet(s.id);
    expect(store.get().sources.map((s) => s.path)).toEqual(['defs.bzl']);
  });
});
