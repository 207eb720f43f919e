// The drawing program shared by the SVG/PNG export and the self-contained HTML snapshot.
// `snapshotProgram` must stay self-contained (no imports, no module-level names inside it):
// the HTML export inlines its source text (`snapshotProgram.toString()`) as the snapshot's only
// script, so the file opened from disk draws the flamegraph with the very same code.
// Everything it draws is text through textContent/createTextNode; names never become markup.
// Labels are fitted by `fitLabel` (frame-label.ts), handed in so the snapshot inlines it too.
import type { fitLabel as FitLabel } from './frame-label.ts';

/** The laid-out-ready flamegraph: frames in pre-order, children heaviest first. */
export interface SnapshotFrames {
  name: string[];
  value: number[];
  /** Index of the parent frame, -1 for the first (root) frame. */
  parent: number[];
  color: string[];
  /** Tooltip text (name, weight, share). */
  detail: string[];
}

export interface SnapshotTable {
  caption: string;
  header: string[];
  /** Cells as shown; `numeric[i]` right-aligns column i. */
  rows: string[][];
  numeric: boolean[];
}

export interface SnapshotData {
  version: 1;
  title: string;
  summary: string;
  /** The zoom path shown above the flamegraph (`all › module › …`). */
  path: string[];
  legend: { key: string; color: string; text: string }[];
  width: number;
  cellHeight: number;
  icicle: boolean;
  frames: SnapshotFrames;
  /** The frame the export was zoomed to; the frames before it are its ancestors. */
  zoom: number;
  tables: SnapshotTable[];
}

/** What `snapshotProgram()` gives: draw a flamegraph, or a whole page. */
export interface SnapshotProgram {
  /** An <svg> of the frames under `zoom` (a frame index; `data.zoom` = as exported). */
  drawFlame(doc: Document, data: SnapshotData, zoom: number): SVGSVGElement;
  /** The exported figure: title, summary, zoom path and legend above the flamegraph as exported. */
  drawFigure(doc: Document, data: SnapshotData): SVGSVGElement;
  /** The whole snapshot page into `host`, with click-to-zoom on frames. */
  renderPage(doc: Document, host: HTMLElement, data: SnapshotData): void;
}

