import type { Segment } from '../model/segment.js';
import { computeTextSha } from '../util/hash.js';

/** Each segment's text fingerprint by id, for the coding rows the streamed coder writes. */
export function textShaById(segments: readonly Segment[]): Map<string, string> {
  return new Map(segments.map((s) => [s.segment_id, computeTextSha(s.text)]));
}
