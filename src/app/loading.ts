// Getting profiles in: picked/dropped/pasted files, `#url=` links, and the bundled samples.
// Each load is one worker job; its files become sets; a failure is a notice, never a loss
// of what loaded before.
import { rankRuns } from '../analysis/run-ranking.ts';
import { skippedNotice } from '../worker/skipped.ts';
import type { ParseInput } from '../worker/protocol.ts';
import type { PickedFile } from './entries.ts';
import type { Loader } from './loader.ts';
import { loadsToReanalyse, reanalyse } from './source-join.ts';
import type { Store } from './store.ts';
import { checkUrl, inputsForUrl } from './url-loader.ts';

export class Loading {
  constructor(
    private readonly store: Store,
    private readonly loader: Loader,
  ) {}

  /** Parses inputs; `keepView` keeps the hash's view (zoom, search…) for a restored link. */
  async run(
    inputs: ParseInput[],
    label: string,
    origin: string,
    keepView = false,
    url: string | null = null,
  ): Promise<boolean> {
    if (inputs.length === 0) return false;
    const { jobId, done } = this.loader.load(inputs, label);
    const outcome = await done;
    if (outcome.status === 'done') {
      const sourcesBefore = this.store.get().sources.length;
      const load = this.store.loadFinished(
        jobId,
        outcome.sets,
        origin,
        keepView,
        url,
        outcome.sources,
        (added) => rankRuns(added)[0]?.run,
      );
      const skipped = skippedNotice(outcome.skipped);
      if (skipped) this.store.notify(`Loading ${label}: ${skipped}`, 'info');
      for (const warning of outcome.warnings) this.store.notify(`Loading ${label}: ${warning}`);
      const failed = outcome.sets.flatMap((s) => s.files).filter((f) => f.error).length;
      this.store.loadEnded(
        jobId,
        failed > 0
          ? `${failed} of ${inputs.length} file${inputs.length === 1 ? '' : 's'} could not be read; see the list on the left`
          : null,
      );
      await this.joinSources(label, load, sourcesBefore);
      return true;
    }
    this.store.loadEnded(
      jobId,
      outcome.status === 'cancelled' ? `Loading ${label} was cancelled` : `Loading ${label} failed: ${outcome.message}`,
      outcome.status === 'cancelled' ? 'info' : 'error',
    );
    return false;
  }

  /** Sources that arrived now join earlier runs, and earlier sources join the runs that arrived now. */
  private async joinSources(label: string, load: number, sourcesBefore: number): Promise<void> {
    const state = this.store.get();
    const added = state.sources.length - sourcesBefore;
    try {
      const joined = await reanalyse(
        this.store,
        (loads, sources) => this.loader.analyse(loads, sources),
        loadsToReanalyse(state.sets, load, sourcesBefore, state.sources.length),
      );
      if (added > 0 && joined.sets > 0)
        this.store.notify(
          `Loading ${label}: ${added} Starlark source${added === 1 ? '' : 's'} joined ${joined.sets} run${joined.sets === 1 ? '' : 's'} (${joined.findings} finding${joined.findings === 1 ? '' : 's'})`,
          'info',
        );
      else if (added > 0 && state.sets.length === 0)
        this.store.notify(
          `Loading ${label}: ${added} Starlark source${added === 1 ? '' : 's'} kept; they join the profiles you load next`,
          'info',
        );
    } catch (e) {
      this.store.notify(
        `Loading ${label}: the sources could not be joined to the runs (${e instanceof Error ? e.message : String(e)})`,
      );
    }
  }

  files(files: PickedFile[], origin: string): void {
    const label = files.length === 1 ? files[0]!.path : `${files.length} files`;
    void this.run(
      files.map((f) => ({ kind: 'file', path: f.path, file: f.file })),
      label,
      origin,
    );
  }

  /** Loads what a `#url=` value names; refuses anything but http(s) with a message. */
  async url(text: string, keepView = true): Promise<boolean> {
    const checked = checkUrl(text, location.href);
    if (!checked.ok) {
      this.store.notify(`Not loaded: ${checked.message}`);
      return false;
    }
    const inputs = await inputsForUrl(checked.url);
    if (typeof inputs === 'string') {
      this.store.notify(`Not loaded: ${inputs}`);
      return false;
    }
    const sameOrigin = checked.url.origin === location.origin;
    return this.run(inputs, checked.url.href, sameOrigin ? 'link' : checked.url.host, keepView, text);
  }

  cancel(): void {
    const loading = this.store.get().loading;
    if (loading) this.loader.cancel(loading.jobId);
  }
}
