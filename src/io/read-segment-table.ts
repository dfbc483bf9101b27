import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Codebook, Unit } from '../core/model/codebook.js';
import type { Document } from '../core/model/document.js';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { QcodeError, diag, throwErrors } from '../core/diagnostics/qcode-error.js';
import { compileDropRule, isBoilerplate, type DropRule } from '../core/match/drop-boilerplate.js';
import { segmentId, type Segment } from '../core/model/segment.js';
import { computeTextSpans } from '../core/segment/compute-segments.js';
import type { TextSpan } from '../core/segment/text-span.js';
import { SegmentTableBuilder, type SegmentTable } from '../core/segment/segment-table.js';
import { stringTextBytes } from '../core/match/code-document.js';
import { codePointCursor } from '../core/util/code-point-cursor.js';
import { computeTextSha } from '../core/util/hash.js';
import { readCodebook } from './read-codebook.js';
import { fileFingerprint, readCorpusFingerprint, readSegmentIndex, segmentIndexKey, segmentIndexPath, writeSegmentIndex, type IndexedCorpus } from './segment-index.js';
import type { Project } from './read-project.js';
import { corpusColumns, documentLanguage, studyUnit, type StudyOptions } from './read-study.js';
import { streamDocuments } from './stream-documents.js';
import { CorpusChanged, corpusChangedError, decodePickedText, forEachPickedJsonlText, type PickedText } from './read-picked-jsonl.js';

/**
 * A study read in one streaming pass: what readStudy gives, with the
 * segments as a compact SegmentTable instead of Segment objects and the
 * documents without their text. Memory: the table (about 24 bytes a
 * segment), the documents' ids and metadata, and one document at a time.
 * It has every field a manifest entry needs (ProvenanceFacts).
 */
export interface CompactStudy {
  project: Project;
  codebook: Codebook;
  codebookSha256: string;
  corpusSha256: string;
  /** For a .csv/.jsonl corpus, sha256 of the file's bytes. */
  corpusFileSha256?: string;
  unit: Unit;
  /** The study's segments, boilerplate left out (ids given before dropping, as readStudy does). */
  segments: SegmentTable;
  /** Segments left out as boilerplate. */
  dropped: number;
  /** = segments.length (for manifest entries). */
  segmentCount: number;
  /** Warnings met on the way (errors are thrown). */
  diagnostics: Diagnostic[];
}

export interface SegmentTableOptions extends StudyOptions {
  /**
   * Hears each document with its kept segments, in corpus order, while the
   * table is built: how a command that writes per-segment text (the segments
   * file) does it in the same pass. Only then are Segment objects made, one
   * document's at a time.
   */
  onDocument?: (doc: Document, segments: readonly Segment[]) => void | Promise<void>;
}

/**
 * Reads the codebook and streams the corpus named by the project into a
 * SegmentTable. Problems are those of readStudy, thrown alike: any error in
 * the project, codebook or corpus is one QcodeError holding every diagnostic.
 */
