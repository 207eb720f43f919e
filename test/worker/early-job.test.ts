import { describe, expect, it } from 'vitest';
import { EARLY_JOB, EarlyJob } from '../../src/worker/early-job.ts';
import type { ParseInput, WorkerResponse } from '../../src/worker/protocol.ts';

const FILE: ParseInput[] = [{ kind: 'url', path: 'flame.src', url: 'https://p.test/flame.src' }];

function earlyJob() {
  const posted: WorkerResponse[] = [];
  const cancelled: boolean[] = [];
  const job = new EarlyJob(
    FILE,
    (message) => posted.push(message),
    () => cancelled.push(true),
  );
  const progress = (bytesRead: number): WorkerResponse => ({
    type: 'progress',
    jobId: EARLY_JOB,
    bytesRead,
    totalBytes: 100,
    path: 'flame.src',
  });
  return { posted, job, progress, cancelled };
}

describe('the early job', () => {
  it('holds what it says until the app asks for its file, then says it under the app’s id', () => {
    const { posted, job, progress, cancelled } = earlyJob();
    job.say(progress(10), []);
    job.say(progress(60), []);
    job.say({ type: 'failed', jobId: EARLY_JOB, message: 'HTTP 404' }, []);
    expect(posted).toEqual([]);
    expect(job.claim(0, [{ kind: 'url', path: 'flame.src', url: 'https://p.test/flame.src' }])).toBe(true);
    // Only the latest progress is kept.
    expect(posted).toEqual([
      { ...progress(60), jobId: 0 },
      { type: 'failed', jobId: 0, message: 'HTTP 404' },
    ]);
    job.say(progress(90), []);
    expect(posted.at(-1)).toEqual({ ...progress(90), jobId: 0 });
    expect(job.appJobId).toBe(0);
    // A second request is a job of its own, and the claimed job goes on.
    expect(job.claim(1, FILE)).toBe(false);
    expect(cancelled).toEqual([]);
  });

  it('is given up, with all it said, when the app asks for anything else', () => {
    for (const other of [
      [{ kind: 'url', path: 'other.src', url: 'https://p.test/flame.src' }],
      [{ kind: 'url', path: 'flame.src', url: 'https://p.test/other.src' }],
      [...FILE, ...FILE],
      [{ kind: 'file', path: 'flame.src', file: new Blob(['x']) }],
    ] as ParseInput[][]) {
      const { posted, job, progress, cancelled } = earlyJob();
      job.say(progress(10), []);
      expect(job.claim(0, other)).toBe(false);
      expect(cancelled).toEqual([true]);
      job.say({ type: 'cancelled', jobId: EARLY_JOB }, []);
      expect(posted).toEqual([]);
      expect(job.appJobId).toBeNull();
    }
  });

  it('lets word of its first picture through at once (the preboot script describes the canvas, then starts the app)', () => {
    const { posted, job } = earlyJob();
    job.say({ type: 'first-paint', jobId: EARLY_JOB, description: 'Flamegraph of bytes' }, []);
    expect(posted).toEqual([{ type: 'first-paint', jobId: EARLY_JOB, description: 'Flamegraph of bytes' }]);
    // Also that none comes: the app waits for one or the other before it starts and claims the job.
    const unclaimed = earlyJob();
    unclaimed.job.say({ type: 'failed', jobId: EARLY_JOB, message: 'HTTP 404' }, []);
    unclaimed.job.say({ type: 'no-first-paint', jobId: EARLY_JOB }, []);
    expect(unclaimed.posted).toEqual([{ type: 'no-first-paint', jobId: EARLY_JOB }]);
  });
});
