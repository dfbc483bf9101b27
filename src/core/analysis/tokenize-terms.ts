import { STOP_WORDS } from './stop-words.js';

/**
 * Content terms of a text for keyness: lower-cased (NFC) runs of letters, marks
 * and digits joined by inner hyphens or apostrophes, with an English
 * possessive `'s` dropped; stop words, one-letter tokens and tokens without a
 * letter are left out.
 */
export function tokenizeTerms(text: string): string[] {
  const terms: string[] = [];
  for (const m of text.normalize('NFC').toLowerCase().matchAll(/[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*/gu)) {
    const term = m[0].replace(/['’]s$/u, '').replace(/’/g, "'");
    if ([...term].length < 2 || !/\p{L}/u.test(term) || STOP_WORDS.has(term)) continue;
    terms.push(term);
  }
  return terms;
}
