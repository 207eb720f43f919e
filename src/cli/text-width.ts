// Fitting the CLI's text into a terminal: names shortened in the middle (the end of a frame or
// file name says the most), prose wrapped at spaces under its own indent.

/** The report's width unless `--wide`: 100 columns. */
export const REPORT_COLUMNS = 100;

/**
 * `text` in at most `max` characters, cut in the middle: the start of the path, `…`, and the
 * last path segment whole (`samples/…/defs.bzl.cxx_libraries`); when even that segment does not
 * fit, its end (the function name) is kept.
 */
export function middleTruncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  const cut = Math.max(text.lastIndexOf('/'), text.lastIndexOf(':')) + 1;
  const tail = text.slice(cut);
  const head = max - 1 - tail.length;
  if (cut > 0 && head >= Math.min(8, cut)) return `${text.slice(0, head)}…${tail}`;
  return `…${text.slice(text.length - (max - 1))}`;
}

/**
 * `line` wrapped to `width` at spaces, the spacing inside each piece kept (table columns stay
 * aligned); continuation lines get the line's indent plus two. A word longer than a line is cut
 * in the middle.
 */
export function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const next = `${/^ */.exec(line)![0]}  `.slice(0, Math.floor(width / 2));
  const out: string[] = [];
  let current = '';
  for (const token of line.match(/ *[^ ]+/g) ?? []) {
    const piece = out.length > 0 && current === '' ? `${next}${token.trimStart()}` : token;
    if (current.length + piece.length <= width) {
      current += piece;
    } else if (current === '') {
      current = fitPiece(piece, width);
    } else {
      out.push(current);
      current = fitPiece(`${next}${token.trimStart()}`, width);
    }
  }
  out.push(current);
  return out;
}

/** A piece (spaces, then one word) cut in the middle of its word to fit `width`. */
function fitPiece(piece: string, width: number): string {
  const spaces = /^ */.exec(piece)![0];
  return `${spaces}${middleTruncate(piece.slice(spaces.length), Math.max(1, width - spaces.length))}`;
}

/** Every line of `text` within `width` columns. */
export function fitToWidth(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}
