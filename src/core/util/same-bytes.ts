/** Whether a[aFrom, aTo) and b[bFrom, bTo) hold the same bytes: a loop, as the ranges compared are short words and ids, where a subarray per call would cost more. */
export function sameBytes(a: Uint8Array, aFrom: number, aTo: number, b: Uint8Array, bFrom: number, bTo: number): boolean {
  if (aTo - aFrom !== bTo - bFrom) return false;
  for (let i = 0; i < aTo - aFrom; i++) if (a[aFrom + i] !== b[bFrom + i]) return false;
  return true;
}
