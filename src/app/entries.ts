// Dropped folders arrive as FileSystemEntry trees (`DataTransferItem.webkitGetAsEntry()`).
// This walks them iteratively and keeps each file's path relative to the drop, so the files
// of one folder form one profile set.
import { appendAll } from '../model/arrays.ts';

/** The parts of FileSystemEntry we use, so tests can hand in plain objects. */
export interface EntryLike {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
  file?(success: (file: File) => void, failure?: (error: unknown) => void): void;
  createReader?(): { readEntries(success: (entries: EntryLike[]) => void, failure?: (error: unknown) => void): void };
}

export interface PickedFile {
  /** Relative path, `/`-separated, no leading slash. Untrusted text. */
  path: string;
  file: File;
}

function fileOf(entry: EntryLike): Promise<File> {
  return new Promise((resolve, reject) => entry.file!(resolve, reject));
}

/** All entries of a directory: readEntries returns batches (about 100) until an empty one. */
async function readAll(entry: EntryLike): Promise<EntryLike[]> {
  const reader = entry.createReader!();
  const all: EntryLike[] = [];
  for (;;) {
    const batch = await new Promise<EntryLike[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    appendAll(all, batch);
  }
}

/**
 * Every file under the given entries, depth-first in name order, with relative paths.
 *
 * @example dropping folder `before/` with `heap-allocated/flame.src` gives
 *   [{ path: 'before/heap-allocated/flame.src', file }]
 */
export async function walkEntries(roots: readonly EntryLike[]): Promise<PickedFile[]> {
  const files: PickedFile[] = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const entry = stack.pop()!;
    if (entry.isFile && entry.file) {
      files.push({ path: relativePath(entry), file: await fileOf(entry) });
    } else if (entry.isDirectory && entry.createReader) {
      const children = await readAll(entry);
      children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return files;
}

function relativePath(entry: EntryLike): string {
  const full = entry.fullPath || entry.name;
  return full.replace(/^\/+/, '');
}

/** Files from an `<input type=file>`: folder pickers give `webkitRelativePath`. */
export function pickedFromList(list: FileList | readonly File[]): PickedFile[] {
  return Array.from(list, (file) => ({ path: file.webkitRelativePath || plainName(file.name), file }));
}

/**
 * A lone file's name never holds a folder: a `/` or `\` in it (possible for a File made by a
 * page or a DataTransfer) becomes `∕` so it cannot pose as a path and split into sets.
 */
export function plainName(name: string): string {
  return name.replace(/[\\/]/g, '\u2215');
}
