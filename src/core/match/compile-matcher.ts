import type { Codebook } from '../model/codebook.js';
import { listCodes } from '../model/codebook.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { QcodeError, diag } from '../diagnostics/qcode-error.js';
import { K_APOS, K_HYPHEN, K_WORD, classOf, foldBytes } from '../pattern/char-class.js';
import { buildPackedTrie, type PackedTrie, type TrieKey } from './packed-trie.js';
import { parsePattern, type TermPattern } from '../pattern/parse-pattern.js';

/** One codebook pattern as the matcher knows it. */
export interface PatternInfo {
  /** The pattern as written in the codebook. */
  pattern: string;
  code: string;
  category: string;
  /** Position of the code in codebook order. */
  codeOrder: number;
  /** true when the category allows one code per segment. */
  exclusive: boolean;
  regex: RegExp | null;
}

/**
 * A codebook compiled for matching, built once and shared by every segment
 * (and sent to worker threads by recompiling from the codebook). Token
 * patterns become terms (one per distinct folded word) found by the packed
 * tries, and phrases: sequences of terms matched token by token.
 */
export interface Matcher {
  patterns: PatternInfo[];
  /** Code ids in codebook order, with their category and exclusivity. */
  codes: { id: string; category: string; exclusive: boolean }[];
  /** Exact words and prefix wildcards, walked forward. */
  forward: PackedTrie;
  /** Column of each ASCII byte after lower-casing, hyphen and apostrophe included. */
  asciiCol: Uint8Array;
  /** Per byte: its column when it is a raw ASCII word character, else 255 (the byte scanner's fast loop). */
  asciiWordCol: Uint8Array;
  /** Suffix wildcards, walked backward over the folded token; null if none. */
  backward: PackedTrie | null;
  /** Column of each byte in the backward trie, ASCII upper case folded to lower. */
  backwardCol: Uint8Array;
  /**
   * A filter before the backward walk: 1 at suffixKey(last four folded bytes
   * of the token, or last three with 0 for the fourth unless suffixWide) when
   * some suffix term could end that way (missing bytes are 0 in a short
   * token). Null without suffix terms.
   */
  suffixPair: Uint8Array | null;
  /**
   * True when every suffix term has four bytes or more, so the filter keys on
   * four bytes: with three, endings common in the text ("-ost", "-ion") sent
   * one token in eight on to the backward walk, nearly all for nothing.
   */
  suffixWide: boolean;
  /** Other wildcard words, tested on the folded token. */
  globs: { term: number; re: RegExp }[];
  /** The term of a lone `*` word, -1 if no phrase has one. */
  anyTerm: number;
  termCount: number;
  /** True when a token's folded bytes must be kept (suffix or glob terms). */
  needTokenBytes: boolean;
  /** Phrase of pattern p: terms phraseTerms[phraseStart[p] .. + phraseLen[p]] (regex patterns: length 0). */
  phraseTerms: Int32Array;
  phraseStart: Int32Array;
  phraseLen: Int32Array;
  /** Patterns whose first term is t: startList[startAt[t] .. startAt[t + 1]]. */
  startAt: Int32Array;
  startList: Int32Array;
  /** Pattern ids of regex patterns. */
  regexPatterns: number[];
}

const encoder = new TextEncoder();

