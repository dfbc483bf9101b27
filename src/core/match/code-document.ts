import { documentDigestOfParts } from '../corpus/compute-corpus-hash.js';
import { normalizeText } from '../corpus/normalize-text.js';
import type { Unit } from '../model/codebook.js';
import type { Document } from '../model/document.js';
import type { Segment } from '../model/segment.js';
import { computeTextSha, computeTextShaOfBytes } from '../util/hash.js';
import { isBoilerplate, type DropRule } from './drop-boilerplate.js';
import { computeTextSpans } from '../segment/compute-segments.js';
import { SENTENCE_FIELDS, splitSentenceBytes } from '../segment/split-sentences.js';
import type { RowText } from './spill-long-rows.js';
import type { Matcher } from './compile-matcher.js';
import { JsonContentBytes, decodeJsonSlice, decodeJsonString, decodeScannedJson } from './decode-json-slice.js';
import { collectEvidence, type Evidence } from './evidence.js';
import { DocumentRowWriter, type RowSegment } from './format-document-rows.js';
import { MatchRun, type TokenLog } from './match-run.js';
import { SegmentResolver, type SegmentMatches } from './resolve-segment.js';
import { newScanExtent } from './scan-json-bytes.js';
import { scanJsonStringFast } from './scan-kernel.js';

const encoder = new TextEncoder();
/** A segment's bytes as the string slice they are (a U+FEFF kept wherever it stands, as the document's decoding keeps it). */
const segmentDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * A text as the scanner reads it: JSON string content, buf[from, to), with
 * the opening quote at buf[from - 1] and the closing one at buf[to].
 * `trusted` when the text is already normalised (it was a string, re-encoded
 * by jsonTextBytes); bytes straight from a JSONL file are not.
 */
export interface TextBytes {
  buf: Uint8Array;
  from: number;
  to: number;
  trusted: boolean;
}

/** A string's TextBytes (trusted: a string in memory is normalised). */
export function stringTextBytes(text: string): TextBytes {
  const buf = jsonTextBytes(text);
  return { buf, from: 1, to: buf.length - 1, trusted: true };
}

/** One document for the coder: its id and language, and its text's bytes. */
export interface DocumentBytes extends TextBytes {
  id: string;
  /** BCP 47 tag for the sentence rules. */
  language: string;
  /** The canonical line's head (canonicalHead), for the document's digest; null when no digest is wanted. */
  head: string | null;
  /** The document's metadata, normalised, where the reader has it (the segments file's table keeps it). */
  metadata?: Record<string, string>;
}

/** A text as the scanner reads any text: JSON.stringify's form, as UTF-8, with its quotes (content at [1, length - 1)). */
export function jsonTextBytes(text: string): Uint8Array {
  return encoder.encode(JSON.stringify(text));
}

/** What coding one document gave. */
export interface DocumentOutcome {
  segments: number;
  matches: number;
  /** Segments given a code. */
  coded: number;
  /** True when the text is only white space (no segments). */
  blank: boolean;
  /** sha256 of the canonical line, when a head was given. */
  digest: Uint8Array | null;
}

/**
 * The auto-coder for one document at a time, from bytes: the one scanner
 * over the text, the unit's segments, the decision rule per segment, and
 * either the rows of the coding and evidence files (`code`) or Evidence
 * objects (`evidence`). Text that must be normalised first is decoded,
 * normalised and scanned again as JSON.stringify writes it, so every path
 * scans the same normalised text.
 */
export class DocumentCoder {
  readonly run: MatchRun;
  private readonly resolver: SegmentResolver;
  private readonly extent = newScanExtent();
  private readonly content = new JsonContentBytes();
  /** splitSentenceBytes's output, reused from document to document. */
  private readonly sentences: number[] = [];
  private readonly writer: DocumentRowWriter | null;

  constructor(
    readonly m: Matcher,
    readonly unit: Unit,
    private readonly options: { coder?: string; jsonlCodings?: boolean; drop?: DropRule | null } = {},
  ) {
    this.run = new MatchRun(m);
    this.resolver = new SegmentResolver(m);
    this.writer = options.coder === undefined ? null : new DocumentRowWriter(m, options.coder, options.jsonlCodings ?? false);
  }

