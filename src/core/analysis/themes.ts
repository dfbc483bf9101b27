import { listCodes, type Codebook } from '../model/codebook.js';
import type { CodedSegment } from './coded-segments.js';
import { computeLogLikelihoodKeyness, type KeynessForm } from './log-likelihood-keyness.js';
import { computeContentTerms } from './content-terms.js';

export interface KeyTerm {
  term: string;
  /** Occurrences in segments with the code, and in the other reviewed segments. */
  freq_code: number;
  freq_rest: number;
  g2: number;
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
 * Per code: its most distinctive terms (positive log-likelihood keyness G² of
 * the segments coded with it against all other reviewed segments, top N by G²,
 * ties by term; terms are the matcher's words, see content-terms.ts) and
 * exemplar quotes: the segments coded with it that have the most matches of
 * its patterns (the auto-coder's evidence), then the highest
 * length-normalised keyness (sum of the G² of the segment's tokens that are
 * positive key terms of the code, divided by its token count), then corpus
 * order.
 */
export function computeThemes(input: ThemesInput): CodeTheme[] {
  const { terms: tokens, display } = computeContentTerms(input.coded.map((s) => s.segment.text));
  const matches = countMatches(input.evidence);
  const totalCounts = countTerms(tokens.flat());
  const totalSize = tokens.reduce((n, t) => n + t.length, 0);
  const wanted = input.codes ? new Set(input.codes) : null;
  return listCodes(input.codebook)
    .filter((r) => !wanted || wanted.has(r.code.id))
    .map(({ code, category }) => {
      const members = input.coded.flatMap((s, i) => (s.codes.has(code.id) ? [i] : []));
      const inCounts = countTerms(members.flatMap((i) => tokens[i]!));
      const c = members.reduce((n, i) => n + tokens[i]!.length, 0);
      const d = totalSize - c;
      const g2ByTerm = new Map<string, number>();
      const terms: KeyTerm[] = [];
      for (const [term, a] of inCounts) {
        const b = totalCounts.get(term)! - a;
        const g2 = computeLogLikelihoodKeyness(a, b, c, d, input.keyness ?? 'two-cell');
        if (g2 > 0) {
          g2ByTerm.set(term, g2);
          terms.push({ term: display.get(term)!, freq_code: a, freq_rest: b, g2 });
        }
      }
      terms.sort((x, y) => y.g2 - x.g2 || byTerm(x.term, y.term));
      const exemplars = members
        .map((i, order) => {
          const seg = input.coded[i]!.segment;
          const toks = tokens[i]!;
          const keyness = toks.length === 0 ? 0 : toks.reduce((s, t) => s + (g2ByTerm.get(t) ?? 0), 0) / toks.length;
          return { order, ex: { segment_id: seg.segment_id, matches: matches.get(matchKey(seg.segment_id, code.id)) ?? 0, keyness, text: seg.text } };
        })
        .sort((x, y) => y.ex.matches - x.ex.matches || y.ex.keyness - x.ex.keyness || x.order - y.order)
        .slice(0, input.exemplars)
        .map((x) => x.ex);
      return { category: category.id, code: code.id, segments: members.length, terms: terms.slice(0, input.top), exemplars };
    });
}

/** Matches per segment and code, keyed by matchKey. */
function countMatches(evidence: ThemesInput['evidence']): Map<string, number> {
  return countTerms(evidence.map((e) => matchKey(e.segment_id, e.code)));
}

function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}
