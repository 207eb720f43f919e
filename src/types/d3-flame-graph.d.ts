// d3-flame-graph 5.0.0 ships no types (and @types/d3-flame-graph does not exist).
declare module 'd3-flame-graph' {
  import type { HierarchyRectangularNode } from 'd3-hierarchy';
  import type { Selection } from 'd3-selection';
  export type FrameNode<T = unknown> = HierarchyRectangularNode<T> & { id: number };
  export interface FlameGraph<T = unknown> {
    (selection: Selection<any, T, any, any>): void;
    width(): number;
    width(w: number): this;
    height(): number | null;
    height(h: number): this;
    cellHeight(): number;
    cellHeight(h: number): this;
    minFrameSize(): number;
    minFrameSize(px: number): this;
    transitionDuration(): number;
    transitionDuration(ms: number): this;
    title(t: string): this;
    sort(s: boolean | ((a: FrameNode<T>, b: FrameNode<T>) => number)): this;
    inverted(b: boolean): this;
    selfValue(b: boolean): this;
    onClick(f: (d: FrameNode<T>) => void): this;
    onHover(f: (d: FrameNode<T>) => void): this;
    setDetailsElement(el: HTMLElement | null): this;
    setColorMapper(f: (d: FrameNode<T>, originalColor: string) => string): this;
    setSearchMatch(f: (d: FrameNode<T>, term: string, ignoreCase?: boolean) => boolean): this;
    setLabelHandler(f: (d: FrameNode<T>) => string): this;
    tooltip(t: unknown): this;
    getName(f: (d: FrameNode<T>) => string): this;
    update(data?: T): this;
    resetZoom(): void;
    zoomTo(d: FrameNode<T>): void;
    search(term: string): void;
    clear(): void;
    destroy(): this;
    findById(id: number): FrameNode<T> | null;
  }
  export default function flamegraph<T = unknown>(): FlameGraph<T>;
  export function tooltip(): unknown;
  export function colorMapper(): unknown;
}
