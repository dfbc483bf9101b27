import { CodedSegmentCursor } from '../core/analysis/coded-segment-cursor.js';
import { computeCodeTerms, ExemplarPicker, type CodeTheme, type ThemesInput } from '../core/analysis/themes.js';
import type { CodingTable } from '../core/coding/coding-table.js';
import { forEachStudyTextBytes, type CompactStudy } from './read-segment-table.js';
import type { StudyOptions } from './read-study.js';
import { SegmentInHand, ThemesPass } from './themes-pass.js';
import { countThemesInSlices } from './themes-thread.js';

/**
 * computeThemes over a compact study, in one pass over the corpus a document
 * at a time (ThemesPass: content-term counts, the matcher's evidence, the
 * segments that may become exemplars; a large JSONL file in slices on worker
 * threads, countThemesInSlices, with the same result); once the key terms are
 * known, each code's exemplars are picked among those (ExemplarPicker). Only
 * when too many segments tie for the most matches does a second pass pick
 * them from the corpus. Memory: the vocabulary per code and the candidates
 * kept, not the segments.
 */
export async function readCorpusThemes(
  study: CompactStudy,
  codings: CodingTable,
  input: Omit<ThemesInput, 'codebook' | 'coded' | 'evidence'> & {
    /** Bytes of exemplar candidates kept before a second pass is needed (ExemplarCandidates' default). */
    candidateBudget?: number;
    /** Slices of a JSONL corpus file counted apart (default: one per core, for a large file, when threads can start). */
    slices?: number;
  },
  options: Pick<StudyOptions, 'idColumn' | 'textColumn' | 'display'>,
): Promise<CodeTheme[]> {
  const pass = new ThemesPass(study.segments, codings, study.codebook, input.exemplars, input.candidateBudget);
  if (!(await countThemesInSlices(study, codings, pass, input, options, input.slices))) await forEachStudyTextBytes(study, options, pass.want, pass.visit);
  const { counts, candidates, coder, scan } = pass;
  const codeTerms = computeCodeTerms(counts, { ...input, codebook: study.codebook });
  const picker = new ExemplarPicker(codeTerms, input.exemplars, counts.terms);
  if (!coder) return picker.result();
  if (!candidates.overflowed) {
    candidates.pick(picker, codeTerms);
    return picker.result();
  }
  const cursor = new CodedSegmentCursor(codings);
  await forEachStudyTextBytes(study, options, (k) => cursor.hasRows(k), (d, doc) => {
    scan.beginBytes(doc);
    const segment = new SegmentInHand(study.segments, doc, scan);
    for (const { n, codes } of cursor.segmentsOf(d)) {
      segment.move(n);
      if (codes.size > 0) picker.add(segment.id(), segment.text, codes, scan.matches(segment), () => scan.terms(segment, false));
    }
  });
  return picker.result();
}
