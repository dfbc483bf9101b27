import { unifyJoiners } from '../pattern/parse-pattern.js';
import { matchesGlob } from '../pattern/glob.js';
import type { Matcher } from './compile-matcher.js';
import { decodeJsonSlice } from './decode-json-slice.js';
import { growInt32 } from '../util/grow-int32.js';
import { sameBytes } from '../util/same-bytes.js';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Whether buf[from, to) (JSON string content) is its text's UTF-8 with no joiner unifyJoiners would change: no escape, no 0xE2 lead byte (U+2010, U+2011, U+2019 start with it). */
function asWritten(buf: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (buf[k] === 0x5c || buf[k] === 0xe2) return false;
  return true;
}


/**
 * Every token a scan passes, in text order, with the offsets the scanner
 * hands the run (an English possessive's `'s` left out): code points of the
 * text and bytes of the scanned buffer. A scan keeps one when its run has
 * `tokenLog` set, so a caller that wants the words as well as the matches
 * (themes) scans a text once. Growable typed arrays, reused from text to
 * text: no object per token.
 */
export class TokenLog {
  count = 0;
  startCp: Int32Array<ArrayBuffer> = new Int32Array(256);
  endCp: Int32Array<ArrayBuffer> = new Int32Array(256);
  startUnit: Int32Array<ArrayBuffer> = new Int32Array(256);
  endUnit: Int32Array<ArrayBuffer> = new Int32Array(256);
  /** The buffer the logged tokens' units point into. */
  buf: Uint8Array = new Uint8Array(0);

  reset(buf: Uint8Array): void {
    this.count = 0;
    this.buf = buf;
  }

  // Grows its arrays as MatchRun.emit does (see there why the bodies look alike).
  push(sCp: number, eCp: number, sUnit: number, eUnit: number): void {
    const n = this.count;
    if (n === this.startCp.length) {
      this.startCp = growInt32(this.startCp);
      this.endCp = growInt32(this.endCp);
      this.startUnit = growInt32(this.startUnit);
      this.endUnit = growInt32(this.endUnit);
    }
    this.startCp[n] = sCp;
    this.endCp[n] = eCp;
    this.startUnit[n] = sUnit;
    this.endUnit[n] = eUnit;
    this.count = n + 1;
  }
}

/**
 * What the scanner hands on once a token is found: which terms the token is,
 * and which phrases it starts, continues or completes. Phrase matches land in
 * growable typed arrays, so a long run allocates only when they grow.
 * Offsets: `cp` in code points of the text, `unit` in bytes of the scanned
 * buffer (the text as JSON string content) to cut out the matched text, and
 * `tok` the index of the phrase's first token among all the text's tokens
 * (proximity rules count words with it).
 */
export class MatchRun {
  count = 0;
  phrase: Int32Array<ArrayBuffer> = new Int32Array(64);
  startCp: Int32Array<ArrayBuffer> = new Int32Array(64);
  endCp: Int32Array<ArrayBuffer> = new Int32Array(64);
  startUnit: Int32Array<ArrayBuffer> = new Int32Array(64);
  endUnit: Int32Array<ArrayBuffer> = new Int32Array(64);
  startTok: Int32Array<ArrayBuffer> = new Int32Array(64);

  /** Phrases under way: phrase, next position, start offsets. */
  activeCount = 0;
  private actPhrase: Int32Array<ArrayBuffer> = new Int32Array(16);
  private actPos: Int32Array<ArrayBuffer> = new Int32Array(16);
  private actCp: Int32Array<ArrayBuffer> = new Int32Array(16);
  private actUnit: Int32Array<ArrayBuffer> = new Int32Array(16);
  private actTok: Int32Array<ArrayBuffer> = new Int32Array(16);
  private readonly terms: Int32Array;
  /** 1 for a term that case-sensitive terms refine: the others skip refine's lookup. */
  private readonly refined: Uint8Array;
  /** Per term, per refinement: the refining word as UTF-8 where it is one literal word (no `*`), else null. */
  private readonly literal: (Uint8Array | null)[][];
  /** Folded bytes of the current token, kept only when suffix or glob terms need them. */
  readonly tokenBytes: Uint8Array = new Uint8Array(256);
  tokenLength = 0;
  /** Index of the token being handed to `token` among the text's tokens; the scanner sets it. */
  tokenIndex = 0;
  /** The buffer being scanned (JSON string content), for case-sensitive terms, which read the token as written. */
  buf: Uint8Array = new Uint8Array(0);
  /** Where the scanner also logs every token, matched or not (null: no log, as `qcode code` scans). */
  tokenLog: TokenLog | null = null;

