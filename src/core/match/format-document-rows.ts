import { csvBytesNeedQuotes, formatCsvField, formatCsvRow } from '../format/format-csv-field.js';
import { CODING_FILE_COLUMNS } from '../model/coding.js';
import type { Unit } from '../model/codebook.js';
import { UNIT_LETTER, segmentId } from '../model/segment.js';
import { ByteRows } from '../util/byte-rows.js';
import { spillLongRows, type RowText } from './spill-long-rows.js';
import type { Matcher } from './compile-matcher.js';
import { decodeJsonSlice } from './decode-json-slice.js';
import { EVIDENCE_COLUMNS } from './evidence.js';
import { OUTCOMES, UNLISTED, type SegmentResolver } from './resolve-segment.js';

/** A segment as the row writer needs it: its number in the document (its id is `<doc>:<unit letter><index>`), code point span in the document, its text when regex patterns need it, and its text's fingerprint. */
export interface RowSegment {
  index: number;
  start: number;
  end: number;
  text: string | null;
  /** computeTextSha of the segment's text: the coding rows' text_sha. */
  sha: string;
}

export type { RowText } from './spill-long-rows.js';

const encoder = new TextEncoder();

/**
 * A match's text as a CSV field, cut from the scanned buffer (the document
 * as JSON string content; offsets in bytes). A match without escapes or
 * control bytes that the one CSV rule would not quote (csvBytesNeedQuotes)
 * is its own CSV field, byte for byte (the scanner only takes valid,
 * normalised UTF-8), so it is copied; any other is decoded and quoted.
 */
function writeMatchedText(rows: ByteRows, buf: Uint8Array, startUnit: number, endUnit: number): void {
  for (let k = startUnit; k < endUnit; k++) {
    const b = buf[k]!;
    if (b === 0x5c || b < 0x20) {
      rows.text(formatCsvField(decodeJsonSlice(buf, startUnit, endUnit)));
      return;
    }
  }
  if (csvBytesNeedQuotes(buf, startUnit, endUnit)) rows.text(formatCsvField(decodeJsonSlice(buf, startUnit, endUnit)));
  else rows.copy(buf, startUnit, endUnit);
}

/** The coding file's header for a file name: JSON Lines for `.jsonl`, else CSV. */
export function codingHeader(jsonl: boolean): string {
  return jsonl ? '' : formatCsvRow(CODING_FILE_COLUMNS);
}

export const EVIDENCE_HEADER = formatCsvRow(EVIDENCE_COLUMNS);

/**
 * The auto-coder's one row writer: a document's coding rows and evidence
 * rows, written straight from a resolved run as bytes, in the order of the
 * canonical files (segments in document order; codes and evidence as
 * SegmentResolver sorts them). Coding rows are CSV, or JSON Lines for a
 * `.jsonl` coding file; evidence rows are CSV.
 */
export class DocumentRowWriter {
  /** Per code: the tail of its coding row (coder, category, code, memo, end of record). */
  private readonly codingTail: Uint8Array[];
  private readonly noneTail: Uint8Array;
  /** Per pattern: `,<code>,<pattern>,`, the middle of its evidence row. */
  private readonly evidenceMiddle: Uint8Array[];
  private readonly outcomeTail: Uint8Array[];
  private readonly field: (s: string) => string;
  private readonly segHead: Uint8Array;
  private readonly shaHead: Uint8Array;
  private readonly shaTail: Uint8Array;
  private sha = '';
  private readonly docHead: Uint8Array;
  /** A coding row's bytes from the end of the segment id to the fingerprint: the same for every row of a document. */
  private readonly mid = new ByteRows();
  /** The document id and the segment id at hand as fields, encoded once. */
  private readonly docQ = new ByteRows();
  private readonly segQ = new ByteRows();
  private readonly segE = new ByteRows();
  /** Segments given at least one code by the last write. */
  coded = 0;

