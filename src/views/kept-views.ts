// Views a zoom left, kept so that a return to one of them shows it again instead of drawing it
// again (views/flamegraph.ts keeps its charts here, hidden in place). Generic over the view: the
// caller says which kept views still fit what it draws now, and how to free one.

export class KeptViews<V> {
  private views: V[] = [];

  constructor(
    /** How many views are kept at most; the oldest goes first. */
    private readonly limit: number,
    private readonly free: (view: V) => void,
  ) {}

  keep(view: V): void {
    this.views.push(view);
  }

  /**
   * The kept view `wanted` picks, taken out of the store (null when none); views that no longer
   * `fit` are freed, and the oldest of the rest beyond the limit.
   */
  take(fits: (view: V) => boolean, wanted: (view: V) => boolean): V | null {
    for (const v of this.views) if (!fits(v)) this.free(v);
    this.views = this.views.filter(fits);
    const found = this.views.find(wanted) ?? null;
    this.views = this.views.filter((v) => v !== found);
    for (const v of this.views.splice(0, Math.max(0, this.views.length - this.limit))) this.free(v);
    return found;
  }

  /** Frees every kept view. */
  clear(): void {
    for (const v of this.views) this.free(v);
    this.views = [];
  }
}