  constructor(readonly m: Matcher) {
    this.terms = new Int32Array(2 * m.termCount + 1);
    this.refined = Uint8Array.from(m.refinements, (list) => (list.length > 0 ? 1 : 0));
    this.literal = m.refinements.map((list) => list.map((r) => (r.parts.length === 1 ? encoder.encode(r.parts[0]) : null)));
  }

  reset(): void {
    this.count = 0;
    this.activeCount = 0;
    this.tokenLength = 0;
  }

  /** Appends a folded byte of the current token (long tokens are cut: no term is that long). */
  pushTokenByte(b: number): void {
    if (this.tokenLength < this.tokenBytes.length) this.tokenBytes[this.tokenLength] = b;
    this.tokenLength++;
  }

  // emit and pushActive (and TokenLog.push, SegmentMatches.push) grow parallel
  // typed arrays (struct-of-arrays, no object per match); their look-alike
  // bodies are deliberate, one per array set.
  private emit(f: number, sCp: number, eCp: number, sUnit: number, eUnit: number, sTok: number): void {
    const n = this.count;
    if (n === this.phrase.length) {
      this.phrase = growInt32(this.phrase);
      this.startCp = growInt32(this.startCp);
      this.endCp = growInt32(this.endCp);
      this.startUnit = growInt32(this.startUnit);
      this.endUnit = growInt32(this.endUnit);
      this.startTok = growInt32(this.startTok);
    }
    this.phrase[n] = f;
    this.startCp[n] = sCp;
    this.endCp[n] = eCp;
    this.startUnit[n] = sUnit;
    this.endUnit[n] = eUnit;
    this.startTok[n] = sTok;
    this.count = n + 1;
  }

  private pushActive(f: number, pos: number, sCp: number, sUnit: number, sTok: number): void {
    const n = this.activeCount;
    if (n === this.actPhrase.length) {
      this.actPhrase = growInt32(this.actPhrase);
      this.actPos = growInt32(this.actPos);
      this.actCp = growInt32(this.actCp);
      this.actUnit = growInt32(this.actUnit);
      this.actTok = growInt32(this.actTok);
    }
    this.actPhrase[n] = f;
    this.actPos[n] = pos;
    this.actCp[n] = sCp;
    this.actUnit[n] = sUnit;
    this.actTok[n] = sTok;
    this.activeCount = n + 1;
  }

  /**
   * Adds the case-sensitive terms refining the first n terms that the token
   * as written (buf[sUnit, eUnit)) satisfies; returns the new count. A
   * literal refinement is compared with the token's bytes where they are the
   * token as written (no escape, no joiner to unify: no backslash, no 0xE2 lead
   * byte); otherwise the token is decoded.
   */
  private refine(n: number, sUnit: number, eUnit: number): number {
    const terms = this.terms;
    const buf = this.buf;
    let written: string | null = null;
    let plain = -1;
    let out = n;
    for (let i = 0; i < n; i++) {
      const t = terms[i]!;
      if (this.refined[t] === 0) continue;
      const list = this.m.refinements[t]!;
      const literal = this.literal[t]!;
      for (let k = 0; k < list.length; k++) {
        const lit = literal[k]!;
        if (lit !== null) {
          if (plain < 0) plain = asWritten(buf, sUnit, eUnit) ? 1 : 0;
          if (plain === 1) {
            if (sameBytes(buf, sUnit, eUnit, lit, 0, lit.length)) terms[out++] = list[k]!.term;
            continue;
          }
        }
        written ??= unifyJoiners(decodeJsonSlice(buf, sUnit, eUnit));
        if (matchesGlob(list[k]!.parts, written)) terms[out++] = list[k]!.term;
      }
    }
    return out;
  }

