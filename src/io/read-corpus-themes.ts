import { CodedSegmentCursor } from '../core/analysis/coded-segment-cursor.js';
import { computeCodeTerms, ExemplarPicker, ThemeCounts, type CodeTheme, type ThemesInput } from '../core/analysis/themes.js';
import type { CodingTable } from '../core/coding/coding-table.js';
import { DocumentCoder } from '../core/match/code-document.js';
import { compileMatcher } from '../core/match/compile-matcher.js';
import { listCodes } from '../core/model/codebook.js';
import { forEachStudyDocument, type CompactStudy } from './read-segment-table.js';
import type { StudyOptions } from './read-study.js';

/**
 * computeThemes over a compact study, in two passes over the corpus a
 * document at a time: the first counts the content terms of the coder's
 * reviewed segments (ThemeCounts), the second, once the key terms are known,
 * runs the matcher (the auto-coder's evidence) and picks each code's
 * exemplars (ExemplarPicker). Memory: the vocabulary per code and the
 * exemplars kept, not the segments.
 */
export async function readCorpusThemes(
  study: CompactStudy,
  codings: CodingTable,
  input: Omit<ThemesInput, 'codebook' | 'coded' | 'evidence'>,
  options: Pick<StudyOptions, 'idColumn' | 'textColumn' | 'display'>,
): Promise<CodeTheme[]> {
  const counts = new ThemeCounts(listCodes(study.codebook).map((r) => r.code.id));
  let cursor = new CodedSegmentCursor(codings);
  await forEachStudyDocument(study, options, (k) => cursor.hasRows(k), (d, _doc, segments) => {
    const { from } = study.segments.segmentsOf(d);
    for (const { n, codes } of cursor.segmentsOf(d)) counts.add(segments[n - from]!.text, codes);
  });
  const picker = new ExemplarPicker(computeCodeTerms(counts, { ...input, codebook: study.codebook }), input.exemplars, counts.terms);
  if (input.exemplars === 0) return picker.result();
  const coder = new DocumentCoder(compileMatcher(study.codebook), study.unit);
  cursor = new CodedSegmentCursor(codings);
  await forEachStudyDocument(study, options, (k) => cursor.hasRows(k), (d, doc, segments) => {
    const { from } = study.segments.segmentsOf(d);
    const evidence = coder.evidence(doc, segments);
    for (const { n, codes } of cursor.segmentsOf(d)) {
      const found = evidence[n - from]!;
      picker.add(segments[n - from]!.segment_id, segments[n - from]!.text, codes, (code) => found.reduce((k, e) => k + (e.code === code ? 1 : 0), 0));
    }
  });
  return picker.result();
}
