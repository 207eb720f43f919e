// The `#url=` head start: the page's first module starts the worker job; the Loader adopts
// it for the same inputs and replays what the worker said before (here with a stand-in
// Worker, since node has none).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HEAD_START_JOB, startFromHash, takeHeadStart } from '../../src/app/head-start.ts';
import { Loader } from '../../src/app/loader.ts';
import { Store } from '../../src/app/store.ts';
import type { ParseInput, WorkerRequest, WorkerResponse } from '../../src/worker/protocol.ts';

class FakeWorker {
  static made: FakeWorker[] = [];
  posted: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((event: { data: WorkerResponse }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(request: WorkerRequest): void {
    this.posted.push(request);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** What the real worker would post. */
  say(message: WorkerResponse): void {
    this.onmessage?.({ data: message });
  }
}

const BASE = 'https://peakscope.test/app/';
const FILE = 'https://profiles.test/big/flame.src';
const asUrlInput = (url: string): ParseInput[] => [{ kind: 'url', path: url.split('/').pop()!, url }];

beforeEach(() => {
  FakeWorker.made = [];
  (globalThis as { Worker?: unknown }).Worker = FakeWorker;
});
afterEach(() => {
  takeHeadStart([]); // drop whatever a test left behind
  delete (globalThis as { Worker?: unknown }).Worker;
});

describe('head start', () => {
  it('starts a `#url=` file at once, as the app would load it', async () => {
    await startFromHash(`#url=${encodeURIComponent(FILE)}&zoom=module`, BASE);
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.posted).toEqual([{ type: 'parse', jobId: HEAD_START_JOB, inputs: asUrlInput(FILE) }]);
  });

  it('leaves manifests, refused URLs and pages without `#url=` to the app', async () => {
    await startFromHash(`#url=${encodeURIComponent('https://x.test/manifest.json')}`, BASE);
    await startFromHash(`#url=${encodeURIComponent('javascript:alert(1)')}`, BASE);
    await startFromHash('#zoom=module', BASE);
    expect(FakeWorker.made).toHaveLength(0);
  });

  it('hands the job over once, only for the same inputs, and stops an unwanted one', async () => {
    await startFromHash(`#url=${encodeURIComponent(FILE)}`, BASE);
    expect(takeHeadStart(asUrlInput('https://profiles.test/other.src'))).toBeNull();
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    await startFromHash(`#url=${encodeURIComponent(FILE)}`, BASE);
    expect(takeHeadStart(asUrlInput(FILE))?.worker).toBe(FakeWorker.made[1]);
    expect(takeHeadStart(asUrlInput(FILE))).toBeNull();
  });
});

describe('the Loader adopting a head start', () => {
  it('replays what the worker posted before, then keeps listening, without a second request', async () => {
    await startFromHash(`#url=${encodeURIComponent(FILE)}`, BASE);
    const worker = FakeWorker.made[0]!;
    worker.say({ type: 'progress', jobId: HEAD_START_JOB, bytesRead: 10, totalBytes: 100, path: 'flame.src' });
    const store = new Store();
    const { jobId, done } = new Loader(store).load(asUrlInput(FILE), FILE);
    expect(jobId).toBe(HEAD_START_JOB);
    expect(store.get().loading).toMatchObject({ jobId: HEAD_START_JOB, bytesRead: 10, totalBytes: 100 });
    const skipped = { byName: 0, byContent: 0, examples: [] };
    worker.say({ type: 'done', jobId: HEAD_START_JOB, sets: [], warnings: ['w'], sources: [], skipped });
    await expect(done).resolves.toEqual({ status: 'done', sets: [], warnings: ['w'], sources: [], skipped });
    expect(FakeWorker.made).toHaveLength(1);
    expect(worker.posted).toHaveLength(1);
  });

  it('gets a result that arrived before it took over', async () => {
    await startFromHash(`#url=${encodeURIComponent(FILE)}`, BASE);
    FakeWorker.made[0]!.say({ type: 'failed', jobId: HEAD_START_JOB, message: 'HTTP 404' });
    const { done } = new Loader(new Store()).load(asUrlInput(FILE), FILE);
    await expect(done).resolves.toEqual({ status: 'failed', message: 'HTTP 404' });
  });

  it('starts its own job for other inputs', async () => {
    await startFromHash(`#url=${encodeURIComponent(FILE)}`, BASE);
    const { jobId } = new Loader(new Store()).load(asUrlInput('https://profiles.test/other.src'), 'other');
    expect(jobId).toBe(1);
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    expect(FakeWorker.made[1]!.posted[0]).toMatchObject({ type: 'parse', jobId: 1 });
  });
});

describe('spawnParseWorker', () => {
  it('takes the worker the preboot script started, once, then makes new ones', async () => {
    const { spawnParseWorker, PREBOOT_GLOBAL } = await import('../../src/app/head-start.ts');
    const booted = new FakeWorker();
    (globalThis as Record<string, unknown>)[PREBOOT_GLOBAL] = booted;
    expect(spawnParseWorker()).toBe(booted);
    expect(spawnParseWorker()).not.toBe(booted);
    expect((globalThis as Record<string, unknown>)[PREBOOT_GLOBAL]).toBeNull();
  });
});
