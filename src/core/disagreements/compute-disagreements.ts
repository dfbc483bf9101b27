import type { Codebook } from '../model/codebook.js';
import { listCodes } from '../model/codebook.js';
import type { CoderCodings } from '../model/coder.js';
import { groupCodesBySegment } from '../coding/group-codings.js';
import type { Segment } from '../model/segment.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { warn } from '../diagnostics/qcode-error.js';


/** One segment × code on which two coders differ; a and b are 1 (applied) or 0. */
export interface DisagreementRow {
  segment_id: string;
  doc_id: string;
  category: string;
  code: string;
  a: 0 | 1;
  b: 0 | 1;
  text: string;
  definition: string;
}

export interface Disagreements {
  coders: [string, string];
  rows: DisagreementRow[];
  /** Segments both coders reviewed, in corpus order: the only ones compared. */
  common: string[];
  /** Of those, how many the coders coded identically. */
  agreedSegments: number;
  diagnostics: Diagnostic[];
}

/**
 * Every segment × code where two coders differ, over the segments both
 * reviewed (a segment one of them never saw is not a disagreement). Rows in
 * corpus order, then codebook order.
 */
export function computeDisagreements(
  codebook: Codebook,
  segments: readonly Segment[],
  a: CoderCodings,
  b: CoderCodings,
): Disagreements {
  const setsA = groupCodesBySegment(a.codings);
  const setsB = groupCodesBySegment(b.codings);
  const codes = listCodes(codebook);
  const rows: DisagreementRow[] = [];
  const common: string[] = [];
  let agreedSegments = 0;
  for (const seg of segments) {
    const sa = setsA.get(seg.segment_id);
    const sb = setsB.get(seg.segment_id);
    if (!sa || !sb) continue;
    common.push(seg.segment_id);
    let differs = false;
    for (const { code, category } of codes) {
      const va = sa.has(code.id) ? 1 : 0;
      const vb = sb.has(code.id) ? 1 : 0;
      if (va === vb) continue;
      differs = true;
      rows.push({
        segment_id: seg.segment_id,
        doc_id: seg.doc_id,
        category: category.id,
        code: code.id,
        a: va,
        b: vb,
        text: seg.text,
        definition: code.definition,
      });
    }
    if (!differs) agreedSegments++;
  }
  const diagnostics: Diagnostic[] = [];
  if (common.length === 0) {
    diagnostics.push(warn('QC512', `${a.coder} and ${b.coder} have no reviewed segment in common`));
  }
  return { coders: [a.coder, b.coder], rows, common, agreedSegments, diagnostics };
}
