import type { Matcher } from './compile-matcher.js';

const decoder = new TextDecoder();

/** A copy of `a` with twice the room. */
function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * What both scanners share once a token is found: which terms the token is,
 * and which phrases it starts, continues or completes. Matches land in
 * growable typed arrays, so a long run allocates only when they grow.
 * Offsets: `cp` in code points of the text, `unit` in the scanner's own units
 * (UTF-16 for strings, bytes for buffers) to cut out the matched text.
 */
export class MatchRun {
  count = 0;
  pattern: Int32Array<ArrayBuffer> = new Int32Array(64);
  startCp: Int32Array<ArrayBuffer> = new Int32Array(64);
  endCp: Int32Array<ArrayBuffer> = new Int32Array(64);
  startUnit: Int32Array<ArrayBuffer> = new Int32Array(64);
  endUnit: Int32Array<ArrayBuffer> = new Int32Array(64);

  /** Phrases under way: pattern, next position, start offsets. */
  activeCount = 0;
  private actPattern: Int32Array<ArrayBuffer> = new Int32Array(16);
  private actPos: Int32Array<ArrayBuffer> = new Int32Array(16);
  private actCp: Int32Array<ArrayBuffer> = new Int32Array(16);
  private actUnit: Int32Array<ArrayBuffer> = new Int32Array(16);
  private readonly terms: Int32Array;
  /** Folded bytes of the current token, kept only when suffix or glob terms need them. */
  readonly tokenBytes: Uint8Array = new Uint8Array(256);
  tokenLength = 0;

  constructor(readonly m: Matcher) {
    this.terms = new Int32Array(m.termCount + 1);
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

  // emit and pushActive grow parallel typed arrays (struct-of-arrays, no
  // object per match); their look-alike bodies are deliberate, one per array set.
  private emit(p: number, sCp: number, eCp: number, sUnit: number, eUnit: number): void {
    const n = this.count;
    if (n === this.pattern.length) {
      this.pattern = grow(this.pattern);
      this.startCp = grow(this.startCp);
      this.endCp = grow(this.endCp);
      this.startUnit = grow(this.startUnit);
      this.endUnit = grow(this.endUnit);
    }
    this.pattern[n] = p;
    this.startCp[n] = sCp;
    this.endCp[n] = eCp;
    this.startUnit[n] = sUnit;
    this.endUnit[n] = eUnit;
    this.count = n + 1;
  }

  private pushActive(p: number, pos: number, sCp: number, sUnit: number): void {
    const n = this.activeCount;
    if (n === this.actPattern.length) {
      this.actPattern = grow(this.actPattern);
      this.actPos = grow(this.actPos);
      this.actCp = grow(this.actCp);
      this.actUnit = grow(this.actUnit);
    }
    this.actPattern[n] = p;
    this.actPos[n] = pos;
    this.actCp[n] = sCp;
    this.actUnit[n] = sUnit;
    this.activeCount = n + 1;
  }

  /**
   * A token ended. `row` is the forward trie state after its folded bytes
   * (the possessive already dropped). The token's bytes are src[from, from +
   * length): folded bytes, or raw ASCII that only needs lower-casing; they
   * are read only when the matcher has suffix or glob terms.
   */
  token(row: number, sCp: number, eCp: number, sUnit: number, eUnit: number, src: Uint8Array, from: number, length: number): void {
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
    if (m.needTokenBytes && (src !== this.tokenBytes || length <= src.length)) {
      const bk = m.backward;
      if (bk !== null) {
        const col = m.backwardCol;
        let r = 1 << bk.shift;
        for (let i = from + length - 1; i >= from && r !== 0; i--) r = bk.next[r + col[src[i]!]!]!;
        const s = r >> bk.shift;
        if (bk.accepting[s] === 1) {
          const cs = bk.chainStart[s]!;
          for (let i = cs, e = cs + bk.chainLen[s]!; i < e; i++) terms[n++] = bk.chain[i]!;
        }
      }
      if (m.globs.length > 0) {
        const text = decoder.decode(src.subarray(from, from + length)).toLowerCase();
        for (const g of m.globs) if (g.re.test(text)) terms[n++] = g.term;
      }
    }
    const any = m.anyTerm;
    if (n === 0 && any < 0) {
      this.activeCount = 0;
      return;
    }
    // Continue the phrases under way; those whose next word this token is not are dropped.
    const before = this.activeCount;
    let kept = 0;
    for (let a = 0; a < before; a++) {
      const p = this.actPattern[a]!;
      const pos = this.actPos[a]!;
      const want = m.phraseTerms[m.phraseStart[p]! + pos]!;
      let hit = want === any;
      for (let i = 0; !hit && i < n; i++) hit = terms[i] === want;
      if (!hit) continue;
      if (pos + 1 === m.phraseLen[p]) this.emit(p, this.actCp[a]!, eCp, this.actUnit[a]!, eUnit);
      else {
        this.actPattern[kept] = p;
        this.actPos[kept] = pos + 1;
        this.actCp[kept] = this.actCp[a]!;
        this.actUnit[kept] = this.actUnit[a]!;
        kept++;
      }
    }
    this.activeCount = kept;
    if (any >= 0) terms[n++] = any;
    for (let i = 0; i < n; i++) {
      const t = terms[i]!;
      for (let j = m.startAt[t]!, e = m.startAt[t + 1]!; j < e; j++) {
        const p = m.startList[j]!;
        if (m.phraseLen[p] === 1) this.emit(p, sCp, eCp, sUnit, eUnit);
        else this.pushActive(p, 1, sCp, sUnit);
      }
    }
  }
}
