import type { Codebook } from '../model/codebook.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { QcodeError, diag } from '../diagnostics/qcode-error.js';
import { K_APOS, K_HYPHEN, K_WORD, classOf, foldBytes } from '../pattern/char-class.js';
import type { CompiledRegex } from '../pattern/check-regex.js';
import { buildPackedTrie, type PackedTrie, type TrieKey } from './packed-trie.js';
import { parsePattern, type ProximityOp, type TermPattern } from '../pattern/parse-pattern.js';
import { appendAll } from '../util/bulk-array.js';

/** A code's `patterns` find it; its `unless` patterns veto it in a segment. */
export type PatternRole = 'match' | 'veto';

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
  role: PatternRole;
  regex: CompiledRegex | null;
  /** For A NEAR/n B, A BEFORE/n B, A NOT NEAR/n B: the operator and n. */
  proximity: { op: ProximityOp; distance: number } | null;
}

/** A code as the decision rule needs it. */
export interface CodeInfo {
  id: string;
  category: string;
  exclusive: boolean;
  /** The code applies to a segment only with at least this many matches there. */
  minMatches: number;
}

/**
 * A codebook compiled for matching, built once and shared by every segment
 * (and sent to worker threads by recompiling from the codebook). Token
 * patterns become terms (one per distinct folded word) found by the packed
 * tries, and phrases: sequences of terms matched token by token. A phrase is
 * a whole pattern, or one side of a proximity pattern (phraseSide 1 or 2),
 * whose matches are paired per segment afterwards.
 */
export interface Matcher {
  patterns: PatternInfo[];
  /** Codes in codebook order. */
  codes: CodeInfo[];
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
  /** Other wildcard words: the term and its parts, tested on the folded token. */
  globs: { term: number; parts: string[] }[];
  /** Per term: case-sensitive terms (`=US`) refining it, checked on the token as written. Empty when none. */
  refinements: { term: number; parts: string[] }[][];
  /** True when some term has refinements. */
  hasRefinements: boolean;
  /** The term of a lone `*` word, -1 if no phrase has one. */
  anyTerm: number;
  termCount: number;
  /** True when a token's folded bytes must be kept (suffix or glob terms). */
  needTokenBytes: boolean;
  /** Phrase f: terms phraseTerms[phraseStart[f] .. + phraseLen[f]]. */
  phraseTerms: Int32Array;
  phraseStart: Int32Array;
  phraseLen: Int32Array;
  /** The pattern phrase f belongs to, and which part of it: 0 the whole pattern, 1 the left and 2 the right side of a proximity pattern. */
  phrasePattern: Int32Array;
  phraseSide: Uint8Array;
  /** Phrases whose first term is t: startList[startAt[t] .. startAt[t + 1]]. */
  startAt: Int32Array;
  startList: Int32Array;
  /** Per pattern: its code's order, and 1 for an `unless` pattern (typed copies of PatternInfo for the per-segment loops). */
  patternCode: Int32Array;
  patternVeto: Uint8Array;
  /** Pattern ids of regex patterns, of proximity patterns. */
  regexPatterns: number[];
  proximityPatterns: number[];
  /** True when some code has `unless` patterns or a min_matches above 1: the decision needs every match of the segment first. */
  hasRules: boolean;
}

const encoder = new TextEncoder();

function termKey(t: TermPattern): string {
  const base = t.kind === 'any' ? '*' : t.kind === 'glob' ? `g:${t.parts.join('*')}` : `${t.kind[0]}:${t.text}`;
  return t.cased ? `${base}\u0000${t.cased.join('*')}` : base;
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
  unless?: readonly string[];
  minMatches?: number;
}

/** A parsed pattern ready for the tables: its info and its phrases (one, two for a proximity pattern, none for a regex). */
interface CompiledPattern {
  info: PatternInfo;
  phrases: { terms: TermPattern[]; side: number }[];
}

/**
 * Compiles every pattern of the codebook, `unless` patterns included. Throws
 * a QcodeError listing every unusable pattern, each located by code.
 */
export function compileMatcher(codebook: Codebook): Matcher {
  // The categories walked here rather than through listCodes: that module holds the codebook's zod schema, which the coding threads need not load.
  const codes = codebook.categories.flatMap((category) =>
    category.codes.map((code) => ({
      id: code.id,
      category: category.id,
      exclusive: category.exclusive,
      patterns: code.patterns,
      unless: code.unless,
      minMatches: code.min_matches,
    })),
  );
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
  const info: PatternInfo = { pattern: '*', code: '', category: '', codeOrder: 0, exclusive: false, role: 'match', regex: null, proximity: null };
  return buildMatcher([{ info, phrases: [{ terms: [{ kind: 'any' }], side: 0 }] }], [{ id: '', category: '', exclusive: false, patterns: [] }]);
}

