// A text-only tooltip: our own element, filled with textContent, positioned near the pointer.

export interface Tooltip {
  show(lines: readonly string[], clientX: number, clientY: number): void;
  hide(): void;
  destroy(): void;
}

export function createTooltip(host: HTMLElement): Tooltip {
  const el = document.createElement('div');
  el.className = 'tooltip';
  el.setAttribute('role', 'tooltip');
  el.hidden = true;
  host.appendChild(el);
  return {
    show(lines, x, y) {
      el.replaceChildren(
        ...lines.map((text, i) => {
          const line = document.createElement('div');
          line.className = i === 0 ? 'tooltip-title' : 'tooltip-line';
          line.textContent = text;
          return line;
        }),
      );
      el.hidden = false;
      const box = el.getBoundingClientRect();
      const left = x + 14 + box.width > window.innerWidth ? Math.max(4, x - box.width - 14) : x + 14;
      const top = y + 14 + box.height > window.innerHeight ? Math.max(4, y - box.height - 14) : y + 14;
      el.style.left = `${left}px`;
      el.style.top = `${top}px`;
    },
    hide() {
      el.hidden = true;
    },
    destroy() {
      el.remove();
    },
  };
}
