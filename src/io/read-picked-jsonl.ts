import { isAscii } from 'node:buffer';
import { createHash, type Hash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { MAY_CHANGE_IN_NFC, normalizeMetadataValue, normalizeText } from '../core/corpus/normalize-text.js';
import { rowToDocument, type ColumnNames } from '../core/corpus/parse-table-corpus.js';
import { stringTextBytes, type TextBytes } from '../core/match/code-document.js';
import { decodeJsonString, type JsonContentBytes } from '../core/match/decode-json-slice.js';
import { isNormalizedUtf8 } from '../core/match/normalized-utf8.js';
import { QcodeError, diag } from '../core/diagnostics/qcode-error.js';
import { locateJsonFields, type JsonFieldSpans } from '../core/match/locate-json-fields.js';

const decoder = new TextDecoder();
const encoder = new TextEncoder();
const LF = 0x0a;
const CR = 0x0d;

/** Whether buf[from, to) surely holds a document: its first byte that is not ASCII white space is ASCII (a `{`, or what JSON.parse would reject). */
function surelyNotBlank(buf: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const b = buf[k]!;
    if (b === 0x20 || (b >= 0x09 && b <= 0x0c)) continue;
    return b < 0x80;
  }
  return false;
}

/** Thrown when a line that was a document in the first pass is not one now: the caller reports the corpus as changed. */
export class CorpusChanged extends Error {}

/** QC010: the corpus (as shown) changed between the passes. */
export function corpusChangedError(shown: string): QcodeError {
  return new QcodeError([diag('QC010', `the corpus ${shown} changed while qcode was reading it`, {})]);
}

/** A line of the second pass: its bytes, or its text where a CR made the reader cut it as a string. */
type PickedLine = (d: number, line: Uint8Array | string, lineNo: number) => void | Promise<void>;

/**
 * A slice of a JSONL corpus file read on its own (a thread's share of a
 * pass): bytes [start, end), start just after a line break, and the number
 * of the documents before it. Line numbers count from the slice's start.
 */
export interface JsonlRange {
  start: number;
  end: number;
  firstDoc: number;
}

/**
 * The lines of a JSONL corpus file (or of a range of it) that hold the
 * documents `want` picks, numbered as streamDocuments numbers documents,
 * without decoding the others. Lines are cut at LF; a line holding a CR is
 * cut as the reader cuts it (CRLF and CR are line breaks). The bytes read
 * go into `hash` (when given); returns the number of documents up to the range's end.
 */
