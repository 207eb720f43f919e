// Tables as CSV for spreadsheets: RFC 4180 quoting, and text cells that a spreadsheet would
// run as a formula (`=`, `+`, `-`, `@`, tab, CR first, also after leading blanks or as the
// fullwidth `＝＋－＠` that spreadsheets fold to ASCII) get a leading `'` (OWASP "CSV injection").
// Frame names, file paths and types are untrusted text; numbers are ours and stay plain.

/**
 * Characters that make a spreadsheet treat a cell as a formula, also behind leading spaces,
 * NBSP and other blanks or zero-width characters, which spreadsheets trim before looking.
 */
const FORMULA_START = /^[\t\r]|^[\s\u200b-\u200d\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/**
 * One CSV cell. Text that starts like a formula gets a leading `'`; text with a comma, quote,
 * CR or LF is quoted with `"` doubled. Numbers are written as JavaScript prints them; null is empty.
 *
 * @example csvCell('=HYPERLINK("x")') // `"'=HYPERLINK(""x"")"`
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole table: the header row, then one line per row, CRLF line ends (RFC 4180).
 *
 * @example toCsv(['Function', 'Bytes'], [['a.bzl.f', 16]]) // 'Function,Bytes\r\na.bzl.f,16\r\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const line = (cells: readonly (string | number | null)[]) => cells.map(csvCell).join(',');
  return [line(header), ...rows.map(line)].map((l) => `${l}\r\n`).join('');
}
