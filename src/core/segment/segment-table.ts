import type { Unit } from '../model/codebook.js';
import type { Document } from '../model/document.js';
import { UNIT_LETTER } from '../model/segment.js';
import { ChunkedUint32 } from '../util/chunked-uint32.js';
import { TEXT_SHA_LENGTH } from '../util/hash.js';

/** A document as the compact tables keep it: its id and metadata, never its text. */
export type DocumentHead = Pick<Document, 'id' | 'metadata'>;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Each byte's value as a lower-case hex digit, or -1: a lookup, as digits and letters come in no order a branch could guess (a million fingerprints are 16 million digits). */
const HEX_VALUE = new Int8Array(256).fill(-1);
for (let c = 0x30; c <= 0x39; c++) HEX_VALUE[c] = c - 0x30;
for (let c = 0x61; c <= 0x66; c++) HEX_VALUE[c] = c - 0x57;

/** The value of a hex digit's char code, or -1. */
function hexValue(c: number): number {
  return c < 256 ? HEX_VALUE[c]! : -1;
}

/** Half of a 16-hex-digit text_sha as an unsigned 32-bit number, or -1 when it is not hex. */
function hexWord(hex: string, from: number): number {
  let v = 0;
  for (let i = from; i < from + 8; i++) {
    const d = hexValue(hex.charCodeAt(i));
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/**
 * The 1-based index of an id's `<letter><n>` at id[at, to) (char codes or
 * bytes): digits as segmentId writes them, no leading zero; -1 when not.
 */
function segmentIndexOf(id: string | Uint8Array, at: number, to: number): number {
  const from = at + 1;
  const code = (i: number) => (typeof id === 'string' ? id.charCodeAt(i) : id[i]!);
  if (from >= to || to - from > 10 || (code(from) === 0x30 && to - from > 1)) return -1;
  let index = 0;
  for (let i = from; i < to; i++) {
    const c = code(i) - 0x30;
    if (c < 0 || c > 9) return -1;
    index = index * 10 + c;
  }
  return index;
}

/** hexWord over bytes (char codes) rather than a string. */
function hexBytesWord(bytes: Uint8Array, from: number): number {
  let v = 0;
  for (let i = from; i < from + 8; i++) {
    const d = hexValue(bytes[i]!);
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

const wordHex = (w: number) => HEX[w >>> 24]! + HEX[(w >>> 16) & 0xff]! + HEX[(w >>> 8) & 0xff]! + HEX[w & 0xff]!;

/** The per-segment columns every SegmentTable holds, in the order the segment index stores them. */
export const SEGMENT_COLUMNS = ['start', 'end', 'shaHi', 'shaLo'] as const;
/**
 * The columns of a SegmentTable: `index` only where boilerplate was left
 * out (else a segment's index is its place in its document); no document
 * column, `first` says where each document's segments start.
 */
export type SegmentColumns = Record<(typeof SEGMENT_COLUMNS)[number], ChunkedUint32> & { index: ChunkedUint32 | null };

/**
 * The segments of a study without their text: per segment its code-point
 * start and end and its text_sha, each in a column of 32-bit integers, and
 * its 1-based index only when `drop:` left gaps (16 or 20 bytes a segment,
 * no string or object per segment); per document its first segment number,
 * id and metadata. A segment's document is found from the first numbers
 * (the last one found remembered: callers walk in order). Segments are
 * numbered 0..length-1 in corpus order, boilerplate (`drop:`) left out; a
 * segment keeps the index it had before dropping, so ids are those of
 * readStudy. A segment id is looked up by parsing `<doc>:<s|p|d><n>` against
 * the map of document ids.
 */
export class SegmentTable {
  /** Document numbers by id, made when first asked (a worker thread's table is never asked). */
  private numbers: Map<string, number> | null = null;
  private readonly letter: number;
  /** The document of the last id looked up: a coding file asks for a document's segments one after another. */
  private lastDoc = -1;
  /** The document doc() found last. */
  private lastDocOf = 0;

  /** @internal built by SegmentTableBuilder */
  constructor(
    readonly unit: Unit,
    /** The documents in corpus order (those without segments too). */
    readonly documents: readonly DocumentHead[],
    private readonly columns: SegmentColumns,
    /** first[d]..first[d + 1]: the segment numbers of document d. */
    private readonly first: Uint32Array,
    /** Segments left out as boilerplate. */
    readonly dropped: number,
  ) {
    this.letter = UNIT_LETTER[unit].charCodeAt(0);
  }

  private docNumbers(): Map<string, number> {
    if (!this.numbers) {
      this.numbers = new Map();
      for (let i = 0; i < this.documents.length; i++) if (!this.numbers.has(this.documents[i]!.id)) this.numbers.set(this.documents[i]!.id, i);
    }
    return this.numbers;
  }

  /** Segments in the study. */
  get length(): number {
    return this.columns.start.length;
  }

  /** The number of document `id`, or -1. */
  documentNumber(id: string): number {
    return this.docNumbers().get(id) ?? -1;
  }

  /** Segment numbers of document d: [from, to). */
  segmentsOf(d: number): { from: number; to: number } {
    return { from: this.first[d]!, to: this.first[d + 1]! };
  }

  /** The number of the segment with this id, or -1 when the study has none. */
  segmentNumber(id: string): number {
    const k = id.lastIndexOf(':');
    if (k < 0 || id.charCodeAt(k + 1) !== this.letter) return -1;
    const last = this.lastDoc >= 0 ? this.documents[this.lastDoc]!.id : undefined;
    const d = last !== undefined && last.length === k && id.startsWith(last) ? this.lastDoc : this.docNumbers().get(id.slice(0, k));
    if (d === undefined) return -1;
    this.lastDoc = d;
    return this.segmentOfIndex(d, segmentIndexOf(id, k + 1, id.length));
  }

  /**
   * segmentNumber of an id given as UTF-8 bytes[from, to) whose document
   * part (before the last ':', at `colon`) is document d: the part after it
   * read as segmentNumber reads it.
   */
  segmentNumberInDocument(d: number, bytes: Uint8Array, colon: number, to: number): number {
    if (bytes[colon + 1] !== this.letter) return -1;
    return this.segmentOfIndex(d, segmentIndexOf(bytes, colon + 1, to));
  }

  /** The number of document d's segment with this 1-based index (as in its id), or -1. */
  segmentOfIndex(d: number, index: number): number {
    if (index < 0) return -1;
    let lo = this.first[d]!;
    let hi = this.first[d + 1]!;
    const col = this.columns.index;
    if (!col) return index >= 1 && index <= hi - lo ? lo + index - 1 : -1;
    // Indexes rise within a document (gaps where boilerplate was dropped): binary search.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const v = col.get(mid);
      if (v === index) return mid;
      if (v < index) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }

  /** Document number of segment n. */
  doc(n: number): number {
    const first = this.first;
    let d = this.lastDocOf;
    if (n < first[d]! || n >= first[d + 1]!) {
      // The next documents (in-order walks), else a binary search for the last document starting at or before n.
      let steps = 0;
      while (d + 1 < this.documents.length && n >= first[d + 1]! && steps++ < 8) d++;
      if (n < first[d]! || n >= first[d + 1]!) {
        let lo = 0;
        let hi = this.documents.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >>> 1;
          if (first[mid]! <= n) lo = mid;
          else hi = mid - 1;
        }
        d = lo;
      }
      this.lastDocOf = d;
    }
    return d;
  }

  /** 1-based index of segment n in its document (as in its id). */
  index(n: number): number {
    return this.columns.index ? this.columns.index.get(n) : n - this.first[this.doc(n)]! + 1;
  }

  /** Code-point offset where segment n starts in its document's text. */
  start(n: number): number {
    return this.columns.start.get(n);
  }

  /** Code-point offset where segment n ends. */
  end(n: number): number {
    return this.columns.end.get(n);
  }

  docId(n: number): string {
    return this.documents[this.doc(n)]!.id;
  }

  segmentId(n: number): string {
    return `${this.docId(n)}:${UNIT_LETTER[this.unit]}${this.index(n)}`;
  }

  /**
   * Lets the fingerprints go (a quarter of the table) and the map of ids
   * once no coding file is left to check against the table: what report does before its passes
   * over the corpus, whose threads need offsets alone. textSha, hasTextSha
   * and parts may not be asked after.
   */
  releaseFingerprints(): void {
    this.columns.shaHi = new ChunkedUint32();
    this.columns.shaLo = new ChunkedUint32();
    // The ids' map too: it was made for the files' ids, and is made again if asked.
    this.numbers = null;
    this.released = true;
  }

  private released = false;

  private fingerprints(): SegmentColumns {
    if (this.released) throw new Error('SegmentTable: fingerprints asked after releaseFingerprints');
    return this.columns;
  }

  /** The text_sha of segment n (16 hex digits). */
  textSha(n: number): string {
    const c = this.fingerprints();
    return wordHex(c.shaHi.get(n)) + wordHex(c.shaLo.get(n));
  }

  /** Whether segment n's text_sha is `hex` (lower-case, as readers keep it), without making a string. */
  hasTextSha(n: number, hex: string): boolean {
    const c = this.fingerprints();
    if (hex.length !== TEXT_SHA_LENGTH) return false;
    return hexWord(hex, 0) === c.shaHi.get(n) && hexWord(hex, 8) === c.shaLo.get(n);
  }

  /** hasTextSha of the 16 bytes of hex digits at bytes[from] (a file's cell, not decoded). */
  hasTextShaBytes(n: number, bytes: Uint8Array, from: number): boolean {
    const c = this.fingerprints();
    return hexBytesWord(bytes, from) === c.shaHi.get(n) && hexBytesWord(bytes, from + 8) === c.shaLo.get(n);
  }

  /** Segment ids from..to-1, made one at a time (for did-you-mean over a document or the study). */
  *segmentIds(from = 0, to = this.length): Generator<string> {
    for (let n = from; n < to; n++) yield this.segmentId(n);
  }

  /** Each segment's id, document and code-point offsets, made one at a time in corpus order (for code written over Segment objects that needs no text). */
  *segmentHeads(): Generator<{ segment_id: string; doc_id: string; start: number; end: number }> {
    for (let n = 0; n < this.length; n++) yield { segment_id: this.segmentId(n), doc_id: this.docId(n), start: this.start(n), end: this.end(n) };
  }

  /** The columns and document starts as they are held (not copies): what the segment index writes. */
  parts(): { columns: SegmentColumns; first: Uint32Array } {
    return { columns: this.fingerprints(), first: this.first };
  }

  /**
   * What a worker thread needs to walk the table's segments (offsets and
   * indexes; not fingerprints, ids or metadata): the columns' views on
   * shared memory, not copies (moved there now: see sharedViews).
   */
  shared(): SharedSegmentTable {
    const c = this.columns;
    return { unit: this.unit, start: c.start.sharedViews(), end: c.end.sharedViews(), index: c.index?.sharedViews() ?? null, length: this.length, first: this.first, dropped: this.dropped };
  }

  /** The table another thread shared(): its documents have no id or metadata, its segments no fingerprint (not to be asked). */
  static fromShared(t: SharedSegmentTable): SegmentTable {
    const none = new ChunkedUint32();
    const columns = { start: ChunkedUint32.of(t.start, t.length), end: ChunkedUint32.of(t.end, t.length), index: t.index && ChunkedUint32.of(t.index, t.length), shaHi: none, shaLo: none };
    const unknown: DocumentHead = { id: '', metadata: {} };
    return new SegmentTable(t.unit, new Array<DocumentHead>(t.first.length - 1).fill(unknown), columns, t.first, t.dropped);
  }

  /** Bytes the columns hold: what the table costs. */
  get bytes(): number {
    const c = this.columns;
    return (c.index?.bytes ?? 0) + c.start.bytes + c.end.bytes + c.shaHi.bytes + c.shaLo.bytes + this.first.byteLength;
  }
}

/** A SegmentTable as sent to a worker thread (SegmentTable.shared). */
export interface SharedSegmentTable {
  unit: Unit;
  start: Uint32Array[];
  end: Uint32Array[];
  index: Uint32Array[] | null;
  length: number;
  first: Uint32Array;
  dropped: number;
}

/**
 * Builds a SegmentTable a document at a time (what the streaming reader
 * feeds it): addDocument, then its kept segments in order.
 */
export class SegmentTableBuilder {
  private readonly documents: DocumentHead[] = [];
  private readonly firsts = new ChunkedUint32();
  private readonly columns: SegmentColumns = {
    /** Made at the first gap (a dropped segment): until then an index is the segment's place in its document. */
    index: null,
    // Offsets live as long as the study and threads read them (SegmentTable.shared): in shared memory from the start.
    start: new ChunkedUint32(true),
    end: new ChunkedUint32(true),
    shaHi: new ChunkedUint32(),
    shaLo: new ChunkedUint32(),
  };
  private readonly values = new Map<string, string>();
  dropped = 0;

  constructor(private readonly unit: Unit) {}

  /** Starts a document; its metadata values are shared with equal ones already seen (dates and sources repeat). */
  addDocument(doc: DocumentHead): void {
    const metadata: Record<string, string> = {};
    for (const [k, v] of Object.entries(doc.metadata)) metadata[k] = this.intern(v);
    this.firsts.push(this.columns.start.length);
    this.documents.push({ id: doc.id, metadata });
  }

  /** A segment of the current document: its index (before dropping), code-point offsets and text_sha. */
  addSegment(index: number, start: number, end: number, textSha: string): void {
    this.addSegmentWords(index, start, end, hexWord(textSha, 0), hexWord(textSha, 8));
  }

  /** addSegment with the text_sha as its two 32-bit words (high, low), as a worker thread hands them over. */
  addSegmentWords(index: number, start: number, end: number, shaHi: number, shaLo: number): void {
    const c = this.columns;
    const n = c.start.length;
    const docFirst = this.firsts.get(this.firsts.length - 1);
    if (!c.index && index !== n - docFirst + 1) {
      c.index = new ChunkedUint32(true);
      for (let d = 0, m = 0; d < this.firsts.length; d++) {
        const to = d + 1 < this.firsts.length ? this.firsts.get(d + 1) : n;
        for (; m < to; m++) c.index.push(m - this.firsts.get(d) + 1);
      }
    }
    c.index?.push(index);
    c.start.push(start);
    c.end.push(end);
    c.shaHi.push(shaHi);
    c.shaLo.push(shaLo);
  }

  finish(): SegmentTable {
    const first = new Uint32Array(this.documents.length + 1);
    for (let d = 0; d < this.documents.length; d++) first[d] = this.firsts.get(d);
    first[this.documents.length] = this.columns.start.length;
    return new SegmentTable(this.unit, this.documents, this.columns, first, this.dropped);
  }

  /**
   * The table of the documents added and columns read back whole (the
   * segment index): `first` holds each document's first segment number and,
   * last, the number of segments.
   */
  restore(columns: SegmentColumns, first: Uint32Array, dropped: number): SegmentTable {
    return new SegmentTable(this.unit, this.documents, columns, first, dropped);
  }

  private intern(v: string): string {
    if (v.length > 64) return v;
    const known = this.values.get(v);
    if (known !== undefined) return known;
    if (this.values.size < 100_000) this.values.set(v, v);
    return v;
  }
}