  /** Scans the document; returns the buffer and bounds actually scanned (the normalised re-encoding when the bytes needed normalising). */
  private scan(doc: TextBytes): { buf: Uint8Array; from: number; to: number; reencoded: boolean; text: string | null } {
    const run = this.run;
    run.reset();
    run.tokenLog?.reset(doc.buf);
    if (scanJsonStringFast(run, doc.buf, doc.from, doc.to, this.extent, doc.trusted)) {
      return { buf: doc.buf, from: doc.from, to: doc.to, reencoded: false, text: null };
    }
    const text = normalizeText(decodeJsonString(doc.buf, doc.from, doc.to, false));
    const buf = jsonTextBytes(text);
    run.reset();
    run.tokenLog?.reset(buf);
    scanJsonStringFast(run, buf, 1, buf.length - 1, this.extent, true);
    return { buf, from: 1, to: buf.length - 1, reencoded: true, text };
  }

  /**
   * The segments of the scanned text, as computeSegments cuts them, each with
   * its text's fingerprint (the coding rows' text_sha); those the study's
   * `drop:` rule finds boilerplate are left out (ids are given first, so the
   * others keep theirs). `all` counts them before dropping.
   */
  private segments(doc: DocumentBytes, scanned: { buf: Uint8Array; from: number; to: number; text: string | null }): { spans: RowSegment[]; all: number } {
    const wantText = this.m.regexPatterns.length > 0;
    const drop = this.options.drop ?? null;
    if (this.unit === 'document' && !wantText && drop === null) {
      // The one segment is the trimmed text, which the scan has bounded: no string of the document is made.
      const e = this.extent;
      if (e.first < 0) return { spans: [], all: 0 };
      const sha = computeTextShaOfBytes(this.content.of(scanned.buf, e.firstUnit, e.lastUnit));
      return { spans: [{ index: 1, start: e.first, end: e.last, text: null, sha }], all: 1 };
    }
    if (this.unit === 'sentence') {
      const bytes = this.content.of(scanned.buf, scanned.from, scanned.to);
      // A lone surrogate escape is U+FFFD in the bytes but itself in the string: such a text takes the string path.
      if (!this.content.replaced) return this.sentenceSegments(bytes, doc.language, wantText, drop);
    }
    const text = scanned.text ?? decodeScannedJson(this.content, scanned.buf, scanned.from, scanned.to);
    const all = computeTextSpans(text, this.unit, doc.language);
    const spans: RowSegment[] = [];
    all.forEach((s, i) => {
      const segText = text.slice(s.start, s.end);
      if (drop && isBoilerplate(drop, segText)) return;
      spans.push({ index: i + 1, start: s.cpStart, end: s.cpEnd, text: wantText ? segText : null, sha: computeTextSha(segText) });
    });
    return { spans, all: all.length };
  }

  /**
   * The sentences of a text's UTF-8 `bytes` (the scanned content resolved):
   * fingerprints from the bytes, no string of the document or of a sentence,
   * except the sentences' texts that regex patterns or a `drop:` rule read.
   */
  private sentenceSegments(bytes: Uint8Array, language: string, wantText: boolean, drop: DropRule | null): { spans: RowSegment[]; all: number } {
    const found = this.sentences;
    splitSentenceBytes(bytes, language, found);
    const spans: RowSegment[] = [];
    for (let k = 0, index = 1; k < found.length; k += SENTENCE_FIELDS, index++) {
      const segment = bytes.subarray(found[k]!, found[k + 1]!);
      const segText = wantText || drop ? segmentDecoder.decode(segment) : null;
      if (drop && isBoilerplate(drop, segText!)) continue;
      spans.push({ index, start: found[k + 2]!, end: found[k + 3]!, text: wantText ? segText : null, sha: computeTextShaOfBytes(segment) });
    }
    return { spans, all: found.length / SENTENCE_FIELDS };
  }

  private digest(doc: DocumentBytes, scanned: { buf: Uint8Array; from: number; to: number; reencoded: boolean }): Uint8Array | null {
    if (doc.head === null) return null;
    const exact = scanned.reencoded || doc.trusted || this.extent.canonical;
    const text = exact ? scanned.buf.subarray(scanned.from, scanned.to) : jsonTextBytes(decodeJsonSlice(scanned.buf, scanned.from, scanned.to)).subarray(1, -1);
    return documentDigestOfParts(doc.head, text);
  }

