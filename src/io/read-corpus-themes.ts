import { CodedSegmentCursor } from '../core/analysis/coded-segment-cursor.js';
import { ExemplarCandidates } from '../core/analysis/exemplar-candidates.js';
import { computeCodeTerms, ExemplarPicker, ThemeCounts, type CodeTheme, type ThemesInput } from '../core/analysis/themes.js';
import type { CodingTable } from '../core/coding/coding-table.js';
import { ThemeDocument } from '../core/analysis/theme-document.js';
import { DocumentCoder } from '../core/match/code-document.js';
import { compileMatcher } from '../core/match/compile-matcher.js';
import { listCodes } from '../core/model/codebook.js';
import { forEachStudyDocument, type CompactStudy } from './read-segment-table.js';
import type { StudyOptions } from './read-study.js';

/**
 * computeThemes over a compact study, in one pass over the corpus a document
 * at a time: it counts the content terms of the coder's reviewed segments
 * (ThemeCounts), runs the matcher (the auto-coder's evidence) and keeps the
 * segments that may become exemplars (ExemplarCandidates); once the key
 * terms are known, each code's exemplars are picked among those
 * (ExemplarPicker). Only when too many segments tie for the most matches
 * does a second pass pick them from the corpus. Memory: the vocabulary per
 * code and the candidates kept, not the segments.
 */
export async function readCorpusThemes(
  study: CompactStudy,
  codings: CodingTable,
  input: Omit<ThemesInput, 'codebook' | 'coded' | 'evidence'> & { /** Bytes of exemplar candidates kept before a second pass is needed (ExemplarCandidates' default). */ candidateBudget?: number },
  options: Pick<StudyOptions, 'idColumn' | 'textColumn' | 'display'>,
): Promise<CodeTheme[]> {
  const counts = new ThemeCounts(listCodes(study.codebook).map((r) => r.code.id));
  const candidates = new ExemplarCandidates(input.exemplars, input.candidateBudget);
  const coder = input.exemplars > 0 ? new DocumentCoder(compileMatcher(study.codebook), study.unit) : null;
  const scan = new ThemeDocument(counts.terms, coder);
  let cursor = new CodedSegmentCursor(codings);
  await forEachStudyDocument(study, options, (k) => cursor.hasRows(k), (d, doc, segments) => {
    const { from } = study.segments.segmentsOf(d);
    scan.begin(doc.text);
    for (const { n, codes } of cursor.segmentsOf(d)) {
      const segment = segments[n - from]!;
      const terms = counts.addTerms(scan.terms(segment, true), codes);
      if (coder && codes.size > 0) candidates.add(segment.segment_id, segment.text, codes, terms, scan.matches(segment));
    }
  });
  const codeTerms = computeCodeTerms(counts, { ...input, codebook: study.codebook });
  const picker = new ExemplarPicker(codeTerms, input.exemplars, counts.terms);
  if (!coder) return picker.result();
  if (!candidates.overflowed) {
    candidates.pick(picker, codeTerms);
    return picker.result();
  }
  cursor = new CodedSegmentCursor(codings);
  await forEachStudyDocument(study, options, (k) => cursor.hasRows(k), (d, doc, segments) => {
    const { from } = study.segments.segmentsOf(d);
    scan.begin(doc.text);
    for (const { n, codes } of cursor.segmentsOf(d)) {
      const segment = segments[n - from]!;
      if (codes.size > 0) picker.add(segment.segment_id, segment.text, codes, scan.matches(segment), () => scan.terms(segment, false));
    }
  });
  return picker.result();
}
