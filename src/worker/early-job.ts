// A `#url=` file's parse, started by the worker itself as soon as it can (the page's address in
// its script's fragment names the file, prefetch.ts), before the app has run and asked for it:
// on a busy page the app's request came 20–70 ms after the worker was ready. Its answers are
// held until the app's request for the same inputs claims them (under the app's job id); a
// request for anything else cancels it, and nothing it said reaches the page.
import type { ParseInput, WorkerResponse } from './protocol.ts';

/** The early job's own id: never one the app uses (the app numbers its jobs from 0). */
export const EARLY_JOB = -1;

type Post = (message: WorkerResponse, transfer: Transferable[]) => void;

/** Two input lists that load the same files, as a request for the early job's file would list them. */
export function sameInputs(a: readonly ParseInput[], b: readonly ParseInput[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      return x.kind === 'url' && y.kind === 'url' && x.url === y.url && x.path === y.path;
    })
  );
}

export class EarlyJob {
  /** What the job said before the claim, in order (only the latest progress). */
  private held: [WorkerResponse, Transferable[]][] = [];
  /** The app's job id once claimed; null before, undefined once given up. */
  private claimedAs: number | null | undefined = null;

  constructor(
    readonly inputs: readonly ParseInput[],
    private readonly post: Post,
    /** Stops the job's parse (when the app asks for something else). */
    private readonly cancel: () => void,
  ) {}

  /** What the early job says: held, passed on under the claiming job's id, or dropped once given up. */
  say(message: WorkerResponse, transfer: Transferable[]): void {
    if (this.claimedAs === undefined) return;
    // The preboot script describes its canvas from this one, whoever the job turns out to be.
    if (message.type === 'first-paint' || message.type === 'no-first-paint') return this.post(message, transfer);
    if (this.claimedAs !== null) return this.post({ ...message, jobId: this.claimedAs }, transfer);
    if (message.type === 'progress' && this.held.at(-1)?.[0].type === 'progress') this.held.pop();
    this.held.push([message, transfer]);
  }

  /**
   * The app asks for `inputs` as job `jobId`: true when they are this job's, which then answers
   * under that id (what it held first). The first request for anything else stops the job and
   * drops what it said; any later request is a job of its own (false).
   */
  claim(jobId: number, inputs: readonly ParseInput[]): boolean {
    if (this.claimedAs !== null) return false;
    if (!sameInputs(this.inputs, inputs)) {
      this.claimedAs = undefined;
      this.held = [];
      this.cancel();
      return false;
    }
    this.claimedAs = jobId;
    for (const [message, transfer] of this.held) this.post({ ...message, jobId }, transfer);
    this.held = [];
    return true;
  }

  /** The job id the app knows this job by, once claimed. */
  get appJobId(): number | null {
    return this.claimedAs ?? null;
  }
}