  /** Codes one document, appending its coding and evidence rows to `out`. */
  code(doc: DocumentBytes, out: RowText): DocumentOutcome {
    const scanned = this.scan(doc);
    const { spans, all } = this.segments(doc, scanned);
    const digest = this.digest(doc, scanned);
    if (spans.length === 0) return { segments: 0, matches: 0, coded: 0, blank: all === 0, digest };
    this.resolver.begin(this.run);
    const matches = this.writer!.write(this.resolver, doc.id, this.unit, spans, scanned.buf, out);
    return { segments: spans.length, matches, coded: this.writer!.coded, blank: false, digest };
  }

  /**
   * Scans a text held as a string (normalised) and begins the decision rule
   * on it, for `resolve`; `tokens`, when given, logs every token of the scan
   * (themes reads the words of the same scan). Returns the scanned buffer.
   */
  scanText(text: string, tokens: TokenLog | null = null): Uint8Array {
    const buf = jsonTextBytes(text);
    this.run.reset();
    tokens?.reset(buf);
    this.run.tokenLog = tokens;
    scanJsonStringFast(this.run, buf, 1, buf.length - 1, this.extent, true);
    this.run.tokenLog = null;
    this.resolver.begin(this.run);
    return buf;
  }

  /**
   * scanText for a text's bytes (a JSONL line's text field where it lies):
   * scanned in place when they are the normalised text, else decoded,
   * normalised and scanned again. Returns the normalised text (its length
   * in code points is then `codePoints`).
   */
  scanBytes(doc: TextBytes, tokens: TokenLog | null = null): string {
    this.run.tokenLog = tokens;
    let scanned;
    try {
      scanned = this.scan(doc);
    } finally {
      this.run.tokenLog = null;
    }
    this.resolver.begin(this.run);
    return scanned.text ?? decodeScannedJson(this.content, scanned.buf, scanned.from, scanned.to);
  }

  /** Code points in the text scanned last. */
  get codePoints(): number {
    return this.extent.length;
  }

  /** The matches of one segment [start, end) (code points) of the text scanText or scanBytes scanned last, decided (segments in document order; `text` only for regex patterns). */
  resolve(start: number, end: number, text: string | null): SegmentMatches {
    return this.resolver.resolve(start, end, text);
  }

  /** The evidence of one document held as a string (normalised), segment by segment, for the given segments. */
  evidence(doc: Document, segments: readonly Segment[]): Evidence[][] {
    const buf = this.scanText(doc.text);
    const withText = this.m.regexPatterns.length > 0;
    const spans = segments.map((s) => ({ segment_id: s.segment_id, start: s.start, end: s.end, text: withText ? s.text : null }));
    return collectEvidence(this.m, this.resolver, spans, buf);
  }
}

/** Each document of a corpus held in memory with its segments (segments are in corpus order); documents without segments are skipped. */
export function* documentsWithSegments(documents: readonly Document[], segments: readonly Segment[]): Generator<[Document, Segment[]]> {
  let s = 0;
  for (const doc of documents) {
    const first = s;
    while (s < segments.length && segments[s]!.doc_id === doc.id) s++;
    if (s > first) yield [doc, segments.slice(first, s)];
  }
}

/**
 * The evidence `qcode code` would list for a matcher's patterns on a corpus
 * held in memory, in the same order: what kwic and themes read, so they
 * agree with the auto-coder match for match.
 */
export function findCorpusEvidence(matcher: Matcher, documents: readonly Document[], segments: readonly Segment[]): Evidence[] {
  const coder = new DocumentCoder(matcher, segments[0]?.unit ?? 'document');
  const evidence: Evidence[] = [];
  for (const [doc, segs] of documentsWithSegments(documents, segments)) {
    for (const perSegment of coder.evidence(doc, segs)) for (const e of perSegment) evidence.push(e);
  }
  return evidence;
}

/** All matches in a text taken as one segment: for tests and for trying patterns out. */
export function matchText(matcher: Matcher, text: string): Evidence[] {
  const segment: Segment = { segment_id: 'text', doc_id: 'text', unit: 'document', index: 1, start: 0, end: [...text].length, text };
  return new DocumentCoder(matcher, 'document').evidence({ id: 'text', text, metadata: {}, source: { file: '' } }, [segment])[0]!;
}
