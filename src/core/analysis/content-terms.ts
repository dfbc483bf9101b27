import { foldWord, lowerWord } from '../pattern/char-class.js';
import { decodeJsonSlice } from '../match/decode-json-slice.js';
import { TokenLog } from '../match/match-run.js';
import { logWords } from '../match/scan-words.js';
import { ByteInterner } from '../util/byte-interner.js';
import { STOP_WORDS } from './stop-words.js';
import { growInt32 } from '../util/grow-int32.js';

/** The content terms of some texts, for keyness. */
export interface ContentTerms {
  /** Per text, its content terms in text order, each by its folded form (the matcher's word identity). */
  terms: string[][];
  /** How each folded term is shown: its most frequent lower-case spelling over all the texts (ties: code-unit order). */
  display: ReadonlyMap<string, string>;
}

const FOLDED_STOP_WORDS: ReadonlySet<string> = new Set([...STOP_WORDS].map(foldWord));
const LETTER = /\p{L}/u;

/** Whether a folded word is a content term: two characters or more, a letter, no stop word. */
function isContentTerm(key: string): boolean {
  return [...key].length >= 2 && LETTER.test(key) && !FOLDED_STOP_WORDS.has(key);
}

/** A ContentTermCounter's terms and spelling counts as plain data (ContentTermCounter.tally). */
export interface TermTally {
  /** Folded form of each term, by number. */
  folded: readonly string[];
  /** Per spelling, by number (first met, first numbered): its term, its text and how often it was counted. */
  spellingTerm: Int32Array;
  spellingText: readonly string[];
  spellingCount: Int32Array;
}

/**
 * Content terms of texts given one at a time (a corpus streamed document by
 * document), with the spellings counted for `display`: memory grows with the
 * vocabulary, not with the texts. Each term has a number (first seen, first
 * numbered). A word as written is known by its bytes in the scanned buffer
 * (interned: no string per token); the first time a spelling is met it is
 * decoded, folded and judged, and from then on it is a table lookup.
 */
export class ContentTermCounter {
  /** Every word as written met so far, by its UTF-8 bytes. */
  private readonly words = new ByteInterner(4096);
  /** Per written word (by interned number): its term (-1: not a content term), its spelling (-1: not counted yet). */
  private wordTerm = new Int32Array(4096);
  private wordSpelling = new Int32Array(4096);
  private readonly ids = new Map<string, number>();
  /** Folded form of each term, by number. */
  readonly folded: string[] = [];
  /** Per term, its spellings (lower case, accents kept) with their numbers. */
  private readonly spellingIds: Map<string, number>[] = [];
  private readonly spellingCounts: number[] = [];
  private readonly log = new TokenLog();

  /**
   * The term of the word whose bytes are buf[from, to) (a token of a scan of
   * JSON string content: its UTF-8 bytes, or, from a JSONL line read where it
   * lies, with a character \u-escaped; such a spelling is interned apart and
   * decoded to the same word, term and spelling), -1 if it is no content
   * term; `count`: its spelling is counted.
   */
  termOf(buf: Uint8Array, from: number, to: number, count: boolean): number {
    const w = this.words.intern(buf, from, to);
    if (this.words.added) this.judge(w, decodeJsonSlice(buf, from, to));
    const term = this.wordTerm[w]!;
    if (term < 0 || !count) return term;
    let s = this.wordSpelling[w]!;
    if (s < 0) s = this.spell(w, term, decodeJsonSlice(buf, from, to));
    this.spellingCounts[s]!++;
    return term;
  }

  /** A new written word: folded and judged once. */
  private judge(w: number, word: string): void {
    if (w >= this.wordTerm.length) {
      this.wordTerm = growInt32(this.wordTerm);
      this.wordSpelling = growInt32(this.wordSpelling);
    }
    const key = foldWord(word);
    let term = -1;
    if (isContentTerm(key)) {
      term = this.ids.get(key) ?? -1;
      if (term < 0) {
        term = this.folded.length;
        this.ids.set(key, term);
        this.folded.push(key);
        this.spellingIds.push(new Map());
      }
    }
    this.wordTerm[w] = term;
    this.wordSpelling[w] = -1;
  }

