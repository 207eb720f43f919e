// The zoom path as buttons: `all › module › a.bzl.f`; a click zooms out to that frame.
import { replaceChildrenWith } from './dom.ts';

export interface BreadcrumbProps {
  /** Frames from the outermost to the zoomed one. */
  path: readonly string[];
  onZoom(depth: number): void;
}

export function create(
  host: HTMLElement,
  initial: BreadcrumbProps,
): { update(p: BreadcrumbProps): void; destroy(): void } {
  let props = initial;
  function render(): void {
    const items: HTMLElement[] = [];
    ['all', ...props.path].forEach((frame, depth) => {
      if (depth > 0) {
        const sep = document.createElement('span');
        sep.className = 'sep';
        sep.textContent = '›';
        items.push(sep);
      }
      const last = depth === props.path.length;
      const item = document.createElement(last ? 'span' : 'button');
      item.textContent = frame;
      if (last) {
        item.className = 'current';
        item.setAttribute('aria-current', 'location');
      } else {
        (item as HTMLButtonElement).type = 'button';
        item.addEventListener('click', () => props.onZoom(depth));
      }
      items.push(item);
    });
    replaceChildrenWith(host, items);
  }
  render();
  return {
    update(next) {
      props = next;
      render();
    },
    destroy: () => host.replaceChildren(),
  };
}
