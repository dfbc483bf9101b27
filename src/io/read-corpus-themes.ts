import { CodedSegmentCursor } from '../core/analysis/coded-segment-cursor.js';
import { ExemplarCandidates } from '../core/analysis/exemplar-candidates.js';
import { computeCodeTerms, ExemplarPicker, ThemeCounts, type CodeTheme, type ThemesInput } from '../core/analysis/themes.js';
import type { CodingTable } from '../core/coding/coding-table.js';
import { ThemeDocument } from '../core/analysis/theme-document.js';
import { DocumentCoder } from '../core/match/code-document.js';
import { compileMatcher } from '../core/match/compile-matcher.js';
import { listCodes } from '../core/model/codebook.js';
import { forEachStudyTextBytes, type CompactStudy } from './read-segment-table.js';
import { segmentId } from '../core/model/segment.js';
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
  await forEachStudyTextBytes(study, options, (k) => cursor.hasRows(k), (d, doc) => {
    scan.beginBytes(doc);
    const segment = new SegmentInHand(study, doc, scan);
    for (const { n, codes } of cursor.segmentsOf(d)) {
      segment.move(n);
      const terms = counts.addTerms(scan.terms(segment, true), codes);
      if (coder && codes.size > 0) candidates.add(segment, codes, terms, scan.matches(segment));
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
  await forEachStudyTextBytes(study, options, (k) => cursor.hasRows(k), (d, doc) => {
    scan.beginBytes(doc);
    const segment = new SegmentInHand(study, doc, scan);
    for (const { n, codes } of cursor.segmentsOf(d)) {
      segment.move(n);
      if (codes.size > 0) picker.add(segment.id(), segment.text, codes, scan.matches(segment), () => scan.terms(segment, false));
    }
  });
  return picker.result();
}

/**
 * The reviewed segment in hand of a document of the pass: its offsets from
 * the table, its text and id made only when asked (most segments need
 * neither: their terms are read off the document's scan), as
 * forEachStudyDocument would make them. One object per document, moved from
 * segment to segment in document order.
 */
class SegmentInHand {
  start = 0;
  end = 0;
  private n = -1;
  private cut: string | null = null;

  constructor(
    private readonly study: CompactStudy,
    private readonly doc: { id: string },
    /** The document's scan, begun: its text is cut where the scan's cursor maps code points. */
    private readonly scan: ThemeDocument,
  ) {}

  move(n: number): void {
    this.n = n;
    this.start = this.study.segments.start(n);
    this.end = this.study.segments.end(n);
    this.cut = null;
  }

  get text(): string {
    return (this.cut ??= this.scan.slice(this.start, this.end));
  }

  id(): string {
    return segmentId(this.doc.id, this.study.unit, this.study.segments.index(this.n));
  }
}
