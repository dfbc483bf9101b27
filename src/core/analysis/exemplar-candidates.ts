import { exemplarQuote, type CodeTerms, type ExemplarPicker } from './themes.js';

interface Candidate {
  segmentId: string;
  matches: number;
  text: string;
  terms: Int32Array;
}

/** Bytes a candidate holds besides its object: its text (UTF-16) and terms. */
const sizeOf = (c: Candidate) => 2 * c.text.length + 4 * c.terms.length + 64;

/**
 * Exemplar candidates kept while the terms are counted, before the key
 * terms (and so the keyness) are known, so that themes needs no second pass
 * over the corpus to pick exemplars: per code, every segment coded with it
 * whose matches are not below the code's `exemplars`-th most so far. No
 * other segment can be picked, whatever its keyness: `exemplars` earlier
 * segments have more matches. Text and terms are copies, so a candidate does
 * not keep its whole document alive. Past `budget` bytes (many segments tied
 * at the top) the candidates are let go and `overflowed` says so: the caller
 * then picks in a second pass (ExemplarPicker over the corpus).
 */
export class ExemplarCandidates {
  private readonly lists = new Map<string, Candidate[]>();
  /** Per code, the most matches seen so far, descending, at most `exemplars` of them. */
  private readonly top = new Map<string, number[]>();
  /** Per code, the list's length after its last pruning. */
  private readonly pruned = new Map<string, number>();
  private bytes = 0;
  overflowed = false;

  constructor(
    private readonly exemplars: number,
    private readonly budget = 64 << 20,
  ) {}

  /**
   * A reviewed segment, in corpus order, with its codes, its content terms
   * (text order) and its matches per code. Its id and text are asked for
   * only if it is kept (most segments are not: a million strings fewer).
   */
  add(segment: { id(): string; readonly text: string }, codes: ReadonlySet<string>, terms: readonly number[], matches: (code: string) => number): void {
    if (this.overflowed || this.exemplars === 0) return;
    let copy: Pick<Candidate, 'segmentId' | 'text' | 'terms'> | null = null;
    for (const code of codes) {
      const found = matches(code);
      let top = this.top.get(code);
      if (!top) this.top.set(code, (top = []));
      if (top.length === this.exemplars && found < top[top.length - 1]!) continue;
      let at = top.length;
      while (at > 0 && top[at - 1]! < found) at--;
      top.splice(at, 0, found);
      if (top.length > this.exemplars) top.pop();
      // JSON round trip: a flat copy of the text (a slice would hold its document), lone surrogates kept; only what a quote shows.
      copy ??= { segmentId: segment.id(), text: JSON.parse(JSON.stringify(exemplarQuote(segment.text))) as string, terms: Int32Array.from(terms) };
      const candidate = { matches: found, ...copy };
      let list = this.lists.get(code);
      if (!list) this.lists.set(code, (list = []));
      list.push(candidate);
      this.bytes += sizeOf(candidate);
      if (list.length >= Math.max(64, 2 * (this.pruned.get(code) ?? 0))) this.prune(code, list, top[top.length - 1]!);
    }
    if (this.bytes > this.budget) {
      this.overflowed = true;
      this.lists.clear();
    }
  }

  /** Drops the candidates of a code that can no longer be picked (fewer matches than its `exemplars`-th most). */
  private prune(code: string, list: Candidate[], least: number): void {
    const full = (this.top.get(code)?.length ?? 0) === this.exemplars;
    const kept = full ? list.filter((c) => c.matches >= least) : list;
    for (const c of list) if (full && c.matches < least) this.bytes -= sizeOf(c);
    this.lists.set(code, kept);
    this.pruned.set(code, kept.length);
  }

  /** Offers each code's candidates to the picker, in corpus order (not when overflowed). */
  pick(picker: ExemplarPicker, codes: readonly CodeTerms[]): void {
    codes.forEach((code, k) => {
      for (const c of this.lists.get(code.code) ?? []) picker.offer(k, c.segmentId, c.text, c.matches, () => c.terms);
    });
  }
}
