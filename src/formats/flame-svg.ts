// Buck2's `flame.svg` — docs/formats.md §9.2 (`Flame Graph - <mode> on <target>` titles since
// 2025-02-10); upstream writer: inferno `src/flamegraph/svg.rs` (write_prelude), called from
// buck2 `app/buck2_profile/src/lib.rs`. Only recognised and titled: nothing in it is run.
import type { FlameSvg } from '../model/profile.ts';
import { InputError } from './diagnostics.ts';
import type { FormatSpec, LineParser } from './format.ts';

/** inferno writes the title as `<text id="title" x="50.0000%" y="24.00">…</text>`. */
const TITLE = /<text\b[^>]*\bid="title"[^>]*>([^<]*)<\/text>/;

const ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Decodes the XML escapes quick-xml writes (`&lt;` …, `&#60;`, `&#x3C;`); unknown ones stay as written. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    // A Map: `&constructor;` is an unknown entity, not Object.prototype.constructor.
    return ENTITIES.get(ref) ?? whole;
  });
}

/**
 * Finds the flame graph's title and consumes every other line unread.
 *
 * @example
 *   <?xml version="1.0" standalone="no"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" …>…
 *   <text id="title" x="50.0000%" y="24.00">Flame Graph - heap-allocated on root//foo:bar</text>
 *   → title 'Flame Graph - heap-allocated on root//foo:bar'
 */
export class FlameSvgParser implements LineParser<FlameSvg> {
  private title: string | null = null;
  private closed = false;

  line(text: string): void {
    this.closed = text.includes('</svg>');
    if (this.title !== null || !text.includes('id="title"')) return;
    const m = TITLE.exec(text);
    if (m) this.title = decodeXmlText(m[1]!).trim();
  }

  /** A last line without terminator that does not close the document: the file was cut short. */
  endOfInput(): void {
    if (!this.closed) throw new InputError('the SVG document is not closed');
  }

  finish(): FlameSvg {
    return { format: 'flame-svg', title: this.title };
  }
}

/** An SVG document: `<svg`, `<!DOCTYPE svg`, or an XML prolog followed by one of them. */
function isSvgHead(lines: readonly string[]): boolean {
  const first = lines[0]?.trimStart() ?? '';
  if (first.startsWith('<svg') || first.startsWith('<!DOCTYPE svg')) return true;
  return first.startsWith('<?xml') && lines.some((l) => l.includes('<svg') || l.includes('<!DOCTYPE svg'));
}

/** Buck2's flame.svg: sniffed by an SVG head (`<svg`, `<!DOCTYPE svg`, or `<?xml` before one), read by FlameSvgParser (title only). */
export const flameSvgFormat: FormatSpec<FlameSvg> = {
  name: 'flame-svg',
  sniff: ({ lines }) => isSvgHead(lines),
  create: () => new FlameSvgParser(),
};
