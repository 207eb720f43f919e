// Panels the first paint does not need (the tables, the advisor with its source view, Compare and
// the Export menu) are separate chunks, loaded with import(): each when the page first shows its
// region, and all of them once the first set is drawn. A load always starts after a frame is
// painted, so the page fetches and compiles the flamegraph path first (docs/performance.md,
// "First-load JS").
import type { AppState, Store } from './store.ts';

/** Runs `fn` once the next frame has been painted. */
function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

export interface DeferredPanelSpec<T> {
  /** Imports the panel's module and wires the panel (once). */
  load: () => Promise<T>;
  /** Draws a state on the wired panel. */
  draw: (panel: T, state: AppState) => void;
  /** Whether the state shows the panel, so it must load now (no-one waits for the idle prefetch). */
  needed: (state: AppState) => boolean;
}

/** What the page does with a deferred panel, whatever it wires. */
export interface Deferred {
  draw(state: AppState): void;
  request(): Promise<unknown>;
}

export class DeferredPanel<T> implements Deferred {
  private panel: T | null = null;
  private loading: Promise<T> | null = null;

  constructor(
    private readonly store: Store,
    private readonly spec: DeferredPanelSpec<T>,
  ) {}

  /** Draws the state when the panel is there; else starts loading it when the state shows it. */
  draw(state: AppState): void {
    if (this.panel) this.spec.draw(this.panel, state);
    else if (this.spec.needed(state)) void this.request().catch(() => undefined);
  }

  /**
   * Loads and wires the panel once; it then draws the store's state of that moment. A failed load
   * (the chunk could not be fetched) is said in a notice and tried again on the next request.
   */
  request(): Promise<T> {
    this.loading ??= new Promise<void>((resolve) => afterPaint(resolve))
      .then(this.spec.load)
      .then((panel) => {
        this.panel = panel;
        this.spec.draw(panel, this.store.get());
        return panel;
      })
      .catch((e: unknown) => {
        this.loading = null;
        this.store.notify(`A part of the page could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
        throw e;
      });
    return this.loading;
  }
}

/** Loads every panel (or other chunk) when the browser is next idle (after the first set is drawn). */
export function prefetchPanels(panels: readonly Pick<Deferred, 'request'>[]): void {
  const all = () => panels.forEach((p) => void p.request().catch(() => undefined));
  if (typeof requestIdleCallback === 'function') afterPaint(() => requestIdleCallback(all, { timeout: 2000 }));
  else afterPaint(all);
}
