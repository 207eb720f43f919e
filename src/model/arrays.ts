// Loops instead of spread arguments: `f(...xs)` puts every element of xs on the call stack, and
// V8 throws "Maximum call stack size exceeded" somewhere past ~100k of them (issue 17: 150k loads
// in `report`, 130k functions in Callers/callees). Use these wherever the count is the input's.

/** The largest of `values`, or `floor` when none is larger (`Math.max(floor, ...values)`). */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** The smallest of `values`, or `ceiling` when none is smaller (`Math.min(ceiling, ...values)`). */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let min = ceiling;
  for (const v of values) if (v < min) min = v;
  return min;
}

/** Appends every item to `target` (`target.push(...items)`) and returns it. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
