import type { Codebook } from '../model/codebook.js';
import { listCodes } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import { groupCodesBySegment } from '../coding/group-codings.js';
import type { Segment } from '../model/segment.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag, warn } from '../diagnostics/qcode-error.js';
import type { CoderCodings } from '../model/coder.js';
import type { CodingTable } from '../coding/coding-table.js';
import type { ResolvedRow } from './parse-resolved.js';

export interface AdjudicationOptions {
  /** The consensus coder's name, e.g. `gold`. */
  as: string;
  /** Take this coder's value wherever no decision says otherwise. */
  prefer?: string;
  /** Decisions from a resolved disagreements file. */
  resolved?: readonly ResolvedRow[];
  /** For diagnostics on resolved rows. */
  resolvedFile?: string;
}

export interface Adjudication {
  codings: Coding[];
  /** Segments both coders reviewed: the consensus coder's segments. */
  segments: number;
  agreedSegments: number;
  /** Disagreement rows settled by a decision, and by --prefer. */
  decided: number;
  preferred: number;
  /** Segments only one of the two coders reviewed: left out. */
  onlyOne: number;
  diagnostics: Diagnostic[];
}

/**
 * Builds a consensus coder from two coders over the segments both reviewed.
 * Codes both applied are kept; each code only one applied is settled by the
 * resolved file's decision for that segment × code, or else by --prefer; a
 * disagreement with neither is an error. A code-list decision sets the
 * segment's codes in that category outright (agreed codes there included),
 * which is how an adjudicator picks a third code in an exclusive category.
 */
export function computeAdjudication(
  codebook: Codebook,
  segments: readonly Segment[],
  a: CoderCodings,
  b: CoderCodings,
  options: AdjudicationOptions,
): Adjudication {
  const setsA = groupCodesBySegment(a.codings);
  const setsB = groupCodesBySegment(b.codings);
  const adjudicator = new Adjudicator(codebook, [a.coder, b.coder], options);
  const codings: Coding[] = [];
  for (const seg of segments) {
    for (const c of adjudicator.segment(seg.segment_id, seg.doc_id, setsA.get(seg.segment_id), setsB.get(seg.segment_id))) codings.push(c);
  }
  return { codings, ...adjudicator.finish() };
}

/**
 * The consensus coder one segment at a time, in corpus order (what
 * computeAdjudication does for segments held in memory, and a streamed
 * adjudication for a CodingTable): `segment` gives the segment's codings,
 * `finish` the counts and every diagnostic.
 */
export class Adjudicator {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly codes: ReturnType<typeof listCodes>;
  private readonly categoryOf: Map<string, Codebook['categories'][number]>;
  private readonly decisions = new Map<string, ResolvedRow>();
  private readonly used = new Set<string>();
  private common = 0;
  private agreedSegments = 0;
  private decided = 0;
  private preferred = 0;
  private onlyOne = 0;

  constructor(
    private readonly codebook: Codebook,
    private readonly coders: readonly [string, string],
    private readonly options: AdjudicationOptions,
  ) {
    this.codes = listCodes(codebook);
    this.categoryOf = new Map(this.codes.map((r) => [r.code.id, r.category]));
    for (const r of options.resolved ?? []) this.decisions.set(`${r.segment_id}\u0000${r.code}`, r);
  }

  private where(line: number) {
    return this.options.resolvedFile ? { file: this.options.resolvedFile, line } : undefined;
  }

  /** The consensus codings of one segment (none unless both coders reviewed it). */
  segment(segmentId: string, docId: string, sa: ReadonlySet<string> | undefined, sb: ReadonlySet<string> | undefined): Coding[] {
    const { diagnostics, decisions, used, codes, categoryOf, options } = this;
    const [coderA, coderB] = this.coders;
    if (!sa || !sb) {
      if (sa || sb) this.onlyOne++;
      return [];
    }
    this.common++;
    // Coded alike: nothing to settle and no decision to look up (the per-code walks below made most of a large run's time and garbage).
    if (sa.size === sb.size && isSubset(sa, sb)) {
      this.agreedSegments++;
      return this.rowsOf(segmentId, docId, sa);
    }
    const final = new Set([...sa].filter((c) => sb.has(c)));
    const diffs = codes.filter((r) => sa.has(r.code.id) !== sb.has(r.code.id));
    if (diffs.length === 0) this.agreedSegments++;

    // Code-list decisions first: they replace a whole category.
    const listed = new Map<string, Set<string>>();
    for (const { code, category } of diffs) {
      const key = `${segmentId}\u0000${code.id}`;
      const r = decisions.get(key);
      if (r?.decision.kind !== 'codes') continue;
      used.add(key);
      const wrong = r.decision.codes.filter((c) => categoryOf.get(c)?.id !== category.id);
      if (wrong.length > 0) {
        diagnostics.push(diag('QC510', `${segmentId}: ${wrong.join(', ')} not in category ${category.id} of code ${code.id}`, { at: this.where(r.line) }));
      }
      // The category counts as listed even when a code was wrong, so that its
      // other rows are not reported again as undecided.
      const set = listed.get(category.id) ?? new Set<string>();
      for (const c of r.decision.codes) if (!wrong.includes(c)) set.add(c);
      listed.set(category.id, set);
    }
    for (const [categoryId, set] of listed) {
      for (const c of [...final]) if (categoryOf.get(c)?.id === categoryId) final.delete(c);
      for (const c of set) final.add(c);
    }

    for (const { code, category } of diffs) {
      const key = `${segmentId}\u0000${code.id}`;
      const r = decisions.get(key);
      if (listed.has(category.id)) {
        if (r && r.decision.kind !== 'codes' && r.decision.kind !== 'none') {
          used.add(key);
          diagnostics.push(diag('QC510', `${segmentId}: a code list and another decision for category ${category.id}`, { at: this.where(r.line) }));
        }
        this.decided++;
        continue;
      }
      let apply: boolean | undefined;
      if (r?.invalid) {
        used.add(key); // already reported by the parser
      } else if (r && r.decision.kind !== 'none') {
        used.add(key);
        this.decided++;
        const d = r.decision;
        apply = d.kind === 'both' ? true : d.kind === 'neither' ? false : d.kind === 'coder' ? (d.coder === coderA ? sa : sb).has(code.id) : undefined;
      } else if (options.prefer !== undefined) {
        this.preferred++;
        apply = (options.prefer === coderA ? sa : sb).has(code.id);
      } else {
        if (r) used.add(key);
        diagnostics.push(
          diag('QC510', `${segmentId} × ${code.id}: no decision (${coderA} ${sa.has(code.id) ? 1 : 0}, ${coderB} ${sb.has(code.id) ? 1 : 0})`, { at: r ? this.where(r.line) : options.resolvedFile ? { file: options.resolvedFile } : undefined, hint: 'fill in its decision, or pass --prefer CODER to settle undecided rows' }),
        );
      }
      if (apply) final.add(code.id);
    }

    return this.rowsOf(segmentId, docId, final);
  }

