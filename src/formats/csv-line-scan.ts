// How one physical line of the profiler's CSV reads, the way papaparse will read it: where a
// quoted cell opens and closes (`""` escaped, a quote before a comma or the line end closing, any
// other quote literal, as pre-2022-07 writers left them), how many cells it has, and the cells of
// a plain record without papaparse. csv-records.ts joins lines into records with it.

const QUOTE = 34;
const COMMA = 44;

/** Where the quoting of a record stands after the lines scanned so far. */
export interface RecordShape {
  inQuotes: boolean;
  cells: number;
  lastCellEmpty: boolean;
  /** A quote inside a quoted cell was read as a literal character (an unescaped quote). */
  literalQuote: boolean;
}

/**
 * Advances a record over one physical line the way papaparse will read it: `""` is an escaped
 * quote, a quote followed by (blanks and) `,` or the end of the line closes a quoted cell, and
 * any other quote inside a quoted cell is literal (pre-2022-07 writers did not escape quotes).
 */
export function scanLine(text: string, record: RecordShape): void {
  const n = text.length;
  let i = 0;
  for (;;) {
    if (record.inQuotes) {
      i = closingQuote(text, i, record);
      if (i < 0) return; // the quoted cell goes on in the next line
      record.inQuotes = false;
      record.lastCellEmpty = false;
    } else if (i < n && text.charCodeAt(i) === QUOTE) {
      record.inQuotes = true;
      i++;
      continue;
    } else {
      const comma = text.indexOf(',', i);
      record.lastCellEmpty = i === n;
      i = comma < 0 ? n : comma;
    }
    if (i >= n) return;
    record.cells++; // text[i] is a delimiter
    i++;
  }
}

/**
 * The cells of a record in which every cell is either bare (no quote) or wholly quoted with no
 * escaped quote inside and its delimiter right after the closing quote — what papaparse would
 * return for it; null for any other record (papaparse reads those).
 *
 * @example splitPlainRecord('"a,b.bzl","7:13-19",2.800,400', 4) // ['a,b.bzl', '7:13-19', '2.800', '400']
 */
export function splitPlainRecord(text: string, columns: number): string[] | null {
  const cells: string[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    let end: number;
    if (text.charCodeAt(i) === QUOTE) {
      const close = text.indexOf('"', i + 1);
      if (close < 0) return null;
      end = close + 1;
      if (end < n && text.charCodeAt(end) !== COMMA) return null; // `""`, blanks or text after the quote
      cells.push(text.slice(i + 1, close));
    } else {
      const comma = text.indexOf(',', i);
      end = comma < 0 ? n : comma;
      const cell = text.slice(i, end);
      if (cell.includes('"')) return null;
      cells.push(cell);
    }
    if (end >= n) return cells.length === columns ? cells : null;
    i = end + 1;
  }
}

/** Index just after a quoted cell (at its `,` or the line end), or -1 while it stays open. */
function closingQuote(text: string, from: number, record: RecordShape): number {
  const n = text.length;
  let q = text.indexOf('"', from);
  while (q >= 0) {
    if (text.charCodeAt(q + 1) === QUOTE) {
      q = text.indexOf('"', q + 2);
      continue;
    }
    let j = q + 1;
    while (j < n && text[j]!.trim() === '') j++; // papaparse allows blanks after a closing quote
    if (j === n || text.charCodeAt(j) === COMMA) return j;
    record.literalQuote = true;
    q = text.indexOf('"', q + 1);
  }
  return -1;
}
