// The page's side of the worker's first paint (worker/first-paint.ts): the canvas the preboot
// script put in the flamegraph's place (tools/worker-preboot-plugin.ts), which also gives it its
// text alternative when the worker says it drew, goes when the interactive chart is drawn.

/** The preboot script's canvas carries this class. */
export const FIRST_PAINT_CLASS = 'first-paint';

function canvasIn(root: ParentNode): HTMLCanvasElement | null {
  return root.querySelector<HTMLCanvasElement>(`canvas.${FIRST_PAINT_CLASS}`);
}

/** The interactive chart is drawn: the first picture goes. */
export function removeFirstPaint(root: ParentNode = document): void {
  canvasIn(root)?.remove();
}
