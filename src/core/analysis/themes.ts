import { listCodes, type Codebook } from '../model/codebook.js';
import type { CodedSegment } from './coded-segments.js';
import { computeLogLikelihoodKeyness, type KeynessForm } from './log-likelihood-keyness.js';
import { ContentTermCounter, type TermTally } from './content-terms.js';

export interface KeyTerm {
  term: string;
  /** Occurrences in segments with the code, and in the other reviewed segments. */
  freq_code: number;
  freq_rest: number;
  g2: number;
}

/** The longest exemplar quote, in UTF-16 units: a document-unit study's exemplar is a whole document, which may be hundreds of megabytes. */
export const EXEMPLAR_MAX_CHARS = 10_000;

/** A segment's text as an exemplar quote: whole, or its first EXEMPLAR_MAX_CHARS (never half a surrogate pair) and an ellipsis. */
export function exemplarQuote(text: string): string {
  if (text.length <= EXEMPLAR_MAX_CHARS) return text;
  const c = text.charCodeAt(EXEMPLAR_MAX_CHARS - 1);
  return `${text.slice(0, c >= 0xd800 && c <= 0xdbff ? EXEMPLAR_MAX_CHARS - 1 : EXEMPLAR_MAX_CHARS)}…`;
}

export interface Exemplar {
  segment_id: string;
  /** Matches of the code's patterns in the segment. */
  matches: number;
  /** Mean G² of the segment's tokens among the code's key terms (tie-break and fallback). */
  keyness: number;
  text: string;
}

export interface CodeTheme {
  category: string;
  code: string;
  segments: number;
  terms: KeyTerm[];
  exemplars: Exemplar[];
}

export interface ThemesInput {
  codebook: Codebook;
  coded: readonly CodedSegment[];
  /** The matches `qcode code` finds for the codebook on these segments (findCorpusEvidence), for exemplar counts. */
  evidence: readonly { segment_id: string; code: string }[];
  codes?: readonly string[];
  top: number;
  exemplars: number;
  /** Default two-cell (Rayson & Garside 2000); dunning for Dunning's (1993) full table. */
  keyness?: KeynessForm;
}

const byTerm = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const matchKey = (segmentId: string, code: string) => `${segmentId}\u0000${code}`;

/**
 * The first pass of themes over the coded segments (text and codes, in
 * corpus order, one at a time): content terms counted over all of them and
 * over each code's. Memory grows with the vocabulary and the codes, not with
 * the segments.
 */
export class ThemeCounts {
  readonly terms = new ContentTermCounter();
  /** Occurrences of each term (by number) over all the segments. */
  readonly total = new CodeCounts();
  readonly perCode = new Map<string, CodeCounts>();

  constructor(codeIds: readonly string[]) {
    for (const id of codeIds) this.perCode.set(id, new CodeCounts());
  }

  /** Counts a segment's terms; returns them (by number, text order). */
  add(text: string, codes: ReadonlySet<string>): number[] {
    return this.addTerms(this.terms.termIds(text), codes);
  }

  /** Counts a segment's terms, numbered by `terms` (ThemeDocument reads them off a document's scan); returns them. */
  addTerms(toks: number[], codes: ReadonlySet<string>): number[] {
    this.total.add(toks);
    for (const id of codes) {
      const c = this.perCode.get(id);
      if (!c) continue;
      c.segments++;
      c.add(toks);
    }
    return toks;
  }

  /** The counts as plain data, for another thread's ThemeCounts to absorb. */
  tally(): ThemeTally {
    return { terms: this.terms.tally(), total: this.total.tally(), perCode: [...this.perCode].map(([id, c]) => [id, c.tally()]) };
  }

  /**
   * Adds the counts of the segments that come after these (a later slice of
   * the corpus, counted apart): the counts, terms and orders one ThemeCounts
   * over all of them would have. Returns each of its term numbers' number here.
   */
  absorb(t: ThemeTally): Int32Array {
    const remap = this.terms.absorb(t.terms);
    this.total.absorb(t.total, remap);
    for (const [id, c] of t.perCode) this.perCode.get(id)?.absorb(c, remap);
    return remap;
  }
}

/** ThemeCounts as plain data (ThemeCounts.tally). */
export interface ThemeTally {
  terms: TermTally;
  total: CodeTally;
  perCode: [string, CodeTally][];
}

/** CodeCounts as plain data: the terms in the order first met, with their counts. */
interface CodeTally {
  seen: Int32Array;
  counts: Int32Array;
  size: number;
  segments: number;
}

/** Term counts over some segments: a count per term number, the terms in the order first met (the order ties keep), and their sum. */
class CodeCounts {
  count = new Int32Array(64);
  readonly seen: number[] = [];
  size = 0;
  segments = 0;

  add(toks: readonly number[]): void {
    this.size += toks.length;
    for (const t of toks) {
      if (t >= this.count.length) this.grow(t);
      const n = this.count[t]!;
      if (n === 0) this.seen.push(t);
      this.count[t] = n + 1;
    }
  }

  private grow(t: number): void {
    const grown = new Int32Array(Math.max(2 * this.count.length, t + 1));
    grown.set(this.count);
    this.count = grown;
  }

  tally(): CodeTally {
    const seen = Int32Array.from(this.seen);
    return { seen, counts: seen.map((t) => this.count[t]!), size: this.size, segments: this.segments };
  }