/** The program. Keep it self-contained: its source text is the snapshot's script. */
export function snapshotProgram(fitLabel: typeof FitLabel): SnapshotProgram {
  const SVG = 'http://www.w3.org/2000/svg';
  const FONT = '11px system-ui, "DejaVu Sans", "Liberation Sans", sans-serif';
  let measure: ((s: string) => number) | null = null;

  function textWidth(doc: Document, s: string): number {
    if (!measure) {
      const ctx = doc.createElement('canvas').getContext('2d');
      if (ctx) ctx.font = FONT;
      measure = ctx ? (t) => ctx.measureText(t).width : (t) => t.length * 6.6;
    }
    return measure(s);
  }

  /** The label for `room` pixels: the function name kept whole longest (frame-label.ts). */
  function fit(doc: Document, name: string, room: number): string {
    return fitLabel(name, room, (t) => textWidth(doc, t));
  }

  function svgEl<K extends keyof SVGElementTagNameMap>(
    doc: Document,
    tag: K,
    attrs: Record<string, string | number>,
  ): SVGElementTagNameMap[K] {
    const e = doc.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    return e;
  }

  /** x, width and depth per frame, and which are drawn, with `zoom` spanning the width. */
  function layout(
    data: SnapshotData,
    zoom: number,
  ): { x: Float64Array; w: Float64Array; depth: Int32Array; shown: Uint8Array } {
    const f = data.frames;
    const n = f.name.length;
    const x = new Float64Array(n);
    const w = new Float64Array(n);
    const depth = new Int32Array(n);
    const shown = new Uint8Array(n);
    const next = new Float64Array(n); // where a frame's next child starts
    for (let i = 1; i < n; i++) depth[i] = depth[f.parent[i]!]! + 1; // parents precede children
    for (let a = zoom; a >= 0; a = f.parent[a]!) {
      shown[a] = 1;
      w[a] = data.width;
    }
    const scale = data.width / Math.max(1e-9, f.value[zoom]!);
    for (let i = zoom + 1; i < n; i++) {
      const p = f.parent[i]!;
      if (p < zoom || !shown[p]) continue; // outside the zoomed subtree
      x[i] = next[p]!;
      w[i] = f.value[i]! * scale;
      next[p] = x[i]! + w[i]!;
      next[i] = x[i]!;
      shown[i] = 1;
    }
    return { x, w, depth, shown };
  }

  function drawFlame(doc: Document, data: SnapshotData, zoom: number): SVGSVGElement {
    const f = data.frames;
    const { x, w, depth, shown } = layout(data, zoom);
    let maxDepth = 0;
    for (let i = 0; i < f.name.length; i++) if (shown[i] && w[i]! >= 0.5) maxDepth = Math.max(maxDepth, depth[i]!);
    const h = data.cellHeight;
    const height = (maxDepth + 1) * h;
    const svg = svgEl(doc, 'svg', {
      xmlns: SVG,
      width: data.width,
      height,
      viewBox: `0 0 ${data.width} ${height}`,
      'font-family': FONT.slice(5),
      'font-size': 11,
    });
    svg.append(svgEl(doc, 'rect', { width: data.width, height, fill: '#ffffff' }));
    for (let i = 0; i < f.name.length; i++) {
      if (!shown[i] || w[i]! < 0.5) continue;
      const y = data.icicle ? depth[i]! * h : height - (depth[i]! + 1) * h;
      const g = svgEl(doc, 'g', { class: 'frame', transform: `translate(${x[i]!.toFixed(2)},${y})`, 'data-index': i });
      const title = svgEl(doc, 'title', {});
      title.textContent = f.detail[i]!;
      const rect = svgEl(doc, 'rect', {
        width: Math.max(0, w[i]! - 0.5).toFixed(2),
        height: h - 1,
        fill: f.color[i]!,
        stroke: '#ffffff',
        'stroke-width': 0.5,
      });
      if (i < zoom) rect.setAttribute('fill-opacity', '0.55'); // an ancestor of the zoomed frame
      g.append(title, rect);
      const label = fit(doc, f.name[i]!, w[i]! - 8);
      if (label) {
        const text = svgEl(doc, 'text', { x: 4, y: h - 6, fill: '#000000' });
        text.textContent = label;
        g.append(text);
      }
      svg.append(g);
    }
    return svg;
  }

  /** Words of `text` in lines no wider than `width` (a word wider than that gets a line of its own). */
  function wrap(doc: Document, text: string, width: number, scale: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (line && textWidth(doc, next) * scale > width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    return line ? [...lines, line] : lines;
  }

  function drawFigure(doc: Document, data: SnapshotData): SVGSVGElement {
    const width = data.width;
    const head = svgEl(doc, 'g', { class: 'heading' });
    let y = 0;
    const line = (text: string, size: number, weight: string, fill: string) => {
      for (const part of wrap(doc, text, width - 8, (size / 11) * (weight === 'bold' ? 1.1 : 1))) {
        y += size + 5;
        const t = svgEl(doc, 'text', { x: 4, y, 'font-size': size, 'font-weight': weight, fill });
        t.textContent = part;
        head.append(t);
      }
    };
    line(data.title, 14, 'bold', '#1d1d1f');
    if (data.summary) line(data.summary, 11, 'normal', '#4d5156');
    line(`Zoom: ${data.path.join(' › ')}`, 11, 'normal', '#4d5156');
    let x = 4;
    y += 20;
    for (const e of data.legend) {
      const text = `${e.key} ${e.text}`;
      const w = 14 + textWidth(doc, text) + 12;
      if (x > 4 && x + w > width) {
        x = 4;
        y += 16;
      }
      if (e.color !== 'transparent')
        head.append(svgEl(doc, 'rect', { x, y: y - 9, width: 10, height: 10, rx: 2, fill: e.color }));
      const t = svgEl(doc, 'text', { x: x + 14, y, fill: '#1d1d1f' });
      t.textContent = text;
      head.append(t);
      x += w;
    }
    y += 10;
    const flame = drawFlame(doc, data, data.zoom);
    flame.setAttribute('y', String(y));
    const height = y + Number(flame.getAttribute('height'));
    const svg = svgEl(doc, 'svg', {
      xmlns: SVG,
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      'font-family': FONT.slice(5),
      'font-size': 11,
    });
    const title = svgEl(doc, 'title', {});
    title.textContent = data.title;
    svg.append(title, svgEl(doc, 'rect', { width, height, fill: '#ffffff' }), head, flame);
    return svg;
  }

  function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string): HTMLElementTagNameMap[K] {
    const e = doc.createElement(tag);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function drawTable(doc: Document, t: SnapshotTable): HTMLTableElement {
    const table = el(doc, 'table');
    table.createCaption().textContent = t.caption;
    const head = table.createTHead().insertRow();
    for (const h of t.header) head.append(el(doc, 'th', h));
    const body = table.createTBody();
    for (const row of t.rows) {
      const tr = body.insertRow();
      row.forEach((cell, i) => {
        const td = el(doc, 'td', cell);
        if (t.numeric[i]) td.className = 'num';
        tr.append(td);
      });
    }
    return table;
  }

  function renderPage(doc: Document, host: HTMLElement, data: SnapshotData): void {
    const flame = el(doc, 'div');
    flame.className = 'flame';
    const crumbs = el(doc, 'p');
    crumbs.className = 'path';
    const legend = el(doc, 'p');
    legend.className = 'legend';
    for (const e of data.legend) {
      const swatch = el(doc, 'span');
      swatch.className = 'swatch';
      swatch.style.background = e.color;
      legend.append(swatch, doc.createTextNode(`${e.key} ${e.text}  `));
    }
    const show = (zoom: number) => {
      const path: string[] = [];
      for (let a = zoom; a > data.zoom; a = data.frames.parent[a]!) path.unshift(data.frames.name[a]!);
      const hint = zoom !== data.zoom ? 'click a faded frame to zoom back out' : 'click a frame to zoom in';
      crumbs.textContent = `${[...data.path, ...path].join(' › ')}   (${hint})`;
      flame.replaceChildren(...(data.frames.name.length > 0 ? [drawFlame(doc, data, zoom)] : []));
    };
    flame.addEventListener('click', (event) => {
      const g = (event.target as Element).closest('g.frame');
      const i = g ? Number(g.getAttribute('data-index')) : NaN;
      // The exported frames hold only the zoomed subtree: its ancestors lead back to the start.
      if (Number.isInteger(i)) show(i < data.zoom ? data.zoom : i);
    });
    host.replaceChildren(
      el(doc, 'h1', data.title),
      el(doc, 'p', data.summary),
      crumbs,
      legend,
      flame,
      ...data.tables.map((t) => drawTable(doc, t)),
    );
    show(data.zoom);
  }

  return { drawFlame, drawFigure, renderPage };
}
