import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { rowToDocument, type ColumnNames } from '../core/corpus/parse-table-corpus.js';
import type { Document } from '../core/model/document.js';

const decoder = new TextDecoder();
const LF = 0x0a;
const CR = 0x0d;
/** Keys are normalised with their line by the corpus reader; only characters from U+0300 up may change in NFC. */
const MAY_CHANGE_IN_NFC = /[\u0300-\uffff]/;

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

/**
 * The documents a second pass over a JSONL corpus file wants, read from the
 * file's bytes: what streamDocuments yields for them (the same documents,
 * numbered alike in corpus order), without decoding, normalising, parsing
 * or hashing the documents `want` leaves out. Lines are cut at LF; a line
 * holding a CR is cut as the reader cuts it (CRLF and CR are line breaks).
 * The corpus must have read without errors before (a first pass): a line
 * that is not a document then means the file changed (CorpusChanged).
 * Returns the sha256 of the file's bytes, for the caller to compare.
 */
export async function forEachPickedJsonlDocument(
  file: string,
  shown: string,
  columns: ColumnNames,
  want: (d: number) => boolean,
  visit: (d: number, doc: Document) => void | Promise<void>,
): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(file, 'r');
  let d = -1;
  let lineNo = 0;
  /** Document d of the corpus, parsed as the reader parses it (JSON.parse, keys in NFC, rowToDocument); a line that is none now means the file changed. */
  const visitLine = async (text: string) => {
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch {
      throw new CorpusChanged();
    }
    if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new CorpusChanged();
    let fields = row as Record<string, unknown>;
    if (Object.keys(fields).some((k) => MAY_CHANGE_IN_NFC.test(k))) {
      const keyed: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(fields)) keyed[k.normalize('NFC')] = v;
      fields = keyed;
    }
    if (!(columns.idColumn in fields) || !(columns.textColumn in fields)) throw new CorpusChanged();
    await visit(d, rowToDocument(fields, columns, { file: shown, line: lineNo }));
  };
  const take = async (text: string) => {
    lineNo++;
    if (text.trim() === '') return;
    d++;
    if (want(d)) await visitLine(text);
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
      if (want(d)) await visitLine(decoder.decode(raw));
    } else await take(decoder.decode(raw));
  };
  try {
    let buf = Buffer.allocUnsafe(1 << 20);
    let held = 0;
    let first = true;
    for (;;) {
      if (held === buf.length) {
        // A line longer than the buffer: grow it.
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, held);
        buf = bigger;
      }
      const { bytesRead } = await handle.read(buf, held, buf.length - held, null);
      hash.update(buf.subarray(held, held + bytesRead));
      held += bytesRead;
      const atEnd = bytesRead === 0;
      const view = buf.subarray(0, held);
      let start = 0;
      if (first) {
        first = false;
        // A leading byte-order mark is not text, as for the reader.
        if (held >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
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
  return hash.digest('hex');
}
