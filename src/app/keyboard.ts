// Keyboard shortcuts (speedscope's set is the bar): `/` search, Enter / Shift+Enter next /
// previous match, Esc clears, `0` resets zoom, arrows move between frames, `1`–`N` tabs (from
// the tab registry), `?` lists the keys. They work wherever focus is not in a text field:
// also on a checkbox, a button or a select the user just clicked.
import { childrenOf, stackOf, type CallTree } from '../model/call-tree.ts';
import type { Store } from './store.ts';
import { TABS, tabKeysLine } from './tabs.ts';
import { flameModel } from './view-model.ts';

export const KEYS: readonly [string, string][] = [
  ['/', 'focus the search box'],
  ['Enter / Shift+Enter', 'zoom to the next / previous match (or to the focused frame)'],
  ['Esc', 'clear the search, close this list'],
  ['0', 'reset zoom'],
  ['← →', 'previous / next sibling frame'],
  ['↑ ↓', 'parent / heaviest child (swapped in flame mode)'],
  tabKeysLine(),
  ['?', 'show this list'],
];

export interface KeyboardElements {
  search: HTMLInputElement;
  /** The skip link and the main view it moves focus to. */
  skipLink: HTMLAnchorElement;
  main: HTMLElement;
  flame: HTMLElement;
  dialog: HTMLDialogElement;
  keysButton: HTMLElement;
}

function fillDialog(dialog: HTMLDialogElement): void {
  const table = document.createElement('table');
  for (const [key, what] of KEYS) {
    const row = table.insertRow();
    const k = document.createElement('kbd');
    k.textContent = key;
    row.insertCell().append(k);
    row.insertCell().textContent = what;
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Close';
  close.addEventListener('click', () => dialog.close());
  const h = document.createElement('h2');
  h.textContent = 'Keyboard shortcuts';
  dialog.replaceChildren(h, table, close);
}

/**
 * The frame an arrow key moves to: ← → siblings, ↑ ↓ parent and heaviest child (swapped when
 * the root is at the bottom). Stays put at an edge.
 *
 * @example in the golden icicle, ArrowDown from `module` → `test.star.test` (3008 of 3024 bytes)
 */
export function frameAfterArrow(
  tree: CallTree,
  weights: Float64Array,
  from: number,
  key: string,
  icicle: boolean,
): number {
  if (key === 'ArrowLeft' || key === 'ArrowRight') {
    const siblings = from === 0 ? [0] : childrenOf(tree, tree.parent[from]!);
    const i = siblings.indexOf(from) + (key === 'ArrowRight' ? 1 : -1);
    return siblings[Math.max(0, Math.min(siblings.length - 1, i))]!;
  }
  if ((key === 'ArrowDown') === icicle) {
    const heaviest = childrenOf(tree, from).reduce(
      (best, c) => (best < 0 || weights[c]! > weights[best]! ? c : best),
      -1,
    );
    return heaviest < 0 ? from : heaviest;
  }
  return from > 0 ? tree.parent[from]! : from;
}

export function wireKeyboard(store: Store, els: KeyboardElements): void {
  fillDialog(els.dialog);
  els.keysButton.addEventListener('click', () => els.dialog.showModal());
  function zoomToMatch(step: number): boolean {
    const model = flameModel(store.get());
    if (!model?.search || model.search.nodes.length === 0) return false;
    const n = model.search.nodes.length;
    const index = (((store.get().panels.match + step) % n) + n) % n;
    const node = model.search.nodes[index]!;
    store.zoomToMatch(index, stackOf(model.tree, node), node);
    return true;
  }

  function move(key: string): void {
    const model = flameModel(store.get());
    if (!model) return;
    const { tree, zoom } = model;
    const focus = store.get().focus;
    const to = frameAfterArrow(
      tree,
      model.metric.total,
      focus >= 0 && focus < tree.name.length ? focus : zoom,
      key,
      store.get().view.icicle,
    );
    // Leaving the zoomed subtree upwards zooms out to keep the frame in view.
    if (to < zoom || to >= tree.end[zoom]!) store.zoomTo(stackOf(tree, to));
    store.focusFrame(to);
  }

  /** Enter with no search zooms to the focused frame. */
  function enter(shift: boolean): void {
    if (zoomToMatch(shift ? -1 : 1)) return;
    const model = flameModel(store.get());
    const focus = store.get().focus;
    if (model && focus >= 0) store.zoomTo(stackOf(model.tree, focus));
  }

  function onSearchKey(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      store.search(els.search.value);
      zoomToMatch(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      els.search.value = '';
      store.search('');
      els.search.blur();
    }
  }

  function onPageKey(event: KeyboardEvent, target: HTMLElement): void {
    const key = event.key;
    if (key === '/') {
      event.preventDefault();
      els.search.focus();
      els.search.select();
    } else if (key === 'Escape') store.search('');
    else if (key === '0') {
      store.zoomTo([]);
      store.focusFrame(-1);
    } else if (key === '?') els.dialog.showModal();
    else if (/^[1-9]$/.test(key) && Number(key) <= TABS.length) {
      event.preventDefault(); // a focused select would otherwise jump to an option
      store.updateView({ tab: TABS[Number(key) - 1]! });
    } else if (key === 'Enter' && !target.matches('button, a, tr')) enter(event.shiftKey);
    else if (key.startsWith('Arrow') && arrowsMoveFrames(target, key)) {
      event.preventDefault();
      move(key);
    }
  }

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement;
    if (target === els.search) onSearchKey(event);
    else if (!isTextField(target) && !els.dialog.open) onPageKey(event, target);
  });
  // The skip link moves focus without touching the hash (the hash holds the view).
  els.skipLink.addEventListener('click', (event) => {
    event.preventDefault();
    els.main.focus();
  });
}

/** Where typed characters belong to the element: text inputs, text areas, editable content. */
export function isTextField(target: Element): boolean {
  return target.matches(
    'textarea, [contenteditable=""], [contenteditable=true], input:not([type=checkbox], [type=radio], [type=button], [type=submit], [type=reset], [type=file], [type=range], [type=color])',
  );
}

/**
 * Arrows move between frames unless the focused element uses them itself: the tab bar (its own
 * arrows), a select (↑ ↓ change its value; ← → still move frames), a table row.
 */
function arrowsMoveFrames(target: Element, key: string): boolean {
  if (target.closest('[role=tablist], tr')) return false;
  return !(target.matches('select') && (key === 'ArrowUp' || key === 'ArrowDown'));
}
