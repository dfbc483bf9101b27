import type { Hash } from 'node:crypto';
import { CodedSegmentCursor } from '../core/analysis/coded-segment-cursor.js';
import { ExemplarCandidates, type CandidateTally } from '../core/analysis/exemplar-candidates.js';
import { ThemeDocument } from '../core/analysis/theme-document.js';
import { ThemeCounts, type ThemeTally } from '../core/analysis/themes.js';
import type { CodingTable } from '../core/coding/coding-table.js';
import type { ColumnNames } from '../core/corpus/parse-table-corpus.js';
import { DocumentCoder } from '../core/match/code-document.js';
import { compileMatcher } from '../core/match/compile-matcher.js';
import { listCodes, type Codebook } from '../core/model/codebook.js';
import { segmentId } from '../core/model/segment.js';
import type { SegmentTable } from '../core/segment/segment-table.js';
import { CorpusChanged, corpusChangedError, forEachPickedJsonlRange, type JsonlRange, type PickedText } from './read-picked-jsonl.js';

/** What a slice of a themes pass counted, as plain data (a worker thread's answer). */
export interface ThemesTally {
  counts: ThemeTally;
  candidates: CandidateTally;
}

/**
 * The first pass of themes over some documents of the corpus, in corpus
 * order, a document at a time: the content terms of the coder's reviewed
 * segments counted (ThemeCounts), the matcher run (the auto-coder's
 * evidence) and the segments that may become exemplars kept
 * (ExemplarCandidates). A later slice of the corpus, counted apart (on
 * another thread), is absorbed after it.
 */
export class ThemesPass {
  readonly counts: ThemeCounts;
  readonly candidates: ExemplarCandidates;
  /** Null when no exemplars are wanted: the words alone are scanned. */
  readonly coder: DocumentCoder | null;
  readonly scan: ThemeDocument;
  private readonly cursor: CodedSegmentCursor;

  constructor(
    private readonly segments: SegmentTable,
    codings: CodingTable,
    codebook: Codebook,
    exemplars: number,
    candidateBudget?: number,
    /** The first document the pass is given (a slice's). */
    firstDoc = 0,
  ) {
    this.counts = new ThemeCounts(listCodes(codebook).map((r) => r.code.id));
    this.candidates = new ExemplarCandidates(exemplars, candidateBudget);
    this.coder = exemplars > 0 ? new DocumentCoder(compileMatcher(codebook), segments.unit) : null;
    this.scan = new ThemeDocument(this.counts.terms, this.coder);
    this.cursor = new CodedSegmentCursor(codings, firstDoc < segments.documents.length ? segments.segmentsOf(firstDoc).from : segments.length);
  }

  /** Whether document d (asked in corpus order) has a reviewed segment. */
  readonly want = (d: number): boolean => this.cursor.hasRows(d);

  /** Document d's text, as bytes: its reviewed segments counted and offered as candidates. */
  readonly visit = (d: number, doc: PickedText): void => {
    const { scan, counts, candidates } = this;
    scan.beginBytes(doc);
    const segment = new SegmentInHand(this.segments, doc, scan);
    for (const { n, codes } of this.cursor.segmentsOf(d)) {
      segment.move(n);
      const terms = counts.addTerms(scan.terms(segment, true), codes);
      if (this.coder && codes.size > 0) candidates.add(segment, codes, terms, scan.matches(segment));
    }
  };

  tally(): ThemesTally {
    return { counts: this.counts.tally(), candidates: this.candidates.tally() };
  }

  /** Adds what the pass over the next slice of the corpus counted. */
  absorb(t: ThemesTally): void {
    this.candidates.absorb(t.candidates, this.counts.absorb(t.counts));
  }
}

/** A slice of a JSONL corpus for a themes pass: the file, its columns, the range and the documents that must end it. */
export interface ThemesSliceJob {
  file: string;
  /** The corpus as shown in messages. */
  shownFile: string;
  columns: ColumnNames;
  range: JsonlRange;
  /** The number of documents up to the range's end (the next range's first): the file must still hold them there. */
  endDoc: number;
  codebook: Codebook;
  exemplars: number;
  candidateBudget?: number | undefined;
}

/**
 * A ThemesPass over a slice of a JSONL corpus file. A slice that no longer
 * holds as many documents as it did means the corpus changed (QC010); so
 * does any other change, which the caller finds by hashing the whole file
 * (into `hash`, for the first slice's; a worker thread knows no ids).
 */
export async function countThemesRange(segments: SegmentTable, codings: CodingTable, job: ThemesSliceJob, pass?: ThemesPass, hash?: Hash): Promise<ThemesPass> {
  const p = pass ?? new ThemesPass(segments, codings, job.codebook, job.exemplars, job.candidateBudget, job.range.firstDoc);
  const documents = await forEachPickedJsonlRange(job.file, job.columns, job.range, p.want, p.visit, hash ?? null).catch((e: unknown) =>
    Promise.reject(e instanceof CorpusChanged ? corpusChangedError(job.shownFile) : e),
  );
  if (documents !== job.endDoc) throw corpusChangedError(job.shownFile);
  return p;
}

/**
 * The reviewed segment in hand of a document of the pass: its offsets from
 * the table, its text and id made only when asked (most segments need
 * neither: their terms are read off the document's scan), as
 * forEachStudyDocument would make them. One object per document, moved from
 * segment to segment in document order.
 */
export class SegmentInHand {
  start = 0;
  end = 0;
  private n = -1;
  private cut: string | null = null;

  constructor(
    private readonly segments: SegmentTable,
    private readonly doc: { id: string },
    /** The document's scan, begun: its text is cut where the scan's cursor maps code points. */
    private readonly scan: ThemeDocument,
  ) {}

  move(n: number): void {
    this.n = n;
    this.start = this.segments.start(n);
    this.end = this.segments.end(n);
    this.cut = null;
  }

  get text(): string {
    return (this.cut ??= this.scan.slice(this.start, this.end));
  }

  id(): string {
    return segmentId(this.doc.id, this.segments.unit, this.segments.index(this.n));
  }
}