async function forEachPickedJsonlLine(file: string, want: (d: number) => boolean, visit: PickedLine, hash: Hash | null, range: JsonlRange | null): Promise<number> {
  const handle = await open(file, 'r');
  let d = (range?.firstDoc ?? 0) - 1;
  let lineNo = 0;
  let pos = range?.start ?? 0;
  const end = range?.end ?? Infinity;
  const take = async (text: string) => {
    lineNo++;
    if (text.trim() === '') return;
    d++;
    if (want(d)) await visit(d, text, lineNo);
  };
  /** Line buf[from, to), ended by LF unless it is the last. */
  const line = async (buf: Uint8Array, from: number, to: number, last = false) => {
    const raw = buf.subarray(from, to);
    if (raw.indexOf(CR) >= 0) {
      const parts = decoder.decode(raw).replace(/\r\n?/g, '\n').split('\n');
      // A CR before the LF is one line break with it.
      if (!last && raw[raw.length - 1] === CR) parts.pop();
      for (const part of parts) await take(part);
    } else if (surelyNotBlank(buf, from, to)) {
      // A document: decoded only when wanted.
      lineNo++;
      d++;
      if (want(d)) await visit(d, raw, lineNo);
    } else await take(decoder.decode(raw));
  };
  try {
    const size = (await handle.stat()).size;
    let buf = Buffer.allocUnsafe(1 << 20);
    let held = 0;
    let first = true;
    for (;;) {
      if (held === buf.length) {
        // A line longer than the buffer: grow it, by no more than the file has left (a 200 MB line grew to 256 MB).
        const bigger = Buffer.allocUnsafe(buf.length + Math.max(1, Math.min(buf.length, Math.min(end, size) - pos)));
        buf.copy(bigger, 0, 0, held);
        buf = bigger;
      }
      const { bytesRead } = await handle.read(buf, held, Math.min(buf.length - held, end - pos), pos);
      pos += bytesRead;
      hash?.update(buf.subarray(held, held + bytesRead));
      held += bytesRead;
      const atEnd = bytesRead === 0;
      const view = buf.subarray(0, held);
      let start = 0;
      if (first) {
        first = false;
        // A leading byte-order mark is not text, as for the reader (a range starts after a line break).
        if (pos === bytesRead && held >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
      }
      for (let nl = view.indexOf(LF, start); nl >= 0; nl = view.indexOf(LF, start)) {
        await line(view, start, nl);
        start = nl + 1;
      }
      if (atEnd) {
        // The text after the last line break is a line too (often empty).
        await line(view, start, held, true);
        break;
      }
      buf.copyWithin(0, start, held);
      held -= start;
    }
  } finally {
    await handle.close();
  }
  return d + 1;
}

/** Marks an object whose keys NFC changed: two keys may have become one, so a text field found by its bytes may not be the one kept. */
const REKEYED = Symbol('rekeyed');

/** The line's object as the reader parses it (JSON.parse, keys in NFC), holding both columns; anything else means the file changed. */
function parseFields(text: string, columns: ColumnNames): Record<string, unknown> & { [REKEYED]?: true } {
  let row: unknown;
  try {
    row = JSON.parse(text);
  } catch {
    throw new CorpusChanged();
  }
  if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new CorpusChanged();
  let fields = row as Record<string, unknown>;
  // Keys are normalised with their line by the corpus reader.
  if (Object.keys(fields).some((k) => MAY_CHANGE_IN_NFC.test(k))) {
    const keyed: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) keyed[k.normalize('NFC')] = v;
    fields = keyed;
    Object.defineProperty(fields, REKEYED, { value: true });
  }
  if (!(columns.idColumn in fields) || !(columns.textColumn in fields)) throw new CorpusChanged();
  return fields;
}

/** A picked document as a scan needs it: its id and its text's bytes. */
export interface PickedText extends TextBytes {
  id: string;
}

/**
 * The documents a second pass over a JSONL corpus file wants, read from the
 * file's bytes, numbered as streamDocuments numbers them, without decoding,
 * parsing or normalising the documents `want` leaves out: each wanted
 * document's id and its text field as the bytes it is in the line (the
 * matcher scans them in place; decodePickedText gives the text), only the
 * rest of the line parsed for the id. An unusual line (a text that is no
 * plain string, a repeated key, keys NFC changes, a CR) is parsed whole and
 * its normalised text encoded. The corpus must have read without errors
 * before (a first pass): a line that is not a document now, or a text that
 * is not JSON (a raw control byte), means the file changed (CorpusChanged).
 * Returns the sha256 of the file's bytes, for the caller to compare.
 */
export async function forEachPickedJsonlText(
  file: string,
  columns: ColumnNames,
  want: (d: number) => boolean,
  visit: (d: number, doc: PickedText) => void | Promise<void>,
): Promise<string> {
  const hash = createHash('sha256');
  await forEachPickedJsonlRange(file, columns, null, want, visit, hash);
  return hash.digest('hex');
}

