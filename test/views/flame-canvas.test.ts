import { hierarchy, partition } from 'd3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/formats/parse-file.ts';
import { CallTreeBuilder, type CallTree } from '../../src/model/call-tree.ts';
import {
  CANVAS_CELL_HEIGHT,
  canvasLabel,
  drawFlameCanvas,
  layoutFlameCanvas,
  type CanvasFrame,
  type FlameCanvasContext,
} from '../../src/views/flame-canvas.ts';
import { colorOfKey, SMALL_COLOR } from '../../src/views/frame-colors.ts';
import { fitLabel } from '../../src/views/frame-label.ts';
import { projectFlame, type FlameDatum, type Projection } from '../../src/views/flame-projection.ts';
import { nodeAtPath } from '../../src/views/tree-search.ts';
import { sampleBalancedHeapFlame, sampleHeapFlame } from '../samples.ts';

function sampleTree(): CallTree {
  const parsed = parseText('flame.src', sampleBalancedHeapFlame());
  if (parsed.profile?.format !== 'heap-flame') throw new Error('not a heap flame');
  return parsed.profile.tree;
}

const project = (tree: CallTree, widthPx: number, root = 0) =>
  projectFlame(tree, tree.total, { root, widthPx, typeLeaves: true, colorBy: 'type' });

/**
 * The boxes d3-flame-graph draws for a projection, worked out independently: children side by
 * side from their parent's left edge, heaviest first and a merged node last, each as wide as its
 * value (a faded ancestor as wide as the zoomed frame below it), frames of 1 px or less left out.
 */
function expectedBoxes(root: FlameDatum, width: number): { name: string; x: number; depth: number; w: number }[] {
  const widthOf = (d: FlameDatum): number => (d.fade ? d.children.reduce((s, c) => s + widthOf(c), 0) : d.value);
  const scale = width / widthOf(root);
  const out: { name: string; x: number; depth: number; w: number }[] = [];
  const walk = (d: FlameDatum, x: number, depth: number) => {
    const w = widthOf(d) * scale;
    if (w > 1) out.push({ name: d.name, x, depth, w });
    const kids = [...d.children].sort((a, b) => (a.merged ? 1 : b.merged ? -1 : b.value - a.value));
    let at = x;
    for (const c of kids) {
      walk(c, at, depth + 1);
      at += widthOf(c) * scale;
    }
  };
  walk(root, 0, 0);
  return out;
}

const key = (b: { name: string; x: number; w: number }) => `${b.name}@${b.x.toFixed(3)}+${b.w.toFixed(3)}`;

describe('first-paint canvas layout', () => {
  const tree = sampleTree();

  it('places every frame where d3-flame-graph does: root on top, children left to right by weight', () => {
    for (const width of [390, 1280, 33]) {
      const projection = project(tree, width);
      const layout = layoutFlameCanvas(projection, width, true);
      const boxes = expectedBoxes(projection.root, width);
      const drawn = layout.frames.map((f) => ({ ...f, w: f.width }));
      expect(drawn.map(key).sort()).toEqual(boxes.map(key).sort());
      for (const f of drawn) {
        const depth = boxes.find((b) => key(b) === key(f))!.depth;
        expect(f.y).toBe(depth * CANVAS_CELL_HEIGHT);
      }
      const deepest = Math.max(...boxes.map((b) => b.depth));
      expect(layout.height).toBe((deepest + 1) * CANVAS_CELL_HEIGHT + 2);
    }
  });

  it('puts the root at the bottom of a flame, with d3-flame-graph’s three spare rows', () => {
    const projection = project(tree, 800);
    const icicle = layoutFlameCanvas(projection, 800, true);
    const flame = layoutFlameCanvas(projection, 800, false);
    const rows = (icicle.height - 2) / CANVAS_CELL_HEIGHT;
    expect(flame.height).toBe((rows + 2) * CANVAS_CELL_HEIGHT);
    expect(flame.frames[0]).toMatchObject({ name: 'all', x: 0, width: 800, y: flame.height - CANVAS_CELL_HEIGHT });
  });

  it('colours frames as the live chart: by colour key, merged small frames grey', () => {
    const small = parseText('flame.src', sampleHeapFlame()).profile;
    if (small?.format !== 'heap-flame') throw new Error('not a heap flame');
    // At 5,000 px this real flame draws two "N small frames" nodes.
    const projection = project(small.tree, 5000);
    const layout = layoutFlameCanvas(projection, 5000, true);
    const fills = new Map<string, Set<string>>();
    const stack = [projection.root];
    while (stack.length > 0) {
      const d = stack.pop()!;
      const fill = d.merged ? SMALL_COLOR : colorOfKey(d.colorKey);
      fills.set(d.name, (fills.get(d.name) ?? new Set()).add(fill));
      stack.push(...d.children);
    }
    expect(layout.frames.some((f) => f.fill === SMALL_COLOR)).toBe(true);
    expect(layout.frames.filter((f) => f.fill !== SMALL_COLOR).length).toBeGreaterThan(2);
    for (const f of layout.frames) expect(fills.get(f.name)).toContain(f.fill);
  });

  it('draws the ancestors of a zoomed frame full width and faded', () => {
    const zoom = nodeAtPath(tree, ['module', 'macros/defs.bzl.generated_libraries']).node;
    const layout = layoutFlameCanvas(project(tree, 600, zoom), 600, true);
    const [root, module, zoomed] = layout.frames;
    expect([root!.name, module!.name, zoomed!.name]).toEqual(['all', 'module', 'macros/defs.bzl.generated_libraries']);
    for (const f of [root!, module!, zoomed!]) expect(f.width).toBeCloseTo(600, 6);
    expect([root!.fade, module!.fade, zoomed!.fade]).toEqual([true, true, false]);
  });
});