export async function readSegmentTable(project: Project, options: SegmentTableOptions = {}): Promise<CompactStudy> {
  const display = options.display ?? ((p: string) => p);
  if (!project.codebookPath) throw new QcodeError([diag('QC102', 'no codebook given')]);
  if (!project.corpusPath) throw new QcodeError([diag('QC103', 'no corpus given')]);
  const corpusPath = project.corpusPath;
  const cb = await readCodebook(project.codebookPath, display(project.codebookPath));
  const codebook = cb.codebook;
  // A broken codebook still gets the corpus read, so every problem is reported at once.
  const unit = codebook ? studyUnit(options.unit, project, codebook) : 'document';
  const columns = corpusColumns(project, options);
  const study = (segments: SegmentTable, corpus: IndexedCorpus): CompactStudy => {
    const diagnostics = [...project.diagnostics, ...cb.diagnostics, ...corpus.diagnostics];
    throwErrors(diagnostics);
    return {
      project,
      codebook: codebook!,
      codebookSha256: cb.sha256,
      corpusSha256: corpus.corpusSha256,
      ...(corpus.fileSha256 ? { corpusFileSha256: corpus.fileSha256 } : {}),
      unit,
      segments,
      dropped: segments.dropped,
      segmentCount: segments.length,
      diagnostics,
    };
  };
  const key = codebook ? segmentIndexKey(project, codebook, unit, columns, display) : null;
  const indexFile = key ? segmentIndexPath(project.outDir, key) : null;
  // The fingerprint is taken before the pass, so an index never claims bytes newer than those segmented; a file's pass hashes its own bytes,
  // so a file is hashed beforehand only to check an index that is there (a gigabyte is seconds of hashing), a folder only where an index can be written.
  let fingerprint: string | null = null;
  const needed = key && ((await isFolder(corpusPath)) ? existsSync(project.outDir) : !options.onDocument && existsSync(indexFile!));
  if (needed) fingerprint = await readCorpusFingerprint(corpusPath);
  if (key && fingerprint && !options.onDocument) {
    const indexed = readSegmentIndex(indexFile!, key, fingerprint);
    if (indexed) return study(indexed.segments, indexed);
  }
  const builder = new SegmentTableBuilder(unit);
  const drop = compileDropRule(project.settings.drop);
  const stream = streamDocuments(corpusPath, columns, display);
  for await (const doc of stream.documents) {
    builder.addDocument(doc);
    if (!codebook) continue;
    const kept: Segment[] | undefined = options.onDocument ? [] : undefined;
    builder.dropped += eachKeptSegment(doc, unit, documentLanguage(doc, codebook), drop, (index, span, text) => {
      builder.addSegment(index, span.cpStart, span.cpEnd, computeTextSha(text));
      kept?.push({ segment_id: segmentId(doc.id, unit, index), doc_id: doc.id, unit, index, start: span.cpStart, end: span.cpEnd, text });
    });
    if (kept) await options.onDocument!(doc, kept);
  }
  const end = stream.end();
  const segments = builder.finish();
  const result = study(segments, end);
  // A folder is hashed again after the pass: a file edited during it (then put back) must not leave a mixed table behind the old bytes.
  const written = end.fileSha256 ? fileFingerprint(end.fileSha256) : fingerprint !== null && fingerprint === (await readCorpusFingerprint(corpusPath)) ? fingerprint : null;
  if (key && written) await writeSegmentIndex(indexFile!, key, written, segments, end);
  return result;
}

async function isFolder(p: string): Promise<boolean> {
  return (await stat(p).catch(() => null))?.isDirectory() === true;
}

/** Calls back for each segment of a document that is not boilerplate, with its index (given before dropping), span and text; returns how many were dropped. */
function eachKeptSegment(doc: Document, unit: Unit, language: string, drop: DropRule | null, visit: (index: number, span: TextSpan, text: string) => void): number {
  const text = doc.text;
  const spans = computeTextSpans(text, unit, language);
  let dropped = 0;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    const segmentText = text.slice(span.start, span.end);
    if (drop && isBoilerplate(drop, segmentText)) dropped++;
    else visit(i + 1, span, segmentText);
  }
  return dropped;
}

/**
 * A second streaming pass over a compact study's corpus, for a command that
 * prints text (a sample's, an export's): each document `want` picks (by its
 * number in study.segments.documents) with its segments, exactly those of
 * the table (the same units, language and drop:), one document at a time.
 * The corpus is read again, so a corpus changed between the passes is
 * reported (QC010) rather than mixed.
 */
export async function forEachStudyDocument(
  study: CompactStudy,
  options: Pick<StudyOptions, 'idColumn' | 'textColumn' | 'display'>,
  want: (doc: number) => boolean,
  visit: (doc: number, document: Document, segments: readonly Segment[]) => void | Promise<void>,
): Promise<void> {
  const { unit } = study;
  const t = study.segments;
  await forEachStudyText(study, options, want, async (d, doc) => {
    // The table's segments sliced out by their code-point offsets: no second segmentation, no index per character.
    const at = codePointCursor(doc.text);
    const segments: Segment[] = [];
    for (let n = t.segmentsOf(d).from, to = t.segmentsOf(d).to; n < to; n++) {
      const index = t.index(n);
      segments.push({ segment_id: segmentId(doc.id, unit, index), doc_id: doc.id, unit, index, start: t.start(n), end: t.end(n), text: doc.text.slice(at(t.start(n)), at(t.end(n))) });
    }
    await visit(d, doc, segments);
  });
}

/**
 * forEachStudyDocument without the segments made: each document `want`
 * picks, with its number, for a pass that finds its segments in the table
 * itself (themes: offsets for every reviewed segment, text for a few).
 */
export async function forEachStudyText(
  study: CompactStudy,
  options: Pick<StudyOptions, 'idColumn' | 'textColumn' | 'display'>,
  want: (doc: number) => boolean,
  visit: (doc: number, document: Document) => void | Promise<void>,
): Promise<void> {
  const t = study.segments;
  const source = { file: options.display?.(study.project.corpusPath!) ?? study.project.corpusPath! };
  // Metadata from the table: only the id was parsed from the line.
  const picked = (d: number, text: PickedText) => visit(d, { id: text.id, metadata: t.documents[d]!.metadata, source, text: decodePickedText(text) });
  if (!(await forEachPickedStudyText(study, options, want, picked))) await forEachStreamedStudyText(study, options, want, visit);
}

