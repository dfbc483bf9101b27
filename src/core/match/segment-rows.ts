import { documentDigestOfParts } from '../corpus/compute-corpus-hash.js';
import { normalizeText } from '../corpus/normalize-text.js';
import type { Unit } from '../model/codebook.js';
import { UNIT_LETTER } from '../model/segment.js';
import { computeTextSpans } from '../segment/compute-segments.js';
import { SENTENCE_FIELDS, splitSentenceBytes } from '../segment/split-sentences.js';
import type { SegmentTableBuilder } from '../segment/segment-table.js';
import { formatCsvField } from '../format/format-csv-field.js';
import { computeTextSha, computeTextShaOfBytes } from '../util/hash.js';
import { spillLongRows, type RowText } from './spill-long-rows.js';
import { jsonTextBytes, type DocumentBytes, type DocumentOutcome } from './code-document.js';
import type { DocumentHandler } from './code-jsonl-line.js';
import { JsonContentBytes, decodeJsonString } from './decode-json-slice.js';
import { isBoilerplate, type DropRule } from './drop-boilerplate.js';

/** Entries of one chunk of a fact column. */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;

/**
 * What a stretch of documents gave the segment table, in corpus order: per
 * document its kept segments' count, per segment its index (before
 * dropping), code-point span and text_sha as two 32-bit words. Each column is
 * a list of fixed-size chunks, so a worker thread hands them over by
 * transfer, without a copy (factAt reads one).
 */
export interface SegmentFacts {
  perDocument: Uint32Array[];
  index: Uint32Array[];
  start: Uint32Array[];
  end: Uint32Array[];
  shaHi: Uint32Array[];
  shaLo: Uint32Array[];
  dropped: number;
}

/** Entry n of a fact column. */
export function factAt(column: readonly Uint32Array[], n: number): number {
  return column[n >>> CHUNK_BITS]![n & (CHUNK - 1)]!;
}

/** The buffers of a SegmentFacts, for a transfer list. */
export function factBuffers(facts: SegmentFacts): ArrayBuffer[] {
  const columns = [facts.perDocument, facts.index, facts.start, facts.end, facts.shaHi, facts.shaLo];
  return columns.flatMap((chunks) => chunks.map((c) => c.buffer as ArrayBuffer)); // bounded: one buffer per 65,536 entries
}

class FactColumn {
  private chunks: Uint32Array[] = [];
  private length = 0;
  push(v: number): void {
    const i = this.length & (CHUNK - 1);
    if (i === 0) this.chunks.push(new Uint32Array(CHUNK));
    this.chunks[this.chunks.length - 1]![i] = v;
    this.length++;
  }
  take(): Uint32Array[] {
    const out = this.chunks;
    this.chunks = [];
    this.length = 0;
    return out;
  }
}

/** The escapes JSON.stringify writes with one letter after the backslash (\\u escapes are left to a re-encoding). */
const SHORT_ESCAPE = new Set([0x22, 0x5c, 0x62, 0x66, 0x6e, 0x72, 0x74]);

/** Whether every escape in buf[from, to) (a JSON string's content) is one JSON.stringify writes as it stands. */
function canonicalEscapes(buf: Uint8Array, from: number, to: number): boolean {
  for (let k = buf.indexOf(0x5c, from); k >= 0 && k < to; k = buf.indexOf(0x5c, k + 2)) {
    if (!SHORT_ESCAPE.has(buf[k + 1]!)) return false;
  }
  return true;
}

const hexValue = (c: number) => (c <= 0x39 ? c - 0x30 : c - 0x57);
function hexWord(hex: string, from: number): number {
  let v = 0;
  for (let i = from; i < from + 8; i++) v = v * 16 + hexValue(hex.charCodeAt(i));
  return v;
}

const encoder = new TextEncoder();

/** Characters of rows gathered before they are encoded: most documents' rows in one piece. */
const ROWS_PIECE = 1 << 16;

/**
 * The rows of the segments file (format-segments.ts: the same bytes as
 * formatSegmentsRows) made straight from a document's bytes behind the
 * coder's line reader, with the segment table's facts kept on the side: how
 * `qcode segment` reads a JSONL corpus in slices over threads as `qcode code`
 * does. The text is decoded and normalised as the corpus reader does it, cut
 * by computeTextSpans, boilerplate (`drop:`) left out after ids are given.
 */
export class SegmentRowMaker implements DocumentHandler {
  private readonly perDocument = new FactColumn();
  private readonly index = new FactColumn();
  private readonly start = new FactColumn();
  private readonly end = new FactColumn();
  private readonly shaHi = new FactColumn();
  private readonly shaLo = new FactColumn();
  private dropped = 0;
  private readonly letter: string;
  private readonly content = new JsonContentBytes();
  /** splitSentenceBytes's output, reused from document to document. */
  private readonly sentences: number[] = [];

