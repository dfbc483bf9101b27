/**
 * A copy of `a` with twice the room: how the growable typed-array columns
 * (match runs, token logs, interners, CSV records) make space.
 */
export function growInt32(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
