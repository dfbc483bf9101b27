import type { Coding } from '../model/coding.js';

/**
 * The codes a coder applied, per segment he or she reviewed. A segment with
 * only a "reviewed, none" row maps to an empty set; a segment with no row is
 * absent (not reviewed).
 */
export function groupCodesBySegment(codings: readonly Coding[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const c of codings) {
    let set = out.get(c.segment_id);
    if (!set) {
      set = new Set();
      out.set(c.segment_id, set);
    }
    if (c.code !== '') set.add(c.code);
  }
  return out;
}
