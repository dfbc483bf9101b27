import { exemplarQuote, type CodeTerms, type ExemplarPicker } from './themes.js';

interface Candidate {
  segmentId: string;
  matches: number;
  text: string;
  terms: Int32Array;
}

/** ExemplarCandidates as plain data (ExemplarCandidates.tally): per code its most matches so far and its candidates in corpus order. */
export interface CandidateTally {
  overflowed: boolean;
  top: [string, number[]][];
  lists: [string, Candidate[]][];
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

  /** The candidates as plain data, for the ExemplarCandidates of the slice before to absorb. */
  tally(): CandidateTally {
    return { overflowed: this.overflowed, top: [...this.top], lists: this.overflowed ? [] : [...this.lists] };
  }

  /**
   * Adds the candidates of the segments that come after these (a later
   * slice of the corpus, kept apart), their terms renumbered by `remap`
   * (ThemeCounts.absorb). Each slice kept every segment that one pass might
   * have kept, and more (its most matches so far were fewer): the union
   * holds every segment a pass would pick, in corpus order; what the most
   * matches over both rule out is let go. Either slice overflowed: so are
   * these.
   */
  absorb(t: CandidateTally, remap: Int32Array): void {
    if (this.overflowed || t.overflowed) {
      this.overflowed = true;
      this.lists.clear();
      return;
    }
    for (const [code, found] of t.top) {
      const top = [...(this.top.get(code) ?? []), ...found].sort((a, b) => b - a).slice(0, this.exemplars);
      this.top.set(code, top);
    }
    for (const [code, theirs] of t.lists) {
      let list = this.lists.get(code);
      if (!list) this.lists.set(code, (list = []));
      for (const c of theirs) {
        const candidate = { ...c, terms: c.terms.map((term) => remap[term]!) };
        list.push(candidate);
        this.bytes += sizeOf(candidate);
      }
    }
    for (const [code, list] of this.lists) {
      const top = this.top.get(code)!;
      this.prune(code, list, top[top.length - 1]!);
    }
  }

  /** Offers each code's candidates to the picker, in corpus order (not when overflowed). */
  pick(picker: ExemplarPicker, codes: readonly CodeTerms[]): void {
    codes.forEach((code, k) => {
      for (const c of this.lists.get(code.code) ?? []) picker.offer(k, c.segmentId, c.text, c.matches, () => c.terms);
    });
  }
}
