// The statement profile's rows as columns (docs/formats.md §5): one typed array per field and a
// string table for the file names. A 1M-row statement CSV as one object per row (and one per
// span) cost most of its parse in allocation and garbage collection, and most of the worker's
// hand-over in structured cloning; columns are a few buffers that are transferred instead.
import type { Span, StatementRow, StatementRows } from './profile.ts';

const INITIAL_ROWS = 1024;
/** Blocks double up to this many rows, so a small file allocates little and a big one few blocks. */
const MAX_BLOCK_ROWS = 1 << 16;

/** Every row's field columns, for building and transferring (the file-name table is apart). */
function columnsOf(rows: StatementRows): (Uint32Array | Float64Array)[] {
  return [rows.file, rows.line, rows.column, rows.endLine, rows.endColumn, rows.seconds, rows.count];
}

/** The buffers of the rows, for `postMessage(…, transfer)`. */
export function statementBuffers(rows: StatementRows): ArrayBuffer[] {
  return columnsOf(rows).map((a) => a.buffer as ArrayBuffer);
}

function emptyRows(capacity: number): StatementRows {
  return {
    length: 0,
    files: [],
    file: new Uint32Array(capacity),
    line: new Uint32Array(capacity),
    column: new Uint32Array(capacity),
    endLine: new Uint32Array(capacity),
    endColumn: new Uint32Array(capacity),
    seconds: new Float64Array(capacity),
    count: new Float64Array(capacity),
  };
}

/** A profile without rows (views draw an empty table from it). */
export const NO_STATEMENT_ROWS: Readonly<StatementRows> = emptyRows(0);

/**
 * Appends rows to blocks of columns; a full block is kept and a new one started, and `finish`
 * copies the blocks once into columns of exactly the rows' length (doubling one set of columns
 * copied every row about twice more, a tenth of a 1M-row parse). File names are interned:
 * `fileId` gives the same id to every equal name. A name is only interned for a row that is
 * kept, so every name in `files` has at least one row (consumers list the profile's files from
 * the table alone).
 */
export class StatementRowsBuilder {
  private readonly files: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly full: StatementRows[] = [];
  private block = emptyRows(INITIAL_ROWS);
  private rowsInFull = 0;

  fileId(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.files.push(name) - 1;
      this.ids.set(name, id);
    }
    return id;
  }

  push(
    file: number,
    line: number,
    column: number,
    endLine: number,
    endColumn: number,
    seconds: number,
    count: number,
  ): void {
    let rows = this.block;
    if (rows.length === rows.file.length) rows = this.nextBlock();
    const i = rows.length;
    rows.file[i] = file;
    rows.line[i] = line;
    rows.column[i] = column;
    rows.endLine[i] = endLine;
    rows.endColumn[i] = endColumn;
    rows.seconds[i] = seconds;
    rows.count[i] = count;
    rows.length = i + 1;
  }

  get length(): number {
    return this.rowsInFull + this.block.length;
  }

  /** The rows in arrays of exactly their length (so a transfer sends no spare room). */
  finish(): StatementRows {
    const rows = { ...emptyRows(this.length), length: this.length, files: this.files };
    const into = columnsOf(rows);
    let at = 0;
    for (const block of [...this.full, this.block]) {
      const from = columnsOf(block);
      into.forEach((column, c) => column.set(from[c]!.subarray(0, block.length), at));
      at += block.length;
    }
    return rows;
  }

  private nextBlock(): StatementRows {
    const full = this.block;
    this.full.push(full);
    this.rowsInFull += full.length;
    this.block = emptyRows(Math.min(full.length * 2, MAX_BLOCK_ROWS));
    return this.block;
  }
}

/** Rows from row objects (tests, hand-built profiles). */
export function statementRowsOf(list: readonly StatementRow[]): StatementRows {
  const builder = new StatementRowsBuilder();
  for (const { file, span, seconds, count } of list)
    builder.push(builder.fileId(file), span.line, span.column, span.endLine, span.endColumn, seconds, count);
  return builder.finish();
}

export function statementSpan(rows: StatementRows, i: number): Span {
  return { line: rows.line[i]!, column: rows.column[i]!, endLine: rows.endLine[i]!, endColumn: rows.endColumn[i]! };
}

export function statementFile(rows: StatementRows, i: number): string {
  return rows.files[rows.file[i]!]!;
}

/** Row `i` as an object: for the few rows a view or a finding shows, never for all of them. */
export function statementRow(rows: StatementRows, i: number): StatementRow {
  return {
    file: statementFile(rows, i),
    span: statementSpan(rows, i),
    seconds: rows.seconds[i]!,
    count: rows.count[i]!,
  };
}

/** Every row as an object, in file order (tests and small profiles). */
export function statementRowList(rows: StatementRows): StatementRow[] {
  return Array.from({ length: rows.length }, (_, i) => statementRow(rows, i));
}

/** Row indices 0 … length − 1, for views that list rows by index. */
export function rowIndices(rows: StatementRows): number[] {
  return Array.from({ length: rows.length }, (_, i) => i);
}

/**
 * The row that starts at a file's line and column, by open addressing over the three numbers
 * (built once in O(rows); a Map of a million `file:line:column` strings took seconds). When
 * two rows start at the same place the later one is found, as a Map filled in order would.
 */
export class StatementLookup {
  private readonly fileIds = new Map<string, number>();
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly rows: StatementRows) {
    rows.files.forEach((name, id) => this.fileIds.set(name, id));
    let size = 16;
    while (size < rows.length * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < rows.length; i++)
      this.slots[this.slotOf(rows.file[i]!, rows.line[i]!, rows.column[i]!)] = i + 1;
  }

  /** The row's index, or -1. */
  find(file: string, line: number, column: number): number {
    const id = this.fileIds.get(file);
    return id === undefined ? -1 : this.slots[this.slotOf(id, line, column)]! - 1;
  }

  /** The slot holding the row that starts at (file, line, column), else the empty slot where it would go. */
  private slotOf(file: number, line: number, column: number): number {
    const { rows, slots, mask } = this;
    let h = Math.imul(file ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ line, 0xc2b2ae35);
    h = Math.imul(h ^ column, 0x27d4eb2f);
    for (let s = (h ^ (h >>> 15)) & mask; ; s = (s + 1) & mask) {
      const row = slots[s]! - 1;
      if (row < 0 || (rows.file[row] === file && rows.line[row] === line && rows.column[row] === column)) return s;
    }
  }
}
