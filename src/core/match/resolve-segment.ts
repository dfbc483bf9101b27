import { findRegexMatches } from '../pattern/check-regex.js';
import type { Matcher } from './compile-matcher.js';
import type { MatchRun } from './match-run.js';
import { countCodePoints } from '../util/count-code-points.js';

/**
 * What became of a match in its segment, as the evidence file's `outcome`
 * column says: `coded` (it counts toward a code the segment got), `vetoed`
 * (an `unless` pattern of its code occurs in the segment), `below-min` (its
 * code has fewer matches there than its min_matches), `outranked` (another
 * code of its exclusive category has more matches), or `veto` (the match of
 * an `unless` pattern, listed where its code had matches).
 */
export const OUTCOMES = ['coded', 'vetoed', 'below-min', 'outranked', 'veto'] as const;
export type Outcome = (typeof OUTCOMES)[number];
const CODED = 0;
const VETOED = 1;
const BELOW_MIN = 2;
const OUTRANKED = 3;
const VETO = 4;
/** An `unless` match where its code had no match: not listed. */
export const UNLISTED = 255;

function grow<T extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

/**
 * The matches of one segment as the auto-coder decided them: per item its
 * pattern, its span (code points of the document; units of the scanned
 * buffer, or the matched text itself for a regex), its outcome; and the codes
 * the segment gets, in codebook order. Reused from segment to segment.
 */
export class SegmentMatches {
  count = 0;
  pattern: Int32Array<ArrayBuffer> = new Int32Array(32);
  startCp: Int32Array<ArrayBuffer> = new Int32Array(32);
  endCp: Int32Array<ArrayBuffer> = new Int32Array(32);
  startUnit: Int32Array<ArrayBuffer> = new Int32Array(32);
  endUnit: Int32Array<ArrayBuffer> = new Int32Array(32);
  outcome: Uint8Array<ArrayBuffer> = new Uint8Array(32);
  /** The matched text of a regex match (its units are -1); null for the others. */
  text: (string | null)[] = [];
  /** Code orders the segment gets, ascending. */
  kept: number[] = [];

  push(p: number, sCp: number, eCp: number, sUnit: number, eUnit: number, text: string | null): void {
    const n = this.count;
    if (n === this.pattern.length) {
      this.pattern = grow(this.pattern);
      this.startCp = grow(this.startCp);
      this.endCp = grow(this.endCp);
      this.startUnit = grow(this.startUnit);
      this.endUnit = grow(this.endUnit);
      this.outcome = grow(this.outcome);
    }
    this.pattern[n] = p;
    this.startCp[n] = sCp;
    this.endCp[n] = eCp;
    this.startUnit[n] = sUnit;
    this.endUnit[n] = eUnit;
    this.text[n] = text;
    this.count = n + 1;
  }
}

/**
 * The auto-coder's decision rule, segment by segment, over one document's
 * run: the matches each segment holds whole (a match straddling two segments
 * belongs to neither), proximity patterns paired from their sides' matches
 * within the segment, regex matches on the segment's text; then per code:
 * vetoed where one of its `unless` patterns occurs, dropped below its
 * min_matches, and in an exclusive category the code with the most matches
 * kept (ties: codebook order). A code counts once per segment.
 *
 * Items come out sorted by position (start, then end), then codebook order,
 * then pattern order: the evidence file's row order.
 */
export class SegmentResolver {
  readonly out = new SegmentMatches();
  private order = new Int32Array(64);
  private n = 0;
  private k = 0;
  private run: MatchRun | null = null;
  private readonly counts: Int32Array;
  private readonly veto: Uint8Array;
  /** Per code: its min_matches, its category's number, 1 if that category is exclusive, and 1 while the segment at hand keeps it (decide reads these per item, so typed arrays rather than the code objects). */
  private readonly minMatches: Int32Array;
  private readonly categoryOf: Int32Array;
  private readonly exclusive: Uint8Array;
  private readonly isKept: Uint8Array;
  private readonly present: number[] = [];
  /** Per proximity pattern: its left and right sides' matches in the segment at hand, and where they go in `slots` (-1: it cannot pair). */
  private readonly nLeft: Int32Array;
  private readonly nRight: Int32Array;
  private readonly slotAt: Int32Array;
  private readonly fillLeft: Int32Array;
  private readonly fillRight: Int32Array;
  /** The proximity patterns with a side matched in the segment at hand: only these are looked at and cleared. */
  private touched = new Int32Array(16);
  private touchedCount = 0;
  /** The side matches of the patterns that can pair, each pattern's lefts then rights: gathered only for those (most sides of common words never meet the other). */
  private slots = new Int32Array(64);

