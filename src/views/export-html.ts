// The whole view as one self-contained HTML file that works offline from disk: the data as
// JSON in a <script type="application/json"> (every `<` written as \u003c, so no frame name can
// close the element or open a comment), the drawing program (export-snapshot.ts) inlined as the
// only script, and a CSP that allows exactly that script and style (by hash) and nothing else:
// no network, no other scripts, no plugins, no forms, no base URL.
import { snapshotProgram, type SnapshotData } from './export-snapshot.ts';
import { fitLabel } from './frame-label.ts';

/** The id of the JSON data element and of the element the page is drawn into. */
const DATA_ID = 'peakscope-data';
const HOST_ID = 'snapshot';

export const SNAPSHOT_CSS = `
:root { color-scheme: light; font-family: system-ui, 'DejaVu Sans', 'Liberation Sans', sans-serif; font-size: 14px; color: #1d1d1f; background: #fff; }
body { margin: 16px; }
h1 { font-size: 18px; margin: 0 0 6px; }
p { margin: 4px 0; color: #5f6368; }
.path { color: #1d1d1f; word-break: break-all; }
.legend { font-size: 12px; }
.swatch { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 8px; border-radius: 2px; vertical-align: -1px; }
.flame { margin: 8px 0 16px; overflow-x: auto; }
.flame g.frame { cursor: pointer; }
table { border-collapse: collapse; font-size: 13px; margin: 12px 0; }
caption { text-align: left; color: #5f6368; padding: 4px 0; }
th { text-align: left; border-bottom: 2px solid #d9d9de; padding: 3px 6px; }
td { padding: 3px 6px; border-bottom: 1px solid #eee; overflow-wrap: break-word; vertical-align: top; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
`;

/** The data as script-element text: JSON with `<` (and the JS line separators) escaped. */
export function snapshotJson(data: SnapshotData): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The snapshot's one script: the drawing program's source, run on the embedded data. */
export function snapshotScript(): string {
  return [
    `const program = (${snapshotProgram.toString()})(${fitLabel.toString()});`,
    `const data = JSON.parse(document.getElementById(${JSON.stringify(DATA_ID)}).textContent);`,
    `program.renderPage(document, document.getElementById(${JSON.stringify(HOST_ID)}), data);`,
  ].join('\n');
}

/** CSP sources for the inline script and style: `'sha256-…'` (or a `'nonce-…'` when hashing is unavailable). */
export interface SnapshotSources {
  script: string;
  style: string;
  /** Set when the sources are nonces: the elements must carry it. */
  nonce?: string;
}

/** The Content-Security-Policy of a snapshot. */
export function snapshotCsp(sources: SnapshotSources): string {
  return [
    "default-src 'none'",
    `script-src ${sources.script}`,
    `style-src ${sources.style}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * The snapshot file's text. Built as a DOM document and serialised, so the title and every
 * other piece of text is escaped by the serializer; only the JSON and script bodies are raw.
 */
export function snapshotHtml(doc: Document, data: SnapshotData, script: string, sources: SnapshotSources): string {
  const page = doc.implementation.createHTMLDocument(data.title);
  const meta = (attrs: Record<string, string>) => {
    const m = page.createElement('meta');
    for (const [k, v] of Object.entries(attrs)) m.setAttribute(k, v);
    return m;
  };
  const style = page.createElement('style');
  style.textContent = SNAPSHOT_CSS;
  const json = page.createElement('script');
  json.type = 'application/json';
  json.id = DATA_ID;
  json.textContent = snapshotJson(data);
  const code = page.createElement('script');
  code.textContent = script;
  if (sources.nonce) for (const e of [style, code]) e.setAttribute('nonce', sources.nonce);
  page.head.prepend(
    meta({ charset: 'utf-8' }),
    meta({ 'http-equiv': 'Content-Security-Policy', content: snapshotCsp(sources) }),
  );
  page.head.append(
    meta({ name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    meta({ name: 'generator', content: 'peakscope' }),
    style,
  );
  const host = page.createElement('main');
  host.id = HOST_ID;
  host.textContent = 'This snapshot draws its flamegraph with JavaScript; allow scripts for this file to see it.';
  page.body.append(host, json, code);
  return `<!doctype html>\n${page.documentElement.outerHTML}\n`;
}
