import type { Codebook } from '../model/codebook.js';
import { listCodes } from '../model/codebook.js';
import type { Segment } from '../model/segment.js';
import type { Coding } from '../model/coding.js';

/**
 * Canonical order: corpus order of segments, then codebook order of codes,
 * a "reviewed, none" row first. Unknown ids sort last by text so the order
 * is total and a file always comes out the same.
 */
export function sortCodings(codings: readonly Coding[], codebook: Codebook, segments: readonly Segment[]): Coding[] {
  const segOrder = new Map(segments.map((s, i) => [s.segment_id, i]));
  const codeOrder = new Map(listCodes(codebook).map((r) => [r.code.id, r.order]));
  const rank = (m: Map<string, number>, k: string) => (k === '' ? -1 : m.get(k) ?? Number.MAX_SAFE_INTEGER);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...codings].sort(
    (a, b) =>
      rank(segOrder, a.segment_id) - rank(segOrder, b.segment_id) ||
      cmp(a.segment_id, b.segment_id) ||
      cmp(a.coder, b.coder) ||
      rank(codeOrder, a.code) - rank(codeOrder, b.code) ||
      cmp(a.code, b.code) ||
      cmp(a.memo, b.memo),
  );
}
