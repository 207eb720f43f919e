import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/formats/parse-file.ts';
import type { ParsedFile } from '../../src/model/profile.ts';
import { CANVAS_CELL_HEIGHT, CANVAS_LABEL_FONT } from '../../src/views/flame-canvas.ts';
import { paintFirstFlame, prepareFirstPaint } from '../../src/worker/first-paint.ts';
import { sampleBalancedHeapFlame, sampleHeapFlame, sampleStatements } from '../samples.ts';

/** An OffscreenCanvas stand-in that records what is drawn on it. */
function fakeCanvas() {
  const drawn: string[] = [];
  const ctx = {
    fillStyle: '',
    globalAlpha: 1,
    font: '',
    textBaseline: 'alphabetic',
    save() {},
    restore() {},
    setTransform() {},
    clearRect() {},
    fillRect: (x: number) => drawn.push(`rect ${x}`),
    fillText: (text: string) => drawn.push(`text ${text}`),
    measureText: (text: string) => ({ width: text.length * 6 }),
  };
  const canvas = { width: 2000, height: 0, getContext: () => ctx };
  return { canvas: canvas as unknown as OffscreenCanvas, drawn };
}

const parsed = (path: string, text: string): ParsedFile => parseText(path, text);

describe('the worker’s first paint', () => {
  it('draws a heap flame on the canvas at the device scale and says what it shows', () => {
    const { canvas, drawn } = fakeCanvas();
    const description = paintFirstFlame({ canvas, width: 1000, scale: 2 }, [
      parsed('flame.src', sampleBalancedHeapFlame()),
    ]);
    expect(canvas.width).toBe(2000);
    expect(canvas.height % (2 * CANVAS_CELL_HEIGHT)).toBe(4); // whole rows plus the chart's 2 px
    expect(drawn).toContain('text all');
    expect(drawn).toContain('text module');
    expect(description).toMatch(
      /^Flamegraph of allocated bytes \(a first picture; the interactive chart replaces it\); widest frames under the root: module \d+(\.\d)?%/,
    );
  });

  it('looks the label font up ahead of the picture without drawing anything', () => {
    const { canvas, drawn } = fakeCanvas();
    const measured: string[] = [];
    const ctx = canvas.getContext('2d')!;
    ctx.measureText = (text: string) => {
      measured.push(`${ctx.font}: ${text}`);
      return { width: text.length * 6 } as TextMetrics;
    };
    prepareFirstPaint({ canvas, width: 800, scale: 1 });
    expect(measured).toEqual([`${CANVAS_LABEL_FONT}: all`]);
    expect([drawn, canvas.height]).toEqual([[], 0]);
  });

  it('draws nothing for a load without a call tree, or of several sets', () => {
    const { canvas, drawn } = fakeCanvas();
    expect(paintFirstFlame({ canvas, width: 800, scale: 1 }, [parsed('profile.csv', sampleStatements())])).toBeNull();
    expect(
      paintFirstFlame({ canvas, width: 800, scale: 1 }, [
        parsed('a/flame.src', sampleHeapFlame()),
        parsed('b/flame.src', sampleBalancedHeapFlame()),
      ]),
    ).toBeNull();
    expect(drawn).toEqual([]);
    expect(canvas.height).toBe(0);
  });
});