/** The boxes as d3 itself lays out the projection, as the live chart gets it: the oracle for the canvas's own partition. */
function d3Boxes(projection: Projection, width: number): { name: string; x: number; width: number; depth: number }[] {
  const root = hierarchy(projection.root, (d) => d.children);
  root.sum((d) => (d.fade ? 0 : d.value - d.children.reduce((s, c) => s + (c.fade ? 0 : c.value), 0)));
  root.sort((a, b) => (a.data.merged ? 1 : b.data.merged ? -1 : b.data.value - a.data.value));
  return partition<FlameDatum>()(root)
    .descendants()
    .filter((n) => (n.x1 - n.x0) * width > 1)
    .map((n) => ({ name: n.data.name, x: n.x0 * width, width: (n.x1 - n.x0) * width, depth: n.depth }));
}

describe('first-paint canvas partition', () => {
  // Fractional weights (seconds), so a sum added in another order would differ in its last bits.
  const stack = fc.record({
    frames: fc.array(
      fc.integer({ min: 0, max: 9 }).map((i) => `f${i}.bzl.g`),
      { minLength: 1, maxLength: 6 },
    ),
    leaf: fc.constantFrom('dict', 'list', null),
    weight: fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 997),
  });

  it('is d3’s partition to the last bit, in d3’s order, zoomed or not', () => {
    fc.assert(
      fc.property(
        fc.array(stack, { minLength: 1, maxLength: 150, size: 'max' }),
        fc.nat(),
        fc.constantFrom(33, 390, 1280, 100_000),
        fc.boolean(),
        (stacks, zoom, width, icicle) => {
          const b = new CallTreeBuilder('seconds');
          for (const s of stacks) b.addStack(s.frames, s.leaf, s.weight);
          const t = b.build();
          const root = zoom % t.name.length;
          const projection = projectFlame(t, t.total, { root, widthPx: width, typeLeaves: true, colorBy: 'type' });
          const layout = layoutFlameCanvas(projection, width, icicle);
          const rows = icicle ? 0 : layout.height / CANVAS_CELL_HEIGHT - 1;
          const drawn = layout.frames.map((f) => ({
            name: f.name,
            x: f.x,
            width: f.width,
            depth: Math.abs(f.y / CANVAS_CELL_HEIGHT - rows),
          }));
          expect(drawn).toEqual(d3Boxes(projection, width));
        },
      ),
      { numRuns: 300, seed: 20261204 },
    );
  });
});

describe('first-paint canvas drawing', () => {
  const measure = (text: string) => text.length * 6;
  const frame = (width: number, name = 'macros/defs.bzl.generated_libraries'): CanvasFrame => ({
    x: 10,
    y: 36,
    width,
    name,
    fill: '#4e79a7',
    fade: false,
  });

  it('labels a frame as the live chart does: nothing under 35 px, else the fitted name', () => {
    expect(canvasLabel(frame(34.9), measure)).toBe('');
    expect(canvasLabel(frame(120), measure)).toBe(fitLabel(frame(120).name, 120 - 9, measure));
    expect(canvasLabel(frame(1000), measure)).toBe(frame(1000).name);
  });

  it('fills each box inside a clear 1 px edge, writes its label, and fades ancestors', () => {
    const calls: string[] = [];
    const ctx = {
      fillStyle: '' as FlameCanvasContext['fillStyle'],
      globalAlpha: 1,
      font: '',
      textBaseline: 'alphabetic' as CanvasTextBaseline,
      save() {
        calls.push('save');
      },
      restore() {
        calls.push('restore');
      },
      setTransform(...a: number[]) {
        calls.push(`transform ${a.join(',')}`);
      },
      clearRect(...a: number[]) {
        calls.push(`clear ${a.join(',')}`);
      },
      fillRect(...a: number[]) {
        calls.push(`rect ${a.join(',')} ${String(this.fillStyle)} ${this.globalAlpha}`);
      },
      fillText(text: string, x: number, y: number) {
        calls.push(`text ${text} ${x},${y} ${String(this.fillStyle)}`);
      },
      measureText: (text: string) => ({ width: measure(text) }),
    } satisfies FlameCanvasContext;
    const faded = { ...frame(200, 'all'), x: 0, y: 0, fade: true };
    drawFlameCanvas(ctx, { width: 400, height: 56, frames: [faded, frame(30)] }, 2);
    expect(calls).toEqual([
      'save',
      'transform 2,0,0,2,0,0',
      'clear 0,0,400,56',
      'rect 0.5,0.5,199,17 #4e79a7 0.6',
      'text all 4,9 #000',
      'rect 10.5,36.5,29,17 #4e79a7 1',
      'restore',
    ]);
    expect(ctx.font).toMatch(/^11px system-ui/);
  });
});
