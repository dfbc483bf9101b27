import type { Coding } from '../model/coding.js';
import { groupCodesBySegment } from '../coding/group-codings.js';
import type { Segment } from '../model/segment.js';

/** A segment one coder reviewed, with the code ids that coder applied to it. */
export interface CodedSegment {
  segment: Segment;
  codes: ReadonlySet<string>;
}

/**
 * The segments a coder reviewed, in corpus order. A segment counts as reviewed
 * when it has at least one row (a "reviewed, none" row has an empty code), so
 * a coder who saw only the double-coding sample is counted on that sample.
 */
export function indexCodedSegments(segments: readonly Segment[], codings: readonly Coding[]): CodedSegment[] {
  const codesBySegment = groupCodesBySegment(codings);
  return segments.flatMap((segment) => {
    const codes = codesBySegment.get(segment.segment_id);
    return codes ? [{ segment, codes }] : [];
  });
}