  /** The consensus rows of a segment's final codes, in codebook order ("reviewed, none" when there are none), after the exclusive check. */
  private rowsOf(segmentId: string, docId: string, final: ReadonlySet<string>): Coding[] {
    // Object literals in one key order: a spread per row cost more than the rest of the walk.
    const as = this.options.as;
    const row = (category: string, code: string): Coding => ({ segment_id: segmentId, doc_id: docId, coder: as, memo: '', category, code });
    if (final.size === 1) {
      // One code: no exclusive category can hold two, and codebook order is itself.
      for (const code of final) {
        const category = this.categoryOf.get(code);
        return [category ? row(category.id, code) : row('', '')];
      }
    }
    if (final.size > 1) {
      for (const category of this.codebook.categories) {
        if (!category.exclusive) continue;
        const chosen = category.codes.filter((c) => final.has(c.id)).map((c) => c.id);
        if (chosen.length > 1) this.diagnostics.push(diag('QC510', `${segmentId}: the decisions give ${chosen.join(' and ')} in exclusive category ${category.id}`));
      }
    }
    const rowsFor = final.size === 0 ? [] : this.codes.filter((r) => final.has(r.code.id));
    if (rowsFor.length === 0) return [row('', '')];
    return rowsFor.map((r) => row(r.category.id, r.code.id));
  }

  /** The counts, and the diagnostics with the decisions no disagreement used. */
  finish(): Omit<Adjudication, 'codings'> {
    const diagnostics = [...this.diagnostics];
    const [coderA, coderB] = this.coders;
    for (const [key, r] of this.decisions) {
      if (this.used.has(key) || r.decision.kind === 'none') continue;
      diagnostics.push(warn('QC511', `${r.segment_id} × ${r.code}: ${coderA} and ${coderB} do not disagree here; the decision is ignored`, { at: this.where(r.line) }));
    }
    if (this.common === 0) diagnostics.push(warn('QC512', `${coderA} and ${coderB} have no reviewed segment in common`));
    return { segments: this.common, agreedSegments: this.agreedSegments, decided: this.decided, preferred: this.preferred, onlyOne: this.onlyOne, diagnostics };
  }
}

function isSubset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/**
 * computeAdjudication over two CodingTables of one SegmentTable, walked
 * together in corpus order: `settled` yields each segment's consensus
 * codings as they are settled (segment number and codings, in canonical
 * order), so that the consensus coding file is written as it is made;
 * `finish`, once they are all taken, gives the counts and diagnostics.
 */
export function computeTableAdjudication(
  codebook: Codebook,
  a: CodingTable,
  b: CodingTable,
  options: AdjudicationOptions,
): { settled: Generator<{ n: number; codings: Coding[] }>; finish: () => Omit<Adjudication, 'codings'> } {
  const adjudicator = new Adjudicator(codebook, [a.coder, b.coder], options);
  const segments = a.segments;
  const codesOf = (t: CodingTable, from: number, to: number) => {
    const set = new Set<string>();
    for (let r = from; r < to; r++) if (t.code(r) !== 0) set.add(t.codeId(r));
    return set;
  };
  function* settled(): Generator<{ n: number; codings: Coding[] }> {
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      const n = Math.min(i < a.length ? a.segment(i) : Infinity, j < b.length ? b.segment(j) : Infinity);
      let sa: Set<string> | undefined;
      let sb: Set<string> | undefined;
      if (i < a.length && a.segment(i) === n) sa = codesOf(a, i, (i = a.segmentEnd(i)));
      if (j < b.length && b.segment(j) === n) sb = codesOf(b, j, (j = b.segmentEnd(j)));
      const codings = adjudicator.segment(segments.segmentId(n), segments.docId(n), sa, sb);
      if (codings.length > 0) yield { n, codings };
    }
  }
  return { settled: settled(), finish: () => adjudicator.finish() };
}

/** The one-line account of a scripted adjudication, for stderr. */
export function formatAdjudicationSummary(result: Adjudication, options: Pick<AdjudicationOptions, 'as' | 'prefer'>): string {
  const onlyOne = result.onlyOne ? `; ${result.onlyOne} segments only one coder reviewed left out` : '';
  return `${options.as}: ${result.segments} segments (${result.agreedSegments} agreed, ${result.decided} rows decided, ${result.preferred} as ${options.prefer ?? '-'})${onlyOne}`;
}
