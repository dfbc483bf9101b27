import type { Unit } from '../model/codebook.js';
import { guidKey } from './guid.js';

/**
 * What a .qdc or .qde cannot hold but a qcode codebook has: the codebook's
 * name and version, code and category ids, exclusive categories, dictionary
 * patterns. qcode writes it as JSON in one XML comment inside the root
 * element; QDA tools ignore comments, and qcode reads it back so that an
 * export followed by an import gives the same codebook. Keys are guidKeys.
 */
export interface QcodeNotes {
  codebook?: { name: string; version: string; title: string; description: string; language: string; unit: Unit };
  categories?: Record<string, { id: string; exclusive: boolean }>;
  codes?: Record<string, { id: string; patterns: string[] }>;
  /** Document ids by source guidKey. */
  documents?: Record<string, string>;
  /** Selections without codings are qcode's "reviewed, no code applies" marks, not free quotations. */
  reviewMarks?: boolean;
}

/** JSON for inside a comment: no "--" may appear, so such hyphens are escaped as JSON allows. */
export function formatQcodeNotes(notes: QcodeNotes): string {
  return JSON.stringify(notes).replace(/-(?=-)/g, '\\u002d');
}

/** The notes of a comment, or {} when it is absent or not qcode's. */
export function parseQcodeNotes(comment: string | undefined): QcodeNotes {
  if (!comment) return {};
  try {
    const v = JSON.parse(comment) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as QcodeNotes) : {};
  } catch {
    return {};
  }
}

export function noteFor<T>(table: Record<string, T> | undefined, guid: string | undefined): T | undefined {
  return guid && table ? table[guidKey(guid)] : undefined;
}