function compileCodes(codes: readonly CodeSource[]): Matcher {
  const compiled: CompiledPattern[] = [];
  const problems: Diagnostic[] = [];
  codes.forEach((code, order) => {
    const lists: [readonly string[], PatternRole][] = [
      [code.patterns, 'match'],
      [code.unless ?? [], 'veto'],
    ];
    for (const [list, role] of lists) {
      for (const pattern of list) {
        const parsed = parsePattern(pattern);
        if (parsed.kind === 'error') {
          problems.push(diag(parsed.code, code.id === '' ? parsed.message : `code '${code.id}': ${parsed.message}`, parsed.hint ? { hint: parsed.hint } : {}));
          continue;
        }
        const info: PatternInfo = {
          pattern,
          code: code.id,
          category: code.category,
          codeOrder: order,
          exclusive: code.exclusive,
          role,
          regex: parsed.kind === 'regex' ? parsed.regex : null,
          proximity: parsed.kind === 'proximity' ? { op: parsed.op, distance: parsed.distance } : null,
        };
        const phrases =
          parsed.kind === 'tokens'
            ? [{ terms: parsed.terms, side: 0 }]
            : parsed.kind === 'proximity'
              ? [
                  { terms: parsed.left, side: 1 },
                  { terms: parsed.right, side: 2 },
                ]
              : [];
        compiled.push({ info, phrases });
      }
    }
  });
  if (problems.length > 0) throw new QcodeError(problems);
  return buildMatcher(compiled, codes);
}

/** The term table: one id per distinct term; a case-sensitive term refines the folded term the tries find. */
class TermTable {
  readonly terms: TermPattern[] = [];
  readonly refinements: { term: number; parts: string[] }[][] = [];
  private readonly ids = new Map<string, number>();

  id(t: TermPattern): number {
    const key = termKey(t);
    let id = this.ids.get(key);
    if (id !== undefined) return id;
    id = this.terms.length;
    this.terms.push(t);
    this.refinements.push([]);
    this.ids.set(key, id);
    if (t.cased) {
      const { cased, ...base } = t;
      this.refinements[this.id(base)]!.push({ term: id, parts: cased });
    }
    return id;
  }
}

function buildMatcher(compiled: readonly CompiledPattern[], codes: readonly CodeSource[]): Matcher {
  const patterns = compiled.map((c) => c.info);
  const table = new TermTable();
  const phraseList: { terms: number[]; pattern: number; side: number }[] = [];
  compiled.forEach((c, p) => {
    for (const ph of c.phrases) phraseList.push({ terms: ph.terms.map((t) => table.id(t)), pattern: p, side: ph.side });
  });
  const terms = table.terms;

  const forwardKeys: TrieKey[] = [];
  const backwardKeys: TrieKey[] = [];
  const globs: { term: number; parts: string[] }[] = [];
  let anyTerm = -1;
  terms.forEach((t, id) => {
    if (t.cased) return; // found through the folded term it refines
    if (t.kind === 'any') anyTerm = id;
    else if (t.kind === 'glob') globs.push({ term: id, parts: t.parts });
    else if (t.kind === 'suffix') backwardKeys.push({ bytes: encoder.encode(t.text).reverse(), term: id, prefix: true });
    else forwardKeys.push({ bytes: encoder.encode(t.text), term: id, prefix: t.kind === 'prefix' });
  });
  const forward = buildPackedTrie(forwardKeys);
  const asciiCol = asciiColumns(forward);
  const backward = backwardKeys.length > 0 ? buildPackedTrie(backwardKeys) : null;
  const suffixFilter = suffixPairs(terms.filter((t) => !t.cased));

  const n = phraseList.length;
  const phraseStart = new Int32Array(n);
  const phraseLen = new Int32Array(n);
  const phrasePattern = new Int32Array(n);
  const phraseSide = new Uint8Array(n);
  const flat: number[] = [];
  const starts: number[][] = terms.map(() => []);
  phraseList.forEach((ph, f) => {
    phraseStart[f] = flat.length;
    phraseLen[f] = ph.terms.length;
    phrasePattern[f] = ph.pattern;
    phraseSide[f] = ph.side;
    appendAll(flat, ph.terms);
    starts[ph.terms[0]!]!.push(f);
  });
  const startAt = new Int32Array(terms.length + 1);
  const startList: number[] = [];
  starts.forEach((list, t) => {
    startAt[t] = startList.length;
    appendAll(startList, list);
  });
  startAt[terms.length] = startList.length;

  const codeInfos = codes.map(({ id, category, exclusive, minMatches }) => ({ id, category, exclusive, minMatches: minMatches ?? 1 }));
  return {
    patterns,
    codes: codeInfos,
    forward,
    asciiCol,
    asciiWordCol: wordColumns(asciiCol),
    backward,
    backwardCol: lowerCaseColumns(backward),
    suffixPair: suffixFilter.table,
    suffixWide: suffixFilter.wide,
    globs,
    refinements: table.refinements,
    hasRefinements: table.refinements.some((r) => r.length > 0),
    anyTerm,
    termCount: terms.length,
    needTokenBytes: backwardKeys.length > 0 || globs.length > 0,
    phraseTerms: Int32Array.from(flat),
    phraseStart,
    phraseLen,
    phrasePattern,
    phraseSide,
    startAt,
    startList: Int32Array.from(startList),
    patternCode: Int32Array.from(patterns, (p) => p.codeOrder),
    patternVeto: Uint8Array.from(patterns, (p) => (p.role === 'veto' ? 1 : 0)),
    regexPatterns: patterns.flatMap((p, i) => (p.regex ? [i] : [])),
    proximityPatterns: patterns.flatMap((p, i) => (p.proximity ? [i] : [])),
    hasRules: patterns.some((p) => p.role === 'veto') || codeInfos.some((c) => c.minMatches > 1),
  };
}