  constructor(readonly m: Matcher) {
    this.counts = new Int32Array(m.codes.length);
    this.veto = new Uint8Array(m.codes.length);
    this.minMatches = Int32Array.from(m.codes, (c) => c.minMatches);
    const categories = [...new Set(m.codes.map((c) => c.category))];
    this.categoryOf = Int32Array.from(m.codes, (c) => categories.indexOf(c.category));
    this.exclusive = Uint8Array.from(m.codes, (c) => (c.exclusive ? 1 : 0));
    this.isKept = new Uint8Array(m.codes.length);
    const np = m.patterns.length;
    this.nLeft = new Int32Array(np);
    this.nRight = new Int32Array(np);
    this.slotAt = new Int32Array(np).fill(-1);
    this.fillLeft = new Int32Array(np);
    this.fillRight = new Int32Array(np);
  }

  /** Starts a document: sorts the run's matches (insertion sort for short runs, which come nearly sorted). */
  begin(run: MatchRun): void {
    this.run = run;
    const n = run.count;
    this.n = n;
    this.k = 0;
    if (this.order.length < n) this.order = new Int32Array(n * 2);
    const order = this.order;
    const { startCp, endCp, phrase } = run;
    const m = this.m;
    const pat = m.phrasePattern;
    const code = m.patternCode;
    const before = (a: number, b: number): boolean => {
      if (startCp[a] !== startCp[b]) return startCp[a]! < startCp[b]!;
      if (endCp[a] !== endCp[b]) return endCp[a]! < endCp[b]!;
      const pa = pat[phrase[a]!]!;
      const pb = pat[phrase[b]!]!;
      const ca = code[pa]!;
      const cb = code[pb]!;
      return ca !== cb ? ca < cb : pa !== pb ? pa < pb : phrase[a]! < phrase[b]!;
    };
    for (let i = 0; i < n; i++) order[i] = i;
    if (n > 256) {
      order.subarray(0, n).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
      return;
    }
    for (let i = 1; i < n; i++) {
      const v = order[i]!;
      let j = i - 1;
      while (j >= 0 && before(v, order[j]!)) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = v;
    }
  }

  /**
   * Decides one segment [start, end) (code points of the document); segments
   * must come in document order. `text` is the segment's text, needed only
   * when the matcher has regex patterns.
   */
  resolve(start: number, end: number, text: string | null): SegmentMatches {
    const m = this.m;
    const run = this.run!;
    const out = this.out;
    out.count = 0;
    const order = this.order;
    const n = this.n;
    let k = this.k;
    while (k < n && run.startCp[order[k]!]! < start) k++;
    const first = k;
    const { nLeft, nRight } = this;
    for (; k < n && run.startCp[order[k]!]! < end; k++) {
      const i = order[k]!;
      if (run.endCp[i]! > end) continue;
      const ph = run.phrase[i]!;
      const p = m.phrasePattern[ph]!;
      const side = m.phraseSide[ph]!;
      if (side === 0) out.push(p, run.startCp[i]!, run.endCp[i]!, run.startUnit[i]!, run.endUnit[i]!, null);
      else {
        if (nLeft[p] === 0 && nRight[p] === 0) this.touch(p);
        if (side === 1) nLeft[p]!++;
        else nRight[p]!++;
      }
    }
    this.k = k;
    // Items paired or found by a regex come after the others, out of order: only then are the items sorted.
    let extra = this.touchedCount > 0 && this.pairTouched(first, k, end);
    // The common segment: nothing matched in it (and no regex to run).
    if (out.count === 0 && m.regexPatterns.length === 0) {
      out.kept.length = 0;
      return out;
    }
    if (m.regexPatterns.length > 0 && text !== null) {
      for (const p of m.regexPatterns) {
        const hits = findRegexMatches(m.patterns[p]!.regex!, text);
        let unit = 0;
        let cp = start;
        for (let h = 0; h < hits.length; h += 2) {
          cp += countCodePoints(text, unit, hits[h]!);
          unit = hits[h]!;
          const len = countCodePoints(text, hits[h]!, hits[h + 1]!);
          out.push(p, cp, cp + len, -1, -1, text.slice(hits[h]!, hits[h + 1]!));
          extra = true;
        }
      }
    }
    if (extra) this.sortItems();
    this.decide();
    return out;
  }