function termKey(t: TermPattern): string {
  return t.kind === 'any' ? '*' : t.kind === 'glob' ? `g:${t.parts.join('*')}` : `${t.kind[0]}:${t.text}`;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** ASCII column map of the forward trie: the text side of folding for the common bytes. */
function asciiColumns(trie: PackedTrie): Uint8Array {
  const cols = new Uint8Array(128);
  for (let b = 0; b < 128; b++) {
    const kind = classOf(b) & 7;
    if (kind === K_WORD || kind === K_HYPHEN || kind === K_APOS) cols[b] = trie.byteCol[foldBytes(b)[0]!]!;
  }
  return cols;
}

function wordColumns(asciiCol: Uint8Array): Uint8Array {
  const cols = new Uint8Array(256).fill(255);
  for (let b = 0; b < 128; b++) if ((classOf(b) & 7) === K_WORD && b !== 0x5c) cols[b] = asciiCol[b]!;
  return cols;
}

/** Hash of a token's last four folded bytes (b0 the last) into 16 bits, for the suffix filter. */
export function suffixKey(b3: number, b2: number, b1: number, b0: number): number {
  return Math.imul((b3 << 24) | (b2 << 16) | (b1 << 8) | b0, 0x9e3779b1) >>> 16;
}

function suffixPairs(terms: readonly TermPattern[]): { table: Uint8Array | null; wide: boolean } {
  const suffixes = terms.flatMap((t) => (t.kind === 'suffix' ? [encoder.encode(t.text)] : []));
  if (suffixes.length === 0) return { table: null, wide: false };
  const wide = suffixes.every((b) => b.length >= 4);
  const keys = new Uint8Array(1 << 16);
  for (const b of suffixes) {
    const n = b.length;
    if (wide) keys[suffixKey(b[n - 4]!, b[n - 3]!, b[n - 2]!, b[n - 1]!)] = 1;
    else if (n >= 3) keys[suffixKey(0, b[n - 3]!, b[n - 2]!, b[n - 1]!)] = 1;
    else if (n === 2) for (let x = 0; x < 256; x++) keys[suffixKey(0, x, b[0]!, b[1]!)] = 1;
    else keys.fill(1);
  }
  return { table: keys, wide };
}

/** Byte columns of a trie for raw bytes: A-Z read as a-z, so raw ASCII needs no folding first. */
function lowerCaseColumns(trie: PackedTrie | null): Uint8Array {
  const cols = new Uint8Array(256);
  if (trie) for (let b = 0; b < 256; b++) cols[b] = trie.byteCol[b >= 0x41 && b <= 0x5a ? b + 32 : b]!;
  return cols;
}

/** The patterns of one code, as the compiler takes them. */
interface CodeSource {
  id: string;
  category: string;
  exclusive: boolean;
  patterns: readonly string[];
}

/** A parsed pattern ready for the tables: its info and, for a token pattern, its terms. */
interface CompiledPattern {
  info: PatternInfo;
  terms: TermPattern[] | null;
}

/**
 * Compiles every pattern of the codebook. Throws a QcodeError listing every
 * unusable pattern, each located by category and code.
 */
export function compileMatcher(codebook: Codebook): Matcher {
  const codes = listCodes(codebook).map(({ code, category }) => ({
    id: code.id,
    category: category.id,
    exclusive: category.exclusive,
    patterns: code.patterns,
  }));
  return compileCodes(codes);
}

/**
 * Compiles a bare list of patterns, as if they were the patterns of one code
 * with an empty id (kwic): the same parser and tables as for a codebook, so
 * a pattern finds here exactly what it finds in `qcode code`.
 */
export function compilePatterns(patterns: readonly string[]): Matcher {
  return compileCodes([{ id: '', category: '', exclusive: false, patterns }]);
}

/**
 * A matcher whose one pattern is a lone `*`, which matches every token once:
 * the scanner's own definition of a word, for listing the words of a text.
 * (A codebook may not hold a pattern of only wildcards; this is built from
 * the parsed form.)
 */
export function compileWordMatcher(): Matcher {
  const info: PatternInfo = { pattern: '*', code: '', category: '', codeOrder: 0, exclusive: false, regex: null };
  return buildMatcher([{ info, terms: [{ kind: 'any' }] }], [{ id: '', category: '', exclusive: false, patterns: [] }]);
}

function compileCodes(codes: readonly CodeSource[]): Matcher {
  const compiled: CompiledPattern[] = [];
  const problems: Diagnostic[] = [];
  codes.forEach((code, order) => {
    for (const pattern of code.patterns) {
      const parsed = parsePattern(pattern);
      if (parsed.kind === 'error') {
        problems.push(diag(parsed.code, code.id === '' ? parsed.message : `code '${code.id}': ${parsed.message}`));
        continue;
      }
      const regex = parsed.kind === 'regex' ? parsed.regex : null;
      const info: PatternInfo = { pattern, code: code.id, category: code.category, codeOrder: order, exclusive: code.exclusive, regex };
      compiled.push({ info, terms: parsed.kind === 'tokens' ? parsed.terms : null });
    }
  });
  if (problems.length > 0) throw new QcodeError(problems);
  return buildMatcher(compiled, codes);
}

function buildMatcher(compiled: readonly CompiledPattern[], codes: readonly CodeSource[]): Matcher {
  const patterns = compiled.map((c) => c.info);
  const termIds = new Map<string, number>();
  const terms: TermPattern[] = [];
  const phrases = compiled.map(({ terms: words }) =>
    (words ?? []).map((t) => {
      const key = termKey(t);
      let id = termIds.get(key);
      if (id === undefined) {
        id = terms.length;
        terms.push(t);
        termIds.set(key, id);
      }
      return id;
    }),
  );

  const forwardKeys: TrieKey[] = [];
  const backwardKeys: TrieKey[] = [];
  const globs: { term: number; re: RegExp }[] = [];
  let anyTerm = -1;
  terms.forEach((t, id) => {
    if (t.kind === 'any') anyTerm = id;
    else if (t.kind === 'glob') globs.push({ term: id, re: new RegExp(`^${t.parts.map(escapeRegex).join('.*')}$`, 's') });
    else if (t.kind === 'suffix') backwardKeys.push({ bytes: encoder.encode(t.text).reverse(), term: id, prefix: true });
    else forwardKeys.push({ bytes: encoder.encode(t.text), term: id, prefix: t.kind === 'prefix' });
  });
  const forward = buildPackedTrie(forwardKeys);
  const asciiCol = asciiColumns(forward);
  const backward = backwardKeys.length > 0 ? buildPackedTrie(backwardKeys) : null;
  const suffixFilter = suffixPairs(terms);

  const phraseStart = new Int32Array(phrases.length);
  const phraseLen = new Int32Array(phrases.length);
  const flat: number[] = [];
  const starts: number[][] = terms.map(() => []);
  phrases.forEach((ph, p) => {
    phraseStart[p] = flat.length;
    phraseLen[p] = ph.length;
    flat.push(...ph);
    if (ph.length > 0) starts[ph[0]!]!.push(p);
  });
  const startAt = new Int32Array(terms.length + 1);
  const startList: number[] = [];
  starts.forEach((list, t) => {
    startAt[t] = startList.length;
    startList.push(...list);
  });
  startAt[terms.length] = startList.length;

  return {
    patterns,
    codes: codes.map(({ id, category, exclusive }) => ({ id, category, exclusive })),
    forward,
    asciiCol,
    asciiWordCol: wordColumns(asciiCol),
    backward,
    backwardCol: lowerCaseColumns(backward),
    suffixPair: suffixFilter.table,
    suffixWide: suffixFilter.wide,
    globs,
    anyTerm,
    termCount: terms.length,
    needTokenBytes: backwardKeys.length > 0 || globs.length > 0,
    phraseTerms: Int32Array.from(flat),
    phraseStart,
    phraseLen,
    startAt,
    startList: Int32Array.from(startList),
    regexPatterns: patterns.flatMap((p, i) => (p.regex ? [i] : [])),
  };
}