/** forEachPickedJsonlText over a range of the file (null: all of it), its bytes hashed into `hash` (when given); returns the number of documents up to the range's end. */
export async function forEachPickedJsonlRange(
  file: string,
  columns: ColumnNames,
  range: JsonlRange | null,
  want: (d: number) => boolean,
  visit: (d: number, doc: PickedText) => void | Promise<void>,
  hash: Hash | null,
): Promise<number> {
  const keys = [encoder.encode(columns.textColumn)];
  const spans: JsonFieldSpans = { start: new Int32Array(1), end: new Int32Array(1), escaped: new Uint8Array(1) };
  const parsed = (d: number, line: Uint8Array | string, lineNo: number) => {
    const doc = rowToDocument(parseFields(typeof line === 'string' ? line : decoder.decode(line), columns), columns, { file, line: lineNo });
    return visit(d, { id: doc.id, ...stringTextBytes(doc.text) });
  };
  return forEachPickedJsonlLine(file, want, async (d, line, lineNo) => {
    if (typeof line === 'string' || !locateJsonFields(line, 0, line.length, keys, spans) || spans.start[0]! < 0) return parsed(d, line, lineNo);
    const from = spans.start[0]!;
    const to = spans.end[0]!;
    // The line without its text's content (the text an empty string): id and metadata, parsed the ordinary way.
    const fields = parseFields(`${decoder.decode(line.subarray(0, from))}${decoder.decode(line.subarray(to))}`, columns);
    if (fields[REKEYED]) return parsed(d, line, lineNo);
    try {
      await visit(d, { id: normalizeMetadataValue(fields[columns.idColumn]), buf: line, from, to, trusted: false });
    } catch (e) {
      if (e instanceof SyntaxError) throw new CorpusChanged();
      throw e;
    }
  }, hash, range);
}

const BACKSLASH_U = Buffer.from('\\u');
const BACKSLASH_R = Buffer.from('\\r');

/**
 * The normalised text a PickedText stands for (what the corpus reader
 * gives): bytes that are ASCII with no \u or \r escape are their text as
 * they are (only a CR or a character beyond ASCII can change), so the common
 * English document is parsed once and not normalised; any other text is
 * decoded and normalised.
 */
export function decodePickedText(t: TextBytes): string {
  if (t.trusted) return decodeJsonString(t.buf, t.from, t.to, true);
  const view = Buffer.from(t.buf.buffer, t.buf.byteOffset + t.from, t.to - t.from);
  const text = decodeJsonString(t.buf, t.from, t.to, false);
  return isAscii(view) && view.indexOf(BACKSLASH_U) < 0 && view.indexOf(BACKSLASH_R) < 0 ? text : normalizeText(text);
}

/**
 * The UTF-8 of the normalised text a PickedText stands for, made without a
 * string: its JSON content with the escapes resolved (`content`'s view, valid
 * until its next call), when the bytes show that normalising changes nothing
 * (ASCII with no CR, or isNormalizedUtf8) and no lone surrogate escape was
 * replaced; else null, and the caller decodes (decodePickedText). The
 * content is not checked as JSON here: the pass's hash of the file's bytes
 * tells a changed corpus (QC010) before anything is published.
 */
export function pickedTextUtf8(t: TextBytes, content: JsonContentBytes): Uint8Array | null {
  const bytes = content.of(t.buf, t.from, t.to);
  if (content.replaced) return null;
  if (t.trusted) return bytes;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (isAscii(view)) return view.indexOf(CR) < 0 ? bytes : null;
  return isNormalizedUtf8(bytes) ? bytes : null;
}

/** Bytes looked through for a place to cut a file: a slice is not worth a longer search. */
const CUT_SEARCH = 16 << 20;

/**
 * Where a JSONL file may be cut near byte `at` for passes over its slices
 * (JsonlRange): the start of the first line after `at` that is a plain
 * document (no CR), with that document's id, for the caller to find its
 * number. Null when none is found nearby or the line is not what it was.
 */
export async function findJsonlCut(file: string, at: number, columns: ColumnNames): Promise<{ start: number; id: string } | null> {
  const handle = await open(file, 'r');
  try {
    let bytes = Buffer.alloc(0);
    while (bytes.length < CUT_SEARCH) {
      const chunk = Buffer.allocUnsafe(1 << 20);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, at + bytes.length);
      if (bytesRead === 0) return null;
      bytes = Buffer.concat([bytes, chunk.subarray(0, bytesRead)]);
      const nl = bytes.indexOf(LF);
      const next = nl < 0 ? -1 : bytes.indexOf(LF, nl + 1);
      if (next < 0) continue;
      const line = bytes.subarray(nl + 1, next);
      if (line.indexOf(CR) >= 0 || !surelyNotBlank(line, 0, line.length)) return null;
      try {
        return { start: at + nl + 1, id: normalizeMetadataValue(parseFields(decoder.decode(line), columns)[columns.idColumn]) };
      } catch {
        return null;
      }
    }
    return null;
  } finally {
    await handle.close();
  }
}