  private touch(p: number): void {
    if (this.touchedCount === this.touched.length) this.touched = grow(this.touched);
    this.touched[this.touchedCount++] = p;
  }

  /**
   * Pairs the proximity patterns with a side matched in the segment ending
   * at `end`, whose matches are order[from, to): those with a left side and
   * a right one (NOT NEAR: a left one) gather their sides' matches in one
   * more pass over the segment's matches, in order, and are paired; then
   * every touched pattern is cleared. True when it added items.
   */
  private pairTouched(from: number, to: number, end: number): boolean {
    const { m, nLeft, nRight, slotAt, fillLeft, fillRight, touched } = this;
    const before = this.out.count;
    const run = this.run!;
    let used = 0;
    for (let t = 0; t < this.touchedCount; t++) {
      const p = touched[t]!;
      if (nLeft[p] === 0 || (nRight[p] === 0 && m.patterns[p]!.proximity!.op !== 'not-near')) continue;
      slotAt[p] = used;
      fillLeft[p] = used;
      fillRight[p] = used + nLeft[p]!;
      used += nLeft[p]! + nRight[p]!;
    }
    if (used > 0) {
      while (this.slots.length < used) this.slots = grow(this.slots);
      const slots = this.slots;
      for (let q = from; q < to; q++) {
        const i = this.order[q]!;
        const ph = run.phrase[i]!;
        const p = m.phrasePattern[ph]!;
        if (slotAt[p]! < 0 || m.phraseSide[ph] === 0 || run.endCp[i]! > end) continue;
        if (m.phraseSide[ph] === 1) slots[fillLeft[p]!++] = i;
        else slots[fillRight[p]!++] = i;
      }
    }
    for (let t = 0; t < this.touchedCount; t++) {
      const p = touched[t]!;
      if (slotAt[p]! >= 0) this.pairProximity(p, slotAt[p]!, nLeft[p]!, nRight[p]!);
      slotAt[p] = -1;
      nLeft[p] = 0;
      nRight[p] = 0;
    }
    this.touchedCount = 0;
    return this.out.count > before;
  }

  /** Pairs proximity pattern p's left-side matches slots[at, at + nl) with its right-side ones (the nr after them) into its matches, one per left-side match at most. */
  private pairProximity(p: number, at: number, nl: number, nr: number): void {
    const run = this.run!;
    const slots = this.slots;
    const { op, distance } = this.m.patterns[p]!.proximity!;
    for (let x = at; x < at + nl; x++) {
      const a = slots[x]!;
      let best = -1;
      let bestGap = 0;
      for (let y = at + nl; y < at + nl + nr; y++) {
        const b = slots[y]!;
        const d = run.startTok[b]! - run.startTok[a]!;
        // The same word is never its own neighbour; BEFORE wants B after A.
        if (d === 0 || (op === 'before' && d < 0)) continue;
        const gap = Math.abs(d);
        if (gap > distance) continue;
        if (best < 0 || gap < bestGap || (gap === bestGap && run.startCp[b]! < run.startCp[best]!)) {
          best = b;
          bestGap = gap;
        }
      }
      if (op === 'not-near') {
        if (best < 0) this.out.push(p, run.startCp[a]!, run.endCp[a]!, run.startUnit[a]!, run.endUnit[a]!, null);
      } else if (best >= 0) {
        const first = run.startCp[best]! < run.startCp[a]! ? best : a;
        const last = run.endCp[best]! > run.endCp[a]! ? best : a;
        this.out.push(p, run.startCp[first]!, run.endCp[last]!, run.startUnit[first]!, run.endUnit[last]!, null);
      }
    }
  }

