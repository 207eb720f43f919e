// Measures the WCAG contrast of every visible text on a page, from computed styles: each
// non-blank text node's colour (its alpha times the opacity of its ancestors) against its
// background, composited from the nearest opaque layer up through every translucent one.
// A flame label's background is its frame's rect (a sibling in the SVG, not an ancestor).
import type { Page } from 'playwright-core';

export interface ContrastSample {
  text: string;
  ratio: number;
  fg: string;
  bg: string;
  where: string;
}

export interface ContrastReport {
  /** Text nodes measured. */
  measured: number;
  /** The lowest ratio seen, with its text. */
  worst: ContrastSample;
  /** Every text under `min`, worst first (at most 20). */
  failures: ContrastSample[];
}

/** Runs in the page: contrast of every visible text node under `document.body`. */
export function measureContrast(page: Page, min = 4.5): Promise<ContrastReport> {
  return page.evaluate((minimum) => {
    type RGBA = [number, number, number, number];
    const parse = (css: string): RGBA => {
      const srgb = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)$/.exec(css);
      if (srgb)
        return [
          Number(srgb[1]) * 255,
          Number(srgb[2]) * 255,
          Number(srgb[3]) * 255,
          srgb[4] === undefined ? 1 : Number(srgb[4]),
        ];
      const n = (css.match(/[\d.]+/g) ?? []).map(Number);
      if (css === 'transparent' || n.length < 3) return [0, 0, 0, 0];
      return [n[0]!, n[1]!, n[2]!, n[3] ?? 1];
    };
    const over = (top: RGBA, bottom: RGBA): RGBA => {
      const a = top[3] + bottom[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      const mix = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a;
      return [mix(0), mix(1), mix(2), a];
    };
    const lum = (c: RGBA) => {
      const ch = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]);
    };
    const show = (c: RGBA) =>
      `rgb(${c
        .slice(0, 3)
        .map((v) => Math.round(v))
        .join(' ')})`;
    /** Background layers from the element up to the first opaque one, nearest first. */
    const layers = (start: Element): RGBA[] => {
      const found: RGBA[] = [];
      for (let e: Element | null = start; e; e = e.parentElement) {
        const style = getComputedStyle(e);
        let layer = parse(style.backgroundColor);
        if (e instanceof SVGGElement && e.classList.contains('frame')) {
          const rect = e.querySelector('rect');
          if (rect) {
            const fill = parse(getComputedStyle(rect).fill);
            layer = [fill[0], fill[1], fill[2], fill[3] * Number(getComputedStyle(rect).fillOpacity)];
          }
        }
        if (layer[3] > 0) found.push(layer);
        if (layer[3] >= 1) break;
      }
      return found;
    };
    const page: RGBA = [255, 255, 255, 1];
    const samples: { text: string; ratio: number; fg: string; bg: string; where: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const el = node.parentElement;
      if (!text || !el || el.closest('script, style, title, option, noscript')) continue;
      // Inside a closed <details>, display: none or visibility: hidden: not drawn.
      if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if (![...range.getClientRects()].some((r) => r.width > 0 && r.height > 0)) continue;
      const style = getComputedStyle(el);
      if (style.visibility !== 'visible') continue;
      let opacity = 1;
      for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      const bg = layers(el)
        .reverse()
        .reduce((under, top) => over(top, under), page);
      const color = parse(style.color);
      const fg = over([color[0], color[1], color[2], color[3] * opacity], bg);
      const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      const where = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} in ${el.parentElement?.className || el.parentElement?.tagName || ''}`;
      samples.push({ text: text.slice(0, 60), ratio: (hi! + 0.05) / (lo! + 0.05), fg: show(fg), bg: show(bg), where });
    }
    samples.sort((a, b) => a.ratio - b.ratio);
    return {
      measured: samples.length,
      worst: samples[0]!,
      failures: samples.filter((s) => s.ratio < minimum).slice(0, 20),
    };
  }, min);
}
