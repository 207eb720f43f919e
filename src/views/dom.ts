// Small DOM helpers the views share: an element with a class and text content (never HTML:
// names, paths and messages are untrusted text), a label measure, a class toggle.

/** `el('td', 'num', '1.5 MiB')` → `<td class="num">1.5 MiB</td>` built with textContent. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * `host.replaceChildren(...nodes)` without spreading: a spread puts every node on the call stack,
 * which overflows past ~100k (130k function names, a 200k-deep breadcrumb).
 */
export function replaceChildrenWith(host: Element, nodes: Iterable<Node>): void {
  const fragment = document.createDocumentFragment();
  for (const node of nodes) fragment.appendChild(node);
  host.replaceChildren(fragment);
}

/** An external link that opens in a new tab; `href` must be an https URL we built ourselves. */
export function externalLink(href: string, text: string): HTMLAnchorElement {
  const a = el('a', '', text);
  if (href.startsWith('https://')) a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

export interface Panel<P> {
  update(props: P): void;
  destroy(): void;
}

/** A view's `create`: a `<section id class>` appended to `root`, redrawn by `render` on every update. */
export function mountPanel<P>(
  root: HTMLElement,
  id: string,
  className: string,
  initial: P,
  render: (box: HTMLElement, props: P) => void,
): Panel<P> {
  const box = el('section', className);
  box.id = id;
  root.append(box);
  render(box, initial);
  return { update: (props) => render(box, props), destroy: () => box.remove() };
}

/** Text width in `label`'s own font (canvas measureText: no layout after the one style read). */
export function textMeasure(label: HTMLElement): (text: string) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return (text) => text.length * 6.6;
  ctx.font = getComputedStyle(label).font;
  return (text) => ctx.measureText(text).width;
}

/** Sets or clears a class only when that changes it (a no-op write still invalidates style). */
export function toggleClass(el: Element, name: string, on: boolean): void {
  if (el.classList.contains(name) !== on) el.classList.toggle(name, on);
}