  /** Sorts the items by start, end, codebook order, pattern order, in place: insertion sort, as only the added items are out of order. */
  private sortItems(): void {
    const out = this.out;
    const code = this.m.patternCode;
    const { pattern, startCp, endCp, startUnit, endUnit, text } = out;
    const before = (a: number, b: number): boolean =>
      startCp[a] !== startCp[b]
        ? startCp[a]! < startCp[b]!
        : endCp[a] !== endCp[b]
          ? endCp[a]! < endCp[b]!
          : code[pattern[a]!] !== code[pattern[b]!]
            ? code[pattern[a]!]! < code[pattern[b]!]!
            : pattern[a]! < pattern[b]!;
    const swap = (a: number, b: number): void => {
      [pattern[a], pattern[b]] = [pattern[b]!, pattern[a]!];
      [startCp[a], startCp[b]] = [startCp[b]!, startCp[a]!];
      [endCp[a], endCp[b]] = [endCp[b]!, endCp[a]!];
      [startUnit[a], startUnit[b]] = [startUnit[b]!, startUnit[a]!];
      [endUnit[a], endUnit[b]] = [endUnit[b]!, endUnit[a]!];
      [text[a], text[b]] = [text[b]!, text[a]!];
    };
    for (let i = 1; i < out.count; i++) for (let j = i; j > 0 && before(j, j - 1); j--) swap(j, j - 1);
  }

  /** Counts, vetoes, min_matches and exclusivity: the kept codes and every item's outcome. */
  private decide(): void {
    const m = this.m;
    const out = this.out;
    const { counts, veto, present, minMatches, categoryOf, isKept } = this;
    const code = m.patternCode;
    const isVeto = m.patternVeto;
    present.length = 0;
    for (let i = 0; i < out.count; i++) {
      const p = out.pattern[i]!;
      const c = code[p]!;
      if (isVeto[p] === 1) veto[c] = 1;
      else {
        if (counts[c] === 0) present.push(c);
        counts[c]!++;
      }
    }
    // Insertion sort: a segment holds a handful of codes.
    for (let a = 1; a < present.length; a++) {
      const v = present[a]!;
      let b = a - 1;
      for (; b >= 0 && present[b]! > v; b--) present[b + 1] = present[b]!;
      present[b + 1] = v;
    }
    const kept = out.kept;
    kept.length = 0;
    for (const c of present) {
      if (veto[c] || counts[c]! < minMatches[c]!) continue;
      let best = true;
      if (this.exclusive[c] === 1) {
        for (const o of present) {
          if (o === c || categoryOf[o] !== categoryOf[c] || veto[o] || counts[o]! < minMatches[o]!) continue;
          if (counts[o]! > counts[c]! || (counts[o] === counts[c] && o < c)) best = false;
        }
      }
      if (best) {
        kept.push(c);
        isKept[c] = 1;
      }
    }
    for (let i = 0; i < out.count; i++) {
      const p = out.pattern[i]!;
      const c = code[p]!;
      out.outcome[i] =
        isVeto[p] === 1
          ? counts[c]! > 0
            ? VETO
            : UNLISTED
          : veto[c]
            ? VETOED
            : counts[c]! < minMatches[c]!
              ? BELOW_MIN
              : isKept[c] === 1
                ? CODED
                : OUTRANKED;
    }
    for (const c of present) {
      counts[c] = 0;
      isKept[c] = 0;
    }
    for (let i = 0; i < out.count; i++) veto[code[out.pattern[i]!]!] = 0;
  }
}
