// The hostile corpus (hand-made): text that would run, inject, mislead or overflow if any view
// treated it as markup, code, a template, a regex or a trusted length. Each payload that could
// run calls `__pwn(n)` (a trap the e2e test installs) or `alert(n)` (a dialog it counts), and
// each element a payload could inject carries the marker `pwn`. Files are generated from this
// list at test time: names with `<`, `>` or `"` cannot be checked out on Windows.

export interface Payload {
  /** What it tries, for failure messages. */
  what: string;
  text: string;
}

const markup: Payload[] = [
  { what: 'img onerror', text: '<img src=x onerror=__pwn(1) class=pwn>' },
  { what: 'script element', text: '<script class=pwn>__pwn(2)</script>' },
  { what: 'script breakout', text: '</script><script class=pwn>__pwn(3)</script>' },
  { what: 'svg onload', text: '<svg class=pwn onload=__pwn(4)>' },
  { what: 'script inside svg', text: '<svg class=pwn><script>__pwn(5)</script></svg>' },
  { what: 'iframe srcdoc', text: '<iframe class=pwn srcdoc="<script>parent.__pwn(6)</script>">' },
  { what: 'javascript: link', text: '<a class=pwn href="javascript:__pwn(7)">click</a>' },
  { what: 'details ontoggle', text: '<details class=pwn open ontoggle=__pwn(9)>' },
  {
    what: 'mutation XSS via math/style',
    text: '<math><mtext><table><mglyph><style><img class=pwn src=x onerror=__pwn(10)>',
  },
  { what: 'double-quoted attribute breakout', text: '"><img class=pwn src=x onerror=__pwn(11)>' },
  { what: 'single-quoted attribute breakout', text: "'><svg class=pwn onload=__pwn(12)>" },
  { what: 'style element hiding the page', text: '<style class=pwn>*{display:none!important}</style>' },
  { what: 'base href hijack', text: '<base class=pwn href="http://evil.example/">' },
  { what: 'meta refresh', text: '<meta class=pwn http-equiv="refresh" content="0;url=javascript:__pwn(15)">' },
  { what: 'object data', text: '<object class=pwn data="javascript:__pwn(16)">' },
  { what: 'embed src', text: '<embed class=pwn src="javascript:__pwn(17)">' },
  { what: 'form action', text: '<form class=pwn action="javascript:__pwn(18)"><button>go</button></form>' },
  { what: 'autofocus onfocus', text: '<input class=pwn autofocus onfocus=__pwn(19)>' },
  { what: 'video source onerror', text: '<video class=pwn><source onerror=__pwn(20)></video>' },
  { what: 'markup in a comment', text: '<!--<img class=pwn src=x onerror=__pwn(21)>-->' },
  { what: 'CDATA', text: '<![CDATA[<img class=pwn src=x onerror=__pwn(22)>]]>' },
  { what: 'entities that must stay literal', text: '&lt;img src=x onerror=__pwn(23)&gt; &amp;&#60;b&#62;' },
  {
    what: 'noscript parser differential',
    text: '<noscript><p title="</noscript><img class=pwn src=x onerror=__pwn(24)>">',
  },
  { what: 'template element', text: '<template class=pwn><img src=x onerror=__pwn(25)></template>' },
  { what: 'unknown element with onclick', text: '<x class=pwn onclick=__pwn(27)>click me</x>' },
  { what: 'svg xlink:href', text: '<svg><a class=pwn xlink:href="javascript:__pwn(28)"><text>x</text></a></svg>' },
  {
    what: 'foreignObject (d3-flame-graph labels use one)',
    text: '<foreignObject class=pwn><img src=x onerror=__pwn(29)></foreignObject>',
  },
  { what: 'SVG title breakout', text: '</title><script class=pwn>__pwn(57)</script>' },
  { what: 'style breakout', text: '</style><script class=pwn>__pwn(60)</script>' },
  { what: 'textarea breakout', text: '</textarea><img class=pwn src=x onerror=__pwn(61)>' },
  { what: 'alert dialog', text: '<img class=pwn src=x onerror=alert(9)>' },
];

