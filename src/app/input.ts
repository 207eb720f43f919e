// Every way files get in: the first file input (several files), the folder input, drag and
// drop of files and folders, and paste (text becomes `pasted-N.txt`).
import type { EarlyInput } from './early-input.ts';
import { pickedFromList, walkEntries, type EntryLike, type PickedFile } from './entries.ts';

export interface InputHandlers {
  onFiles(files: PickedFile[], origin: string): void;
  onError(message: string): void;
}

let pasteCount = 0;

/** Wires the drop zone, both inputs and the page-wide paste. Returns an unsubscribe. */
export function wireInputs(
  zone: HTMLElement,
  filesInput: HTMLInputElement,
  folderInput: HTMLInputElement,
  handlers: InputHandlers,
): () => void {
  const fromInput = (input: HTMLInputElement, origin: string) => () => {
    if (input.files && input.files.length > 0) handlers.onFiles(pickedFromList(input.files), origin);
    input.value = '';
  };
  filesInput.addEventListener('change', fromInput(filesInput, 'opened files'));
  folderInput.addEventListener('change', fromInput(folderInput, 'opened folder'));

  const over = (event: DragEvent) => {
    event.preventDefault();
    zone.classList.add('dragging');
  };
  const leave = () => zone.classList.remove('dragging');
  const drop = (event: DragEvent) => {
    event.preventDefault();
    leave();
    const transfer = event.dataTransfer;
    if (!transfer) return;
    // Entries must be taken during the event; reading them may happen later.
    const entries = Array.from(transfer.items ?? [])
      .filter((item) => item.kind === 'file')
      .map((item) => item.webkitGetAsEntry?.() as EntryLike | null);
    receiveDrop(entries, Array.from(transfer.files), handlers);
  };
  document.addEventListener('dragover', over);
  document.addEventListener('dragleave', leave);
  document.addEventListener('drop', drop);

  const paste = (event: ClipboardEvent) => {
    const target = event.target as HTMLElement | null;
    const inTextField = target?.matches?.('input[type=search], input[type=text]') ?? false;
    if (inTextField || !event.clipboardData) return;
    const files = Array.from(event.clipboardData.files);
    const text = event.clipboardData.getData('text/plain');
    if (files.length === 0 && !text) return;
    event.preventDefault();
    receivePaste(files, text, handlers);
  };
  document.addEventListener('paste', paste);
  return () => {
    document.removeEventListener('dragover', over);
    document.removeEventListener('dragleave', leave);
    document.removeEventListener('drop', drop);
    document.removeEventListener('paste', paste);
  };
}

/**
 * Hands what was dropped or pasted before the app's handlers existed (`takeEarlyInput()`, taken
 * as they go up) to them, in order, once the app is wired; returns how many there were.
 */
export function receiveEarlyInput(early: readonly EarlyInput[], handlers: InputHandlers): number {
  for (const input of early) {
    if (input.type === 'drop') receiveDrop(input.entries, input.files, handlers);
    else receivePaste(input.files, input.text, handlers);
  }
  return early.length;
}

/** A drop's files: walked as entries (folders too) when every item has one, else as listed. */
function receiveDrop(entries: (EntryLike | null | undefined)[], files: File[], handlers: InputHandlers): void {
  if (entries.length > 0 && entries.every((e) => e !== null && e !== undefined)) {
    walkEntries(entries as EntryLike[])
      .then((picked) => handlers.onFiles(picked, 'drop'))
      .catch((e: unknown) => handlers.onError(`could not read the dropped folder: ${String(e)}`));
  } else if (files.length > 0) handlers.onFiles(pickedFromList(files), 'drop');
}

/** A paste's files, or else its text as a file. */
function receivePaste(files: File[], text: string, handlers: InputHandlers): void {
  if (files.length > 0) handlers.onFiles(pickedFromList(files), 'paste');
  else handlers.onFiles([pastedFile(text)], 'paste');
}

/** Pasted text as a file named `pasted-N.txt` (N counts pastes in this page). */
export function pastedFile(text: string): PickedFile {
  const name = `pasted-${++pasteCount}.txt`;
  return { path: name, file: new File([text], name, { type: 'text/plain' }) };
}