  /** The spelling number of a written word of a term, the first time it is counted. */
  private spell(w: number, term: number, word: string): number {
    const shown = lowerWord(word);
    const ids = this.spellingIds[term]!;
    let s = ids.get(shown) ?? -1;
    if (s < 0) {
      s = this.spellingCounts.length;
      ids.set(shown, s);
      this.spellingCounts.push(0);
    }
    this.wordSpelling[w] = s;
    return s;
  }

  /** The content terms of the logged tokens [from, to) (log.buf's bytes), by number, in text order; into `out` when given (emptied first: a caller's scratch, copied where kept). */
  logTermIds(log: TokenLog, from: number, to: number, count: boolean, out: number[] = []): number[] {
    out.length = 0;
    const { buf, startUnit, endUnit } = log;
    for (let k = from; k < to; k++) {
      const term = this.termOf(buf, startUnit[k]!, endUnit[k]!, count);
      if (term >= 0) out.push(term);
    }
    return out;
  }

  /** The text's content terms in text order, by number; their spellings are counted. */
  termIds(text: string): number[] {
    logWords(text, this.log);
    return this.logTermIds(this.log, 0, this.log.count, true);
  }

  /** The text's content terms in text order, by number, spellings not counted (a second pass over texts already counted). */
  lookupIds(text: string): number[] {
    logWords(text, this.log);
    return this.logTermIds(this.log, 0, this.log.count, false);
  }

  /** The text's content terms in text order, by folded form; their spellings are counted. */
  terms(text: string): string[] {
    return this.termIds(text).map((t) => this.folded[t]!);
  }

  /** The terms and spellings counted, as plain data another thread's counter can absorb. */
  tally(): TermTally {
    const spellingTerm = new Int32Array(this.spellingCounts.length);
    const spellingText: string[] = new Array<string>(this.spellingCounts.length);
    this.spellingIds.forEach((ids, t) => {
      for (const [shown, s] of ids) {
        spellingTerm[s] = t;
        spellingText[s] = shown;
      }
    });
    return { folded: this.folded, spellingTerm, spellingText, spellingCount: Int32Array.from(this.spellingCounts) };
  }

  /**
   * Adds the counts of texts that come after this counter's (a later slice
   * of the corpus, counted apart): terms new here are numbered after ours in
   * the order that counter met them, spellings new to a term likewise, so
   * the terms and spellings are those one counter over all the texts would
   * have. Returns each of its term numbers' number here.
   */
  absorb(t: TermTally): Int32Array {
    const remap = new Int32Array(t.folded.length);
    t.folded.forEach((key, i) => {
      let term = this.ids.get(key);
      if (term === undefined) {
        term = this.folded.length;
        this.ids.set(key, term);
        this.folded.push(key);
        this.spellingIds.push(new Map());
      }
      remap[i] = term;
    });
    for (let s = 0; s < t.spellingText.length; s++) {
      const ids = this.spellingIds[remap[t.spellingTerm[s]!]!]!;
      const shown = t.spellingText[s]!;
      let mine = ids.get(shown);
      if (mine === undefined) {
        mine = this.spellingCounts.length;
        ids.set(shown, mine);
        this.spellingCounts.push(0);
      }
      this.spellingCounts[mine]! += t.spellingCount[s]!;
    }
    return remap;
  }

  /** How each folded term is shown: its most frequent lower-case spelling so far (ties: code-unit order). */
  display(): Map<string, string> {
    const display = new Map<string, string>();
    this.folded.forEach((key, t) => {
      let best = '';
      let bestCount = 0;
      for (const [shown, s] of this.spellingIds[t]!) {
        const n = this.spellingCounts[s]!;
        if (n > bestCount || (n === bestCount && shown < best)) [best, bestCount] = [shown, n];
      }
      display.set(key, best);
    });
    return display;
  }
}

/**
 * Content terms are the matcher's words (scanWords: compounds whole,
 * possessive dropped), counted by their folded form so that `México`,
 * `Mexico` and `MEXICO` are one term, as one pattern finds all three; stop
 * words, one-character words and words without a letter are left out. Each
 * term is shown with its accents, in the spelling the texts use most.
 */
export function computeContentTerms(texts: readonly string[]): ContentTerms {
  const counter = new ContentTermCounter();
  const terms = texts.map((text) => counter.terms(text));
  return { terms, display: counter.display() };
}
