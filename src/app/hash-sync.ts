// Keeps the store's view and the URL hash in step: view changes write the hash (a new
// history entry for navigation, a replaced one for typing), and back/forward read it back.
import type { Store, ViewState } from './store.ts';
import { formatHash, isNavigation, parseHash } from './url-state.ts';

/** Starts syncing both ways; returns a function that stops it. */
export function syncHash(store: Store): () => void {
  const apply = () => {
    const view = parseHash(location.hash);
    if (formatHash(view) !== formatHash(store.get().view)) store.setView(view);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.view === previous.view) return;
    const hash = formatHash(state.view);
    if (hash === normalized(location.hash)) return;
    const target = hash || location.pathname + location.search;
    if (isNavigation(previous.view, state.view)) history.pushState(null, '', target);
    else history.replaceState(null, '', target);
  });
  window.addEventListener('hashchange', apply);
  window.addEventListener('popstate', apply);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', apply);
    window.removeEventListener('popstate', apply);
  };
}

function normalized(hash: string): string {
  return hash === '#' ? '' : hash;
}

/** The view in the page's hash at start-up. */
export function initialView(): ViewState {
  return parseHash(location.hash);
}
