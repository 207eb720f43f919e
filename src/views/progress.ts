// The progress bar with a cancel button. It appears only for loads slower than a blink.
import { formatBytes } from '../model/units.ts';

export interface ProgressProps {
  /** Null when nothing is loading. */
  loading: { label: string; bytesRead: number; totalBytes: number } | null;
  onCancel(): void;
}

/** Loads that finish sooner than this never show the bar. */
export const PROGRESS_DELAY_MS = 150;

export function create(host: HTMLElement, initial: ProgressProps): { update(p: ProgressProps): void; destroy(): void } {
  let props = initial;
  const label = document.createElement('span');
  const bar = document.createElement('progress');
  bar.max = 1;
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.textContent = 'Cancel';
  cancel.addEventListener('click', () => props.onCancel());
  host.replaceChildren(label, bar, cancel);
  let timer: ReturnType<typeof setTimeout> | null = null;

  function render(): void {
    const l = props.loading;
    if (!l) {
      if (timer) clearTimeout(timer);
      timer = null;
      host.hidden = true;
      return;
    }
    if (host.hidden && !timer)
      timer = setTimeout(() => {
        timer = null;
        host.hidden = !props.loading;
      }, PROGRESS_DELAY_MS);
    bar.value = l.totalBytes > 0 ? Math.min(1, l.bytesRead / l.totalBytes) : 0;
    if (l.totalBytes === 0) bar.removeAttribute('value');
    label.textContent = `Reading ${l.label}: ${formatBytes(l.bytesRead)}${l.totalBytes > 0 ? ` of ${formatBytes(l.totalBytes)}` : ''}`;
  }
  render();
  return {
    update(next) {
      props = next;
      render();
    },
    destroy() {
      if (timer) clearTimeout(timer);
      host.replaceChildren();
    },
  };
}
