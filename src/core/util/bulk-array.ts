// Loops for what `xs.push(...items)` and `Math.max(...items)` would do:
// spreading passes every element as an argument on the stack, and above some
// 100,000 elements V8 throws "Maximum call stack size exceeded" (issue 15).
// Diagnostics, rows and table bodies all grow with the data.

/** Appends every item to `target` (in order) and returns it. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `start` and the items (`start` for none). */
export function maxOf(start: number, items: Iterable<number>): number {
  let max = start;
  for (const x of items) if (x > max || Number.isNaN(x)) max = x;
  return max;
}

/** The smallest of `start` and the items (`start` for none). */
export function minOf(start: number, items: Iterable<number>): number {
  let min = start;
  for (const x of items) if (x < min || Number.isNaN(x)) min = x;
  return min;
}