  /**
   * A token ended. `row` is the forward trie state after its folded bytes
   * (the possessive already dropped). The token's bytes are src[from, from +
   * length): folded bytes, or raw ASCII that only needs lower-casing; they
   * are read only when the matcher has suffix or glob terms.
   */
  token(row: number, sCp: number, eCp: number, sUnit: number, eUnit: number, src: Uint8Array, from: number, length: number): void {
    const m = this.m;
    let back = 0;
    let readable = false;
    if (m.needTokenBytes && (src !== this.tokenBytes || length <= src.length)) {
      readable = true;
      const bk = m.backward;
      if (bk !== null) {
        const col = m.backwardCol;
        let r = 1 << bk.shift;
        for (let i = from + length - 1; i >= from && r !== 0; i--) r = bk.next[r + col[src[i]!]!]!;
        back = r >> bk.shift;
      }
    }
    this.tokenOf(row, back, sCp, eCp, sUnit, eUnit, readable && m.globs.length > 0 ? src : null, from, length);
  }

  /**
   * token() once the token's states are known: `row` forward, `back` the
   * backward trie's state after the token's bytes from its end (0: none; the
   * scan kernel walks it itself); `globSrc` the token's bytes for glob terms
   * (null: none to try).
   */
  tokenOf(row: number, back: number, sCp: number, eCp: number, sUnit: number, eUnit: number, globSrc: Uint8Array | null, from: number, length: number): void {
    const m = this.m;
    const f = m.forward;
    const terms = this.terms;
    let n = 0;
    const state = row >> f.shift;
    if (f.accepting[state] === 1) {
      if (f.exact[state]! >= 0) terms[n++] = f.exact[state]!;
      const cs = f.chainStart[state]!;
      for (let i = cs, e = cs + f.chainLen[state]!; i < e; i++) terms[n++] = f.chain[i]!;
    }
    const bk = m.backward;
    if (back !== 0 && bk !== null && bk.accepting[back] === 1) {
      const cs = bk.chainStart[back]!;
      for (let i = cs, e = cs + bk.chainLen[back]!; i < e; i++) terms[n++] = bk.chain[i]!;
    }
    if (globSrc !== null) {
      const text = decoder.decode(globSrc.subarray(from, from + length)).toLowerCase();
      for (const g of m.globs) if (matchesGlob(g.parts, text)) terms[n++] = g.term;
    }
    if (m.hasRefinements && n > 0) n = this.refine(n, sUnit, eUnit);
    const any = m.anyTerm;
    if (n === 0 && any < 0) {
      this.activeCount = 0;
      return;
    }
    const tok = this.tokenIndex;
    // Continue the phrases under way; those whose next word this token is not are dropped.
    const before = this.activeCount;
    let kept = 0;
    for (let a = 0; a < before; a++) {
      const ph = this.actPhrase[a]!;
      const pos = this.actPos[a]!;
      const want = m.phraseTerms[m.phraseStart[ph]! + pos]!;
      let hit = want === any;
      for (let i = 0; !hit && i < n; i++) hit = terms[i] === want;
      if (!hit) continue;
      if (pos + 1 === m.phraseLen[ph]) this.emit(ph, this.actCp[a]!, eCp, this.actUnit[a]!, eUnit, this.actTok[a]!);
      else {
        this.actPhrase[kept] = ph;
        this.actPos[kept] = pos + 1;
        this.actCp[kept] = this.actCp[a]!;
        this.actUnit[kept] = this.actUnit[a]!;
        this.actTok[kept] = this.actTok[a]!;
        kept++;
      }
    }
    this.activeCount = kept;
    if (any >= 0) terms[n++] = any;
    for (let i = 0; i < n; i++) {
      const t = terms[i]!;
      for (let j = m.startAt[t]!, e = m.startAt[t + 1]!; j < e; j++) {
        const ph = m.startList[j]!;
        if (m.phraseLen[ph] === 1) this.emit(ph, sCp, eCp, sUnit, eUnit, tok);
        else this.pushActive(ph, 1, sCp, sUnit, tok);
      }
    }
  }
}