const scriptUrls: Payload[] = [
  { what: 'javascript: URL', text: 'javascript:__pwn(30)' },
  { what: 'mixed-case javascript: URL', text: 'JaVaScRiPt:__pwn(31)' },
  { what: 'javascript: URL with a tab', text: 'java\tscript:__pwn(32)' },
  { what: 'data: URL with a script', text: 'data:text/html,<script>__pwn(33)</script>' },
  { what: 'vbscript: URL', text: 'vbscript:msgbox(34)' },
  { what: 'URL-encoded script', text: '%3Cscript%3E__pwn(55)%3C%2Fscript%3E' },
];

const templates: Payload[] = [
  { what: 'Angular/Vue template', text: "{{constructor.constructor('__pwn(35)')()}}" },
  { what: 'JS template literal', text: '${__pwn(36)}' },
  { what: 'Ruby/CoffeeScript interpolation', text: '#{__pwn(37)}' },
  { what: 'ERB/EJS', text: '<%= __pwn(38) %>' },
  { what: 'template arithmetic that must not become 49', text: '{{7*7}}' },
  { what: 'double brackets', text: '[[__pwn(40)]]' },
  { what: 'comment breakout', text: '*/__pwn(59)/*' },
];

/** Names that are also property names of every object: lookups by name must not hit them. */
const prototypeKeys: Payload[] = [
  { what: '__proto__ as a name', text: '__proto__' },
  { what: 'constructor as a name', text: 'constructor' },
  { what: 'hasOwnProperty as a name', text: 'hasOwnProperty' },
  { what: 'toString as a name', text: 'toString' },
];

const bidiAndControl: Payload[] = [
  { what: 'right-to-left override', text: 'safe\u202egpj.bzl.f' },
  { what: 'bidi isolates', text: '\u2066isolated\u2069\u2067rtl\u2069' },
  { what: 'zero-width characters', text: 'a\u200bb\u200cc\u200dd\ufeffe' },
  { what: 'terminal escapes and bell', text: 'esc\u001b[2J\u001b]0;title\u0007bell' },
  { what: 'C1 controls and NEL', text: 'c1\u0085\u009b31m' },
  { what: 'JS line and paragraph separators (break JSON inside <script>)', text: 'ls\u2028ps\u2029end' },
  { what: 'combining marks pile-up', text: `z${'\u0301'.repeat(60)}` },
  { what: 'replacement character', text: 'bad\ufffdutf8' },
  { what: 'fullwidth markup', text: '\uff1cscript\uff1e__pwn(52)\uff1c/script\uff1e' },
];

const other: Payload[] = [
  { what: 'spreadsheet formula', text: '=HYPERLINK("http://evil.example","x")' },
  { what: 'spreadsheet DDE', text: "+cmd|' /C calc'!A0" },
  { what: 'spreadsheet at-formula', text: '@SUM(1+1)' },
  { what: 'regex metacharacters', text: '.*+?^${}()|[]\\' },
  { what: 'a name that makes `(a+)+$` backtrack for ever', text: `a.bzl.${'a'.repeat(40)}!` },
  { what: 'quotes and backslashes', text: '\\" onmouseover=__pwn(56) x=\\"' },
  { what: 'very long name', text: `long${'A'.repeat(5000)}` },
  { what: 'very long markup', text: '<b class=pwn>'.repeat(800) },
];

/** Every payload; the test asserts there are at least 50. */
export const HOSTILE: readonly Payload[] = [
  ...markup,
  ...scriptUrls,
  ...templates,
  ...prototypeKeys,
  ...bidiAndControl,
  ...other,
];

/** A payload made safe to be one frame: folded stacks cannot hold `;` or a line break in a name. */
export function asFrame(text: string): string {
  return text.replace(/[;\r\n]/g, '_');
}

/** A payload made safe to be a file name on Linux: no `/`, no NUL, at most 200 bytes. */
export function asFileName(text: string): string {
  let name = text.replace(/[/\0]/g, '_');
  while (new TextEncoder().encode(name).length > 200) name = name.slice(0, -1);
  return name;
}

/** RFC 4180 quoting, as starlark's CSV writer does for strings. */
export function csvCell(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The must-show file's name. */
export const MUST_SHOW_NAME = '<img src=x onerror=alert(9)>.txt';