  constructor(
    m: Matcher,
    coder: string,
    private readonly jsonl = false,
  ) {
    const f = (this.field = jsonl ? (s: string) => JSON.stringify(s) : (s: string) => formatCsvField(s));
    const tail = (category: string, code: string) =>
      jsonl ? `,"coder":${f(coder)},"category":${f(category)},"code":${f(code)},"memo":""}\n` : `,${f(coder)},${f(category)},${f(code)},\n`;
    // The segment's text fingerprint follows the document id in every coding row (hex: never quoted).
    this.shaHead = encoder.encode(jsonl ? ',"text_sha":"' : ',');
    this.shaTail = encoder.encode(jsonl ? '"' : '');
    this.codingTail = m.codes.map((code) => encoder.encode(tail(code.category, code.id)));
    this.noneTail = encoder.encode(tail('', ''));
    this.segHead = encoder.encode(jsonl ? '{"segment_id":' : '');
    this.docHead = encoder.encode(jsonl ? ',"doc_id":' : ',');
    this.evidenceMiddle = m.patterns.map((p) => encoder.encode(`,${formatCsvField(p.code)},${formatCsvField(p.pattern)},`));
    this.outcomeTail = OUTCOMES.map((o) => encoder.encode(`,${o}\n`));
  }

  /**
   * Appends the rows of one document whose run the resolver has begun:
   * returns the number of evidence rows. `buf` is the scanned buffer the
   * run's units point into.
   */
  write(resolver: SegmentResolver, docId: string, unit: Unit, segments: readonly RowSegment[], buf: Uint8Array, out: RowText): number {
    const { codings, evidence } = out;
    const { docQ, segQ, segE } = this;
    docQ.clear();
    const docField = this.field(docId);
    docQ.text(docField);
    const mid = this.mid;
    mid.clear();
    mid.piece(this.docHead);
    mid.copy(docQ.bytes, 0, docQ.length);
    mid.piece(this.shaHead);
    // A CSV segment id is the document id's field plus `:s12` when the id needs no quoting (the common case): no string per segment.
    const plainId = !this.jsonl && docField === docId;
    const letter = UNIT_LETTER[unit].charCodeAt(0);
    let written = 0;
    this.coded = 0;
    for (const seg of segments) {
      const items = resolver.resolve(seg.start, seg.end, seg.text);
      this.sha = seg.sha;
      segQ.clear();
      if (plainId) {
        segQ.copy(docQ.bytes, 0, docQ.length);
        segQ.byte(0x3a);
        segQ.byte(letter);
        segQ.int(seg.index);
      } else segQ.text(this.field(segmentId(docId, unit, seg.index)));
      if (this.jsonl) {
        segE.clear();
        segE.text(formatCsvField(segmentId(docId, unit, seg.index)));
      }
      const segEvidence = this.jsonl ? segE : segQ;
      for (let i = 0; i < items.count; i++) {
        const outcome = items.outcome[i]!;
        if (outcome === UNLISTED) continue;
        written++;
        evidence.copy(segEvidence.bytes, 0, segEvidence.length);
        evidence.piece(this.evidenceMiddle[items.pattern[i]!]!);
        const text = items.text[i];
        if (text === null || text === undefined) writeMatchedText(evidence, buf, items.startUnit[i]!, items.endUnit[i]!);
        else evidence.text(formatCsvField(text));
        evidence.byte(0x2c);
        evidence.int(items.startCp[i]!);
        evidence.byte(0x2c);
        evidence.int(items.endCp[i]!);
        evidence.piece(this.outcomeTail[outcome]!);
      }
      if (items.kept.length === 0) this.codingRow(codings, this.noneTail);
      if (items.kept.length > 0) this.coded++;
      for (const code of items.kept) this.codingRow(codings, this.codingTail[code]!);
      spillLongRows(out);
    }
    return written;
  }

  /**
   * A coding row: segment id, document id, fingerprint, then `tail`. Written
   * into one reservation with plain loops: a row is a few short pieces, and
   * a call and a room check per piece cost more than the bytes.
   */
  private codingRow(codings: ByteRows, tail: Uint8Array): void {
    const { segHead, segQ, mid, shaTail, sha } = this;
    codings.room(segHead.length + segQ.length + mid.length + sha.length + shaTail.length + tail.length);
    const o = codings.bytes;
    let at = put(o, codings.length, segHead, segHead.length);
    at = put(o, at, segQ.bytes, segQ.length);
    at = put(o, at, mid.bytes, mid.length);
    // The fingerprint is hex digits: a byte each.
    for (let k = 0; k < sha.length; k++) o[at++] = sha.charCodeAt(k);
    at = put(o, at, shaTail, shaTail.length);
    codings.length = put(o, at, tail, tail.length);
  }
}

/** Writes src[0, n) into o at `at`; returns the end. A loop, as the pieces are short: a subarray and set would cost more than the bytes. */
function put(o: Uint8Array, at: number, src: Uint8Array, n: number): number {
  for (let k = 0; k < n; k++) o[at + k] = src[k]!;
  return at + n;
}