  constructor(
    private readonly unit: Unit,
    private readonly format: 'csv' | 'jsonl',
    private readonly drop: DropRule | null,
    /** On the thread that builds the table: the documents and segments go straight into it, no facts are kept. */
    readonly table: SegmentTableBuilder | null = null,
  ) {
    this.letter = UNIT_LETTER[unit];
  }

  code(doc: DocumentBytes, out: RowText): DocumentOutcome {
    // Throws a SyntaxError for a text field that is not a JSON string: the line reader then reports the line.
    const raw = decodeJsonString(doc.buf, doc.from, doc.to, doc.trusted);
    const text = doc.trusted ? raw : normalizeText(raw);
    let digest: Uint8Array | null = null;
    if (doc.head !== null) {
      // Bytes whose escapes are JSON.stringify's, of a text normalising left alone, are the canonical line's text already.
      const exact = text === raw && canonicalEscapes(doc.buf, doc.from, doc.to);
      digest = documentDigestOfParts(doc.head, exact ? doc.buf.subarray(doc.from, doc.to) : jsonTextBytes(text).subarray(1, -1));
    }
    // Sentences are cut from the text's UTF-8 and fingerprinted from it; the rows still want each one's text.
    const bytes = this.unit === 'sentence' ? this.textBytes(doc, raw, text) : null;
    const found = this.sentences;
    if (bytes) splitSentenceBytes(bytes, doc.language, found);
    const spans = bytes ? null : computeTextSpans(text, this.unit, doc.language);
    const count = spans ? spans.length : found.length / SENTENCE_FIELDS;
    const id = doc.id;
    const table = this.table;
    table?.addDocument({ id, metadata: doc.metadata ?? {} });
    const csv = this.format === 'csv';
    const docField = csv ? formatCsvField(id) : JSON.stringify(id);
    const plainId = docField === id;
    const unit = this.unit;
    const letter = this.letter;
    let rows = '';
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const span = spans?.[i];
      const k = i * SENTENCE_FIELDS;
      const segText = span ? text.slice(span.start, span.end) : text.slice(found[k + 4]!, found[k + 5]!);
      if (this.drop && isBoilerplate(this.drop, segText)) {
        if (table) table.dropped++;
        else this.dropped++;
        continue;
      }
      const index = i + 1;
      const cpStart = span ? span.cpStart : found[k + 2]!;
      const cpEnd = span ? span.cpEnd : found[k + 3]!;
      const sha = bytes ? computeTextShaOfBytes(bytes.subarray(found[k]!, found[k + 1]!)) : computeTextSha(segText);
      kept++;
      if (table) table.addSegmentWords(index, cpStart, cpEnd, hexWord(sha, 0), hexWord(sha, 8));
      else {
        this.index.push(index);
        this.start.push(cpStart);
        this.end.push(cpEnd);
        this.shaHi.push(hexWord(sha, 0));
        this.shaLo.push(hexWord(sha, 8));
      }
      const segmentId = `${id}:${letter}${index}`;
      if (csv) {
        rows += `${plainId ? segmentId : formatCsvField(segmentId)},${docField},${unit},${index},${cpStart},${cpEnd},${sha},${formatCsvField(segText)}\n`;
      } else {
        rows += `{"segment_id":${JSON.stringify(segmentId)},"doc_id":${docField},"unit":"${unit}","index":${index},"start":${cpStart},"end":${cpEnd},"text_sha":"${sha}","text":${JSON.stringify(segText)}}\n`;
      }
      // Handed over in pieces: one string for a long document's rows is a rope of millions of pieces that keeps every segment's text alive (20× the document).
      if (rows.length >= ROWS_PIECE) {
        out.codings.text(rows);
        rows = '';
        spillLongRows(out);
      }
    }
    if (!table) this.perDocument.push(kept);
    if (rows !== '') out.codings.text(rows);
    return { segments: kept, matches: 0, coded: 0, blank: count === 0, digest };
  }

  /**
   * The UTF-8 of `text`: the document's own bytes, escapes resolved, when
   * normalising changed nothing and no byte was invalid UTF-8 (decoding made
   * U+FFFD of it); else the text encoded. A lone surrogate escape is U+FFFD
   * in the bytes, as encoding the string makes it too (one UTF-16 unit
   * either way, alike to the splitter), and a trusted text is normalised, so
   * it has no leading U+FEFF that decoding would have dropped.
   */
  private textBytes(doc: DocumentBytes, raw: string, text: string): Uint8Array {
    return text === raw && !raw.includes('\ufffd') ? this.content.of(doc.buf, doc.from, doc.to) : encoder.encode(text);
  }

  /** The facts gathered since the last call, handed over (the maker starts afresh). */
  takeFacts(): SegmentFacts {
    const facts = {
      perDocument: this.perDocument.take(),
      index: this.index.take(),
      start: this.start.take(),
      end: this.end.take(),
      shaHi: this.shaHi.take(),
      shaLo: this.shaLo.take(),
      dropped: this.dropped,
    };
    this.dropped = 0;
    return facts;
  }
}