  /** Adds counts of later segments, their terms renumbered by `remap`: terms new here are met after ours, in their order. */
  absorb(t: CodeTally, remap: Int32Array): void {
    this.size += t.size;
    this.segments += t.segments;
    for (let i = 0; i < t.seen.length; i++) {
      const term = remap[t.seen[i]!]!;
      if (term >= this.count.length) this.grow(term);
      if (this.count[term] === 0) this.seen.push(term);
      this.count[term]! += t.counts[i]!;
    }
  }
}

/** A code's key terms, before its exemplars are picked; `g2ByTerm` holds every positive key term (by its number in ThemeCounts.terms). */
export interface CodeTerms extends Omit<CodeTheme, 'exemplars'> {
  g2ByTerm: ReadonlyMap<number, number>;
}

/**
 * Per code (codebook order, or the codes asked for): its most distinctive
 * terms, positive log-likelihood keyness G² of the segments coded with it
 * against all other reviewed segments, top N by G², ties by term (terms are
 * the matcher's words, see content-terms.ts).
 */
export function computeCodeTerms(counts: ThemeCounts, input: Pick<ThemesInput, 'codebook' | 'codes' | 'top' | 'keyness'>): CodeTerms[] {
  const display = counts.terms.display();
  const wanted = input.codes ? new Set(input.codes) : null;
  return listCodes(input.codebook)
    .filter((r) => !wanted || wanted.has(r.code.id))
    .map(({ code, category }) => {
      const own = counts.perCode.get(code.id)!;
      const c = own.size;
      const d = counts.total.size - c;
      const g2ByTerm = new Map<number, number>();
      const terms: KeyTerm[] = [];
      for (const term of own.seen) {
        const a = own.count[term]!;
        const b = counts.total.count[term]! - a;
        const g2 = computeLogLikelihoodKeyness(a, b, c, d, input.keyness ?? 'two-cell');
        if (g2 > 0) {
          g2ByTerm.set(term, g2);
          terms.push({ term: display.get(counts.terms.folded[term]!)!, freq_code: a, freq_rest: b, g2 });
        }
      }
      terms.sort((x, y) => y.g2 - x.g2 || byTerm(x.term, y.term));
      return { category: category.id, code: code.id, segments: own.segments, terms: terms.slice(0, input.top), g2ByTerm };
    });
}

/**
 * The second pass: each code's exemplar quotes, the segments coded with it
 * that have the most matches of its patterns (the auto-coder's evidence),
 * then the highest length-normalised keyness (sum of the G² of the segment's
 * tokens that are positive key terms of the code, divided by its token
 * count), then corpus order. Segments come one at a time in corpus order and
 * only the best `exemplars` per code are kept.
 */
export class ExemplarPicker {
  private readonly best: Exemplar[][];

  constructor(
    private readonly codes: readonly CodeTerms[],
    private readonly exemplars: number,
    /** The counter the key terms were numbered by. */
    private readonly terms: ContentTermCounter,
  ) {
    this.best = codes.map(() => []);
  }

  /** A segment coded with `codes`, its matches per code and its terms (asked only when needed; default: the text's, looked up). */
  add(segmentId: string, text: string, codes: ReadonlySet<string>, matches: (code: string) => number, terms = () => this.terms.lookupIds(text)): void {
    let toks: number[] | null = null;
    this.codes.forEach((code, k) => {
      if (codes.has(code.code)) this.offer(k, segmentId, text, matches(code.code), () => (toks ??= terms()));
    });
  }

  /** Offers a segment coded with the k-th code, with its matches of the code's patterns and (asked only when needed) its terms. */
  offer(k: number, segmentId: string, text: string, found: number, terms: () => ArrayLike<number>): void {
    const list = this.best[k]!;
    if (this.exemplars === 0) return;
    // A full list is not entered with fewer matches than its last: no need to tokenise the text for that.
    if (list.length === this.exemplars && found < list[list.length - 1]!.matches) return;
    const toks = terms();
    const g2ByTerm = this.codes[k]!.g2ByTerm;
    let sum = 0;
    for (let i = 0; i < toks.length; i++) sum += g2ByTerm.get(toks[i]!) ?? 0;
    const keyness = toks.length === 0 ? 0 : sum / toks.length;
    const ex = { segment_id: segmentId, matches: found, keyness, text: exemplarQuote(text) };
    // A later segment goes after every one it does not beat: the order of a stable sort by matches, then keyness.
    let at = list.length;
    while (at > 0 && (ex.matches > list[at - 1]!.matches || (ex.matches === list[at - 1]!.matches && ex.keyness > list[at - 1]!.keyness))) at--;
    if (at >= this.exemplars) return;
    list.splice(at, 0, ex);
    if (list.length > this.exemplars) list.pop();
  }

  result(): CodeTheme[] {
    return this.codes.map(({ g2ByTerm: _, ...code }, k) => ({ ...code, exemplars: this.best[k]! }));
  }
}

/**
 * Per code: its most distinctive terms (computeCodeTerms) and exemplar quotes
 * (ExemplarPicker), over coded segments held in memory.
 */
export function computeThemes(input: ThemesInput): CodeTheme[] {
  const counts = new ThemeCounts(listCodes(input.codebook).map((r) => r.code.id));
  for (const s of input.coded) counts.add(s.segment.text, s.codes);
  const matches = countMatches(input.evidence);
  const picker = new ExemplarPicker(computeCodeTerms(counts, input), input.exemplars, counts.terms);
  for (const { segment, codes } of input.coded) picker.add(segment.segment_id, segment.text, codes, (code) => matches.get(matchKey(segment.segment_id, code)) ?? 0);
  return picker.result();
}

/** Matches per segment and code, keyed by matchKey. */
function countMatches(evidence: ThemesInput['evidence']): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of evidence) {
    const key = matchKey(e.segment_id, e.code);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