/**
 * forEachStudyText for a pass that scans each text and needs the string
 * only after (themes): a JSONL corpus's text fields are handed over as the
 * bytes they are in the file (forEachPickedJsonlText), any other corpus's
 * texts as their UTF-8 JSON form.
 */
export async function forEachStudyTextBytes(
  study: CompactStudy,
  options: Pick<StudyOptions, 'idColumn' | 'textColumn' | 'display'>,
  want: (doc: number) => boolean,
  visit: (doc: number, text: PickedText) => void | Promise<void>,
): Promise<void> {
  if (!(await forEachPickedStudyText(study, options, want, visit))) {
    await forEachStreamedStudyText(study, options, want, (d, doc) => visit(d, { id: doc.id, ...stringTextBytes(doc.text) }));
  }
}

/**
 * The second pass over a JSONL file whose bytes the first pass hashed: only
 * the documents wanted are read (the text field where it lies, the rest of
 * the line for the id), those of the table's ids are visited, and the bytes'
 * hash tells a changed file (QC010). False, with nothing read, for any other
 * corpus.
 */
async function forEachPickedStudyText(
  study: CompactStudy,
  options: Pick<StudyOptions, 'idColumn' | 'textColumn' | 'display'>,
  want: (doc: number) => boolean,
  visit: (doc: number, text: PickedText) => void | Promise<void>,
): Promise<boolean> {
  const corpusPath = study.project.corpusPath!;
  if (!(study.corpusFileSha256 && (await isJsonlFile(corpusPath)))) return false;
  const t = study.segments;
  const sha256 = await forEachPickedJsonlText(corpusPath, corpusColumns(study.project, options), want, async (d, text) => {
    if (t.documents[d]?.id === text.id) await visit(d, text);
  }).catch((e: unknown) => Promise.reject(e instanceof CorpusChanged ? corpusChanged(corpusPath, options) : e));
  if (sha256 !== study.corpusFileSha256) throw corpusChanged(corpusPath, options);
  return true;
}

/** The second pass over any other corpus: every document streamed, those wanted of the table's ids visited, the corpus hash compared (QC010). */
async function forEachStreamedStudyText(
  study: CompactStudy,
  options: Pick<StudyOptions, 'idColumn' | 'textColumn' | 'display'>,
  want: (doc: number) => boolean,
  visit: (doc: number, document: Document) => void | Promise<void>,
): Promise<void> {
  const corpusPath = study.project.corpusPath!;
  const t = study.segments;
  const stream = streamDocuments(corpusPath, corpusColumns(study.project, options), options.display);
  let d = -1;
  for await (const doc of stream.documents) {
    d++;
    if (want(d) && t.documents[d]?.id === doc.id) await visit(d, doc);
  }
  if (stream.end().corpusSha256 !== study.corpusSha256) throw corpusChanged(corpusPath, options);
}

function corpusChanged(corpusPath: string, options: Pick<StudyOptions, 'display'>): QcodeError {
  return corpusChangedError(options.display?.(corpusPath) ?? corpusPath);
}

export async function isJsonlFile(file: string): Promise<boolean> {
  return path.extname(file).toLowerCase() === '.jsonl' && (await stat(file).catch(() => null))?.isFile() === true;
}

/**
 * The segments at `positions` (segment numbers of study.segments, ascending)
 * with their text, a document at a time: `visit` hears each document's picks
 * with `at`, their index in `positions`, and `of`, their index in the
 * document's segments (given too, with the document, for context). A second
 * pass over the corpus (forEachStudyDocument) that segments only the
 * documents holding a pick.
 */
export async function forEachSegmentAt(
  study: CompactStudy,
  positions: ArrayLike<number>,
  options: Pick<StudyOptions, 'idColumn' | 'textColumn' | 'display'>,
  visit: (picked: readonly { at: number; of: number; segment: Segment }[], segments: readonly Segment[], doc: Document) => void | Promise<void>,
): Promise<void> {
  const t = study.segments;
  const docs = new Set<number>();
  for (let i = 0; i < positions.length; i++) docs.add(t.doc(positions[i]!));
  let i = 0;
  await forEachStudyDocument(study, options, (d) => docs.has(d), async (d, doc, segments) => {
    const { from, to } = t.segmentsOf(d);
    const picked: { at: number; of: number; segment: Segment }[] = [];
    for (; i < positions.length && positions[i]! < to; i++) picked.push({ at: i, of: positions[i]! - from, segment: segments[positions[i]! - from]! });
    await visit(picked, segments, doc);
  });
}
