// Input that came before the app ran: the preboot script (tools/worker-preboot-plugin.ts) keeps
// what a drop or a paste carried until the app has its own handlers, then hands it over here.
import type { EntryLike } from './entries.ts';

/** The global the preboot script leaves its hand-over function in. */
export const EARLY_INPUT_GLOBAL = '__peakscopeEarlyInput';

/** What one early drop or paste carried, taken during its event. */
export type EarlyInput =
  { type: 'drop'; entries: (EntryLike | null)[]; files: File[] } | { type: 'paste'; files: File[]; text: string };

/**
 * The input kept so far, once; the preboot script stops keeping any (the app's handlers take
 * over). Nothing under the dev server, which has no preboot script.
 */
export function takeEarlyInput(): EarlyInput[] {
  const scope = globalThis as { [EARLY_INPUT_GLOBAL]?: (() => EarlyInput[]) | null };
  const take = scope[EARLY_INPUT_GLOBAL];
  scope[EARLY_INPUT_GLOBAL] = null;
  return take ? take() : [];
}
