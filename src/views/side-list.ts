// The side list: every loaded set, its files (what each is, its size, its problems in words)
// and the profiler modes it lacks with the command to produce them. Text via textContent only.
import type { RunRoles } from '../analysis/run-roles.ts';
import type { ParsedFile } from '../model/profile.ts';
import { describeFile, missingModes } from './set-words.ts';

export interface SideListSet {
  id: number;
  name: string;
  /** Unique in the page: what the heading shows. */
  label: string;
  origin: string;
  files: readonly ParsedFile[];
  /** What each file is for (the run model's roles; heap files say why allocated or retained). */
  roles: Pick<RunRoles, 'sideOf'>;
}

export interface SideListProps {
  sets: readonly SideListSet[];
  currentId: number | null;
  onSelect(id: number): void;
  onRemove(id: number): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The path below the set's folder: the set name is already the heading. */
function shortPath(path: string, setName: string): string {
  return setName && path.startsWith(`${setName}/`) ? path.slice(setName.length + 1) : path;
}

function fileItem(file: ParsedFile, setName: string, side: RunRoles['sideOf'][number]): HTMLLIElement {
  const words = describeFile(file);
  const li = el('li', 'file');
  li.title = file.path;
  li.append(el('span', 'path', shortPath(file.path, setName)), el('span', 'what', ` — ${words.what}`));
  if (side) li.append(el('span', 'what', `, ${side.side} (${side.why})`));
  if (words.totals) li.append(el('span', 'totals', words.totals));
  if (words.problem) li.append(el('span', 'problem', words.problem));
  for (const w of words.warnings) li.append(el('span', 'warning', w));
  return li;
}

function setBlock(set: SideListSet, props: SideListProps): HTMLElement {
  const block = el('section', set.id === props.currentId ? 'set current' : 'set');
  block.dataset.setId = String(set.id);
  const head = el('div', 'set-head');
  const name = el('button', 'set-name', set.label);
  name.type = 'button';
  name.addEventListener('click', () => props.onSelect(set.id));
  const remove = el('button', 'remove', '×');
  remove.type = 'button';
  remove.title = 'Remove this set';
  remove.setAttribute('aria-label', `Remove ${set.label}`);
  remove.addEventListener('click', () => props.onRemove(set.id));
  head.append(name, el('span', 'what', `(${set.origin})`), remove);
  const list = el('ul', 'files');
  list.append(...set.files.map((f, i) => fileItem(f, set.name, set.roles.sideOf[i])));
  // Other sets fold to one line unless a file has a problem worth seeing at once.
  const problems = set.files.filter((f) => f.error || f.truncated).length;
  const details = el('details', '');
  details.open = set.id === props.currentId || problems > 0;
  const count = `${set.files.length} file${set.files.length === 1 ? '' : 's'}`;
  details.append(el('summary', '', problems > 0 ? `${count}, ${problems} with problems` : count), list);
  const missing = missingModes(set.name, set.files);
  if (missing.length > 0) {
    const box = el('div', 'missing');
    box.append(el('div', 'what', 'Missing modes:'));
    for (const m of missing) box.append(el('div', '', `${m.mode} — ${m.why}`), el('code', '', m.command));
    details.append(box);
  }
  block.append(head, details);
  return block;
}

export function create(host: HTMLElement, initial: SideListProps): { update(p: SideListProps): void; destroy(): void } {
  let props = initial;
  const root = el('div', 'side-list');
  host.appendChild(root);
  function render(): void {
    const title = el('h2', '', props.sets.length === 0 ? 'No profiles loaded' : `Profile sets (${props.sets.length})`);
    root.replaceChildren(title, ...props.sets.map((s) => setBlock(s, props)));
  }
  render();
  return {
    update(next) {
      const changed = next.sets !== props.sets || next.currentId !== props.currentId;
      props = next;
      if (changed) render();
    },
    destroy: () => root.remove(),
  };
}
