// Messages for the user (errors in words, cancelled loads), each dismissable. Text only.
import type { Notice } from './store.ts';

export function renderNotices(host: HTMLElement, notices: readonly Notice[], onDismiss: (id: number) => void): void {
  if (host.dataset.ids === notices.map((n) => n.id).join()) return;
  host.dataset.ids = notices.map((n) => n.id).join();
  host.replaceChildren(
    ...notices.map((n) => {
      const box = document.createElement('div');
      box.className = `notice ${n.level}`;
      box.setAttribute('role', n.level === 'error' ? 'alert' : 'status');
      const text = document.createElement('span');
      text.textContent = n.text;
      const close = document.createElement('button');
      close.type = 'button';
      close.textContent = 'Dismiss';
      close.addEventListener('click', () => onDismiss(n.id));
      box.append(text, close);
      return box;
    }),
  );
}
