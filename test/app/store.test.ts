import { describe, expect, it } from 'vitest';
import { Store, type AppState } from '../../src/app/store.ts';
import type { LoadedSetData } from '../../src/worker/protocol.ts';

const set = (name: string): LoadedSetData => ({ name, files: [], functions: null, metrics: [] });

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
    expect(store.get().sets.map((s) => [s.name, s.origin])).toEqual([['a', 'drop'], ['b', 'drop']]);
    expect(store.get().view.set).toBe('a');
    store.loadFinished(2, [set('c')], 'paste');
    expect(store.get().view.set).toBe('c');
    expect(new Set(store.get().sets.map((s) => s.id)).size).toBe(3);
  });

  it('does not let a load of unreadable files hide the set shown', () => {
    const store = new Store();
    store.loadFinished(1, [set('good')], 'drop');
    const bad = { ...set(''), files: [{ error: { message: 'not a profile' } }] } as unknown as LoadedSetData;
    store.loadFinished(2, [bad], 'drop');
    expect([store.get().sets.length, store.get().view.set]).toEqual([2, 'good']);
    store.loadFinished(3, [bad, set('next')], 'drop');
    expect(store.get().view.set).toBe('next');
    const empty = new Store();
    empty.loadFinished(1, [bad], 'drop');
    expect(empty.get().view.set).toBe(''); // nothing else to show: the list says what went wrong
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
    store.updateView({ zoom: ['module'], selected: 'f' });
    store.focusFrame(3);
    store.selectSet('other');
    expect(store.get().view).toMatchObject({ set: 'other', zoom: [], selected: null });
    expect(store.get().focus).toBe(-1);
  });
});
