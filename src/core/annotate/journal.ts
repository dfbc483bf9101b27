import type { Codebook } from '../model/codebook.js';
import { listCodes } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import type { LocatedCoding } from '../coding/parse-coding-file.js';
import { warn } from '../diagnostics/qcode-error.js';
import { appendAll } from '../util/bulk-array.js';

/**
 * One confirmed segment in a coder's annotation journal: the complete set of
 * codes the coder gave it (empty: reviewed, none applies) and a memo. A later
 * entry for the same segment replaces an earlier one.
 */
export interface JournalEntry {
  segment_id: string;
  doc_id: string;
  /** The fingerprint of the text the coder confirmed (absent in journals from before qcode wrote it). */
  text_sha?: string;
  codes: string[];
  memo: string;
}

/** One JSON object per line, keys in a fixed order. */
export function formatJournalEntry(e: JournalEntry): string {
  const sha = e.text_sha === undefined ? {} : { text_sha: e.text_sha };
  return `${JSON.stringify({ segment_id: e.segment_id, doc_id: e.doc_id, ...sha, codes: e.codes, memo: e.memo })}\n`;
}

function isEntry(v: unknown): v is JournalEntry {
  const o = v as Record<string, unknown>;
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.segment_id === 'string' &&
    typeof o.doc_id === 'string' &&
    typeof o.memo === 'string' &&
    (o.text_sha === undefined || typeof o.text_sha === 'string') &&
    Array.isArray(o.codes) &&
    o.codes.every((c) => typeof c === 'string')
  );
}

/**
 * Reads a journal. A line that is not a whole entry (a session killed while
 * writing it) is skipped with a warning: its segment was never confirmed.
 */
export function parseJournal(text: string, file: string, coder = ''): { entries: JournalEntry[]; rows: LocatedCoding[]; diagnostics: Diagnostic[] } {
  const entries: JournalEntry[] = [];
  const rows: LocatedCoding[] = [];
  const diagnostics: Diagnostic[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (isEntry(value)) {
      entries.push(value);
      appendAll(rows, entryRows(value, coder, { file, line: i + 1 }));
    } else diagnostics.push(warn('QC513', 'not a complete journal entry; skipped', { at: { file, line: i + 1 } }));
  });
  return { entries, rows, diagnostics };
}

/** An entry as coding-file rows (category left to validation), with where it stands, for the checks coding files get. */
export function entryRows(e: JournalEntry, coder: string, at: SourceLocation): LocatedCoding[] {
  const base = { segment_id: e.segment_id, doc_id: e.doc_id, coder, category: '', memo: e.memo };
  const sha = e.text_sha === undefined ? {} : { text_sha: e.text_sha };
  const codes = e.codes.length === 0 ? [''] : e.codes;
  return codes.map((code) => ({ coding: { ...base, code }, at: { row: at }, ...sha }));
}

/** The codes and memo a coder's codings give one segment each. */
export function computeEntries(codings: readonly Coding[]): Map<string, JournalEntry> {
  const out = new Map<string, JournalEntry>();
  for (const c of codings) {
    const e = out.get(c.segment_id) ?? { segment_id: c.segment_id, doc_id: c.doc_id, codes: [], memo: '' };
    if (c.code !== '') e.codes.push(c.code);
    if (c.memo !== '' && !e.memo.split('\n').includes(c.memo)) e.memo = e.memo ? `${e.memo}\n${c.memo}` : c.memo;
    out.set(c.segment_id, e);
  }
  return out;
}

/**
 * Folds journal entries into a coder's codings: each entry replaces every
 * row of its segment. Rows come out in codebook order per segment, the memo
 * on the first; callers sort the file as a whole.
 */
export function applyJournal(codings: readonly Coding[], entries: readonly JournalEntry[], coder: string, codebook: Codebook): Coding[] {
  const latest = new Map<string, JournalEntry>();
  for (const e of entries) latest.set(e.segment_id, e);
  const categoryOf = new Map(listCodes(codebook).map((r) => [r.code.id, r.category.id]));
  const order = new Map(listCodes(codebook).map((r) => [r.code.id, r.order]));
  const out = codings.filter((c) => !latest.has(c.segment_id));
  for (const e of latest.values()) {
    const codes = [...e.codes].sort((x, y) => order.get(x)! - order.get(y)!);
    const base = { segment_id: e.segment_id, doc_id: e.doc_id, coder };
    if (codes.length === 0) out.push({ ...base, category: '', code: '', memo: e.memo });
    codes.forEach((code, i) => out.push({ ...base, category: categoryOf.get(code) ?? '', code, memo: i === 0 ? e.memo : '' }));
  }
  return out;
}
