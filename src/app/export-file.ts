// The browser's part of an export: an SVG, PNG or HTML file made from a snapshot (PNG by
// drawing the SVG on a canvas; the HTML with its inline script and style allowed by hash in its
// CSP), and any file handed to the browser as a Blob download. Nothing leaves the machine.
import { flameSvg } from '../views/export-flame.ts';
import { snapshotHtml, snapshotScript, SNAPSHOT_CSS, type SnapshotSources } from '../views/export-html.ts';
import type { SnapshotData } from '../views/export-snapshot.ts';

/** Saves `blob` as `name` through the browser's download. */
export function download(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

/** Draws an SVG text onto a canvas at `scale` and encodes it as PNG. */
async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('this browser cannot draw on a canvas');
  g.scale(scale, scale);
  g.drawImage(img, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'),
  );
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** CSP sources by SHA-256 hash; a random nonce where hashing is unavailable (plain-http hosts). */
async function inlineSources(script: string, style: string): Promise<SnapshotSources> {
  if (crypto.subtle) {
    const hash = async (text: string) =>
      `'sha256-${base64(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))))}'`;
    return { script: await hash(script), style: await hash(style) };
  }
  const nonce = base64(crypto.getRandomValues(new Uint8Array(18)));
  return { script: `'nonce-${nonce}'`, style: `'nonce-${nonce}'`, nonce };
}

export /** An SVG, PNG or HTML snapshot of `data`. */
async function snapshotFile(kind: 'svg' | 'png' | 'html', data: SnapshotData): Promise<Blob> {
  if (kind === 'svg') return new Blob([flameSvg(document, data).text], { type: 'image/svg+xml' });
  if (kind === 'png') {
    const svg = flameSvg(document, data);
    return svgToPng(svg.text, svg.width, svg.height);
  }
  const script = snapshotScript();
  const html = snapshotHtml(document, data, script, await inlineSources(script, SNAPSHOT_CSS));
  return new Blob([html], { type: 'text/html;charset=utf-8' });
}
