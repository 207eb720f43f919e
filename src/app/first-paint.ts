// The page's side of the worker's first paint (worker/first-paint.ts): the canvas the preboot
// script put in the flamegraph's place (tools/worker-preboot-plugin.ts) gets its text
// alternative when drawn, and goes when the interactive chart is drawn.

/** The preboot script's canvas carries this class. */
export const FIRST_PAINT_CLASS = 'first-paint';

function canvasIn(root: ParentNode): HTMLCanvasElement | null {
  return root.querySelector<HTMLCanvasElement>(`canvas.${FIRST_PAINT_CLASS}`);
}

/** The worker drew the canvas: say what it shows (untrusted names, set as an attribute value). */
export function describeFirstPaint(description: string, root: ParentNode = document): void {
  const canvas = canvasIn(root);
  if (!canvas) return;
  canvas.setAttribute('aria-label', description);
  canvas.removeAttribute('aria-hidden');
  canvas.dataset.painted = '1';
}

/** The interactive chart is drawn: the first picture goes. */
export function removeFirstPaint(root: ParentNode = document): void {
  canvasIn(root)?.remove();
}
