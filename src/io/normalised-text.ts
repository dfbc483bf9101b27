import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import { diag } from '../core/diagnostics/qcode-error.js';
import { findInvalidUtf8, normalizeNfc } from '../core/corpus/normalize-text.js';
import { utf8Length } from '../core/util/utf8-chars.js';

/** The QC302 for invalid UTF-8 at a file offset, as the in-memory reader words it. */
export function invalidUtf8(shown: string, byte: number, offset: number, line: number): Diagnostic {
  return diag('QC302', `${shown} is not valid UTF-8: byte 0x${byte.toString(16).padStart(2, '0')} at byte offset ${offset}`, { at: { file: shown, line } });
}

/** Bytes at the end of `b` that begin a UTF-8 sequence the next chunk completes. */
export function incompleteTail(b: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, b.length); k++) {
    const c = b[b.length - k]!;
    if ((c & 0xc0) === 0x80) continue;
    return utf8Length(c) > k ? k : 0;
  }
  return 0;
}

export interface NormalisedTextHooks {
  /** Hears the QC302 of invalid bytes; the text stops there. */
  problem: (d: Diagnostic) => void;
  /** Bytes read so far. */
  progress?: (bytesDone: number) => void;
  /** Every chunk of raw bytes, in order (to hash the file as it is read). */
  bytes?: (chunk: Uint8Array) => void;
}

/**
 * A file's text in chunks, as the in-memory reader sees the whole: UTF-8
 * checked (invalid bytes stop it with the reader's QC302), a leading BOM
 * dropped, CRLF and CR made LF (so record line numbers agree).
 */
export async function* readNormalisedText(file: string, shown: string, hooks: NormalisedTextHooks): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let carry: Uint8Array = new Uint8Array(0);
  let offset = 0;
  let lines = 1;
  let crHeld = false;
  let first = true;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hooks.bytes?.(chunk);
    const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const end = data.length - incompleteTail(data);
    const whole = data.subarray(0, end);
    if (!isUtf8(whole)) {
      const bad = findInvalidUtf8(whole);
      for (let i = 0; i < bad; i++) if (whole[i] === 0x0a) lines++;
      hooks.problem(invalidUtf8(shown, whole[bad]!, offset + bad, lines));
      return;
    }
    for (let i = 0; i < end; i++) if (whole[i] === 0x0a) lines++;
    offset += end;
    carry = data.slice(end);
    hooks.progress?.(offset);
    let text: string = (crHeld ? '\r' : '') + decoder.decode(whole);
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    crHeld = text.endsWith('\r');
    if (crHeld) text = text.slice(0, -1);
    yield text.replace(/\r\n?/g, '\n');
  }
  if (carry.length > 0) {
    hooks.problem(invalidUtf8(shown, carry[0]!, offset, lines));
    return;
  }
  if (crHeld) yield '\n';
}

/**
 * The same chunks in Unicode NFC, as normalizeText makes a whole file: each
 * chunk is cut after its last line break (a line break never combines with
 * what is around it, so normalising line by line is normalising the whole).
 * A long line is normalised and handed on in pieces, each cut before a
 * character below U+0300 (one that combines with nothing before it): a
 * 200 MB line (one huge document) is neither copied at every chunk nor held
 * here whole beside the reader's own copy of it.
 */
export async function* nfcByLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let raw: string[] = []; // text after the last safe cut, not normalised yet
  for await (const chunk of chunks) {
    const cut = chunk.lastIndexOf('\n') + 1;
    const safe = cut > 0 ? cut : safeCut(chunk);
    if (safe <= 0) {
      raw.push(chunk);
      continue;
    }
    raw.push(chunk.slice(0, safe));
    yield normalizeNfc(raw.join(''));
    raw = safe < chunk.length ? [chunk.slice(safe)] : [];
  }
  if (raw.length > 0) {
    const rest = normalizeNfc(raw.join(''));
    if (rest !== '') yield rest;
  }
}

/** Where a chunk may be cut for NFC: before its last character below U+0300 among its final 256; -1 if none. */
function safeCut(chunk: string): number {
  for (let i = chunk.length - 1; i >= 0 && i >= chunk.length - 256; i--) if (chunk.charCodeAt(i) < 0x300) return i;
  return -1;
}
