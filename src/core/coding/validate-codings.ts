import type { Codebook } from '../model/codebook.js';
import { listCodes } from '../model/codebook.js';
import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';
import type { Segment } from '../model/segment.js';
import { suggest } from '../util/suggest.js';
import type { Coding } from '../model/coding.js';
import type { LocatedCoding } from './parse-coding-file.js';
import { AnchorIndex, AnchorTally, anchorCoding, indexSegmentTexts, rebaseHint } from './anchor-codings.js';
import { appendAll } from '../util/bulk-array.js';

/** The did-you-mean hint among candidates, or undefined. */
export function near(word: string, candidates: Iterable<string>): string | undefined {
  const s = suggest(word, candidates);
  return s === undefined ? undefined : `did you mean '${s}'?`;
}

/** The problems a coding row can have, worded once for every reader (validateCodings, the compact CodingTableBuilder). */
export const codingProblem = {
  unknownSegment: (id: string, at: SourceLocation, hint: string | undefined) => diag('QC401', `unknown segment '${id}'`, { at, hint }),
  wrongDocument: (id: string, doc: string, given: string, at: SourceLocation) => diag('QC407', `segment '${id}' belongs to document '${doc}', not '${given}'`, { at }),
  wrongCoder: (coder: string, expected: string, at: SourceLocation) => diag('QC409', `row of coder '${coder}' in the file of coder '${expected}'`, { at }),
  unknownCode: (code: string, at: SourceLocation, hint: string | undefined) => diag('QC402', `unknown code '${code}'`, { at, hint }),
  wrongCategory: (code: string, category: string, given: string, at: SourceLocation) =>
    diag('QC403', `code '${code}' belongs to category '${category}', not '${given}'`, { at }),
  categoryWithoutCode: (category: string, at: SourceLocation) =>
    diag('QC402', `category '${category}' given without a code`, { at, hint: 'a "reviewed, none" row leaves both category and code empty' }),
  twice: (id: string, code: string, coder: string, at: SourceLocation) => diag('QC405', `segment '${id}' has code '${code || '(none)'}' twice for coder '${coder}'`, { at }),
  noneAndCodes: (id: string, at: SourceLocation) => diag('QC408', `segment '${id}' is marked "no code applies" and also has codes`, { at }),
  exclusive: (id: string, first: string, code: string, category: string, at: SourceLocation) =>
    diag('QC404', `segment '${id}' has codes '${first}' and '${code}' of exclusive category '${category}'`, { at }),
};

/**
 * Checks codings against the codebook and the segments, and completes what
 * can be derived (doc_id from the segment, category from the code). A row
 * whose text fingerprint is no longer its segment's (the text moved, or was
 * edited or deleted) is never attached to the segment: the moved and the
 * orphaned rows are each reported once, with how many and the fix
 * (`options.fix`, by default `qcode rebase <coder>`). Returns every problem;
 * codings with errors are left out of the result.
 */
export function validateCodings(
  rows: readonly LocatedCoding[],
  codebook: Codebook,
  segments: readonly Segment[],
  expectedCoder?: string,
  options: { fix?: string } = {},
): { codings: Coding[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const segmentById = new Map(segments.map((s) => [s.segment_id, s]));
  const codes = new Map(listCodes(codebook).map((r) => [r.code.id, r]));
  const seen = new Set<string>();
  const codings: Coding[] = [];
  const perSegment = new Map<string, { none?: LocatedCoding; coded: LocatedCoding[] }>();
  const anchors = new AnchorIndex(indexSegmentTexts(segments));
  const tally = new AnchorTally();
  for (const row of rows) {
    const anchor = anchorCoding({ segment_id: row.coding.segment_id, doc_id: row.coding.doc_id, text_sha: row.text_sha }, anchors);
    if (!tally.add(row, anchor)) continue;
    const c = { ...row.coding };
    const at = (k: keyof LocatedCoding['at']) => row.at[k] ?? row.at.row;
    let ok = true;
    const segment = segmentById.get(c.segment_id);
    if (!segment) {
      // Suggest only among the same document's segments: they differ by the counter alone.
      const docPrefix = c.segment_id.split(':')[0] ?? '';
      const candidates = segments.filter((s) => s.doc_id === docPrefix).map((s) => s.segment_id);
      diagnostics.push(codingProblem.unknownSegment(c.segment_id, at('segment_id'), near(c.segment_id, candidates.length ? candidates : segmentById.keys())));
      ok = false;
    } else if (c.doc_id && c.doc_id !== segment.doc_id) {
      diagnostics.push(codingProblem.wrongDocument(c.segment_id, segment.doc_id, c.doc_id, at('doc_id')));
      ok = false;
    } else c.doc_id = segment.doc_id;
    if (expectedCoder !== undefined && c.coder !== expectedCoder) {
      diagnostics.push(codingProblem.wrongCoder(c.coder, expectedCoder, at('coder')));
      ok = false;
    }
    if (c.code) {
      const ref = codes.get(c.code);
      if (!ref) {
        diagnostics.push(codingProblem.unknownCode(c.code, at('code'), near(c.code, codes.keys())));
        ok = false;
      } else if (c.category && c.category !== ref.category.id) {
        diagnostics.push(codingProblem.wrongCategory(c.code, ref.category.id, c.category, at('category')));
        ok = false;
      } else c.category = ref.category.id;
    } else if (c.category) {
      diagnostics.push(codingProblem.categoryWithoutCode(c.category, at('code')));
      ok = false;
    }
    const key = `${c.coder}\u0000${c.segment_id}\u0000${c.code}`;
    if (ok && seen.has(key)) {
      diagnostics.push(codingProblem.twice(c.segment_id, c.code, c.coder, at('row')));
      ok = false;
    }
    if (!ok) continue;
    seen.add(key);
    const group = perSegment.get(`${c.coder}\u0000${c.segment_id}`) ?? { coded: [] };
    if (c.code) group.coded.push({ coding: c, at: row.at });
    else group.none = { coding: c, at: row.at };
    perSegment.set(`${c.coder}\u0000${c.segment_id}`, group);
    codings.push(c);
  }
  const bad = new Set<Coding>();
  for (const group of perSegment.values()) {
    if (group.none && group.coded.length) {
      diagnostics.push(codingProblem.noneAndCodes(group.none.coding.segment_id, group.none.at.row));
      bad.add(group.none.coding);
    }
    const byCategory = new Map<string, LocatedCoding[]>();
    for (const lc of group.coded) {
      const list = byCategory.get(lc.coding.category) ?? [];
      list.push(lc);
      byCategory.set(lc.coding.category, list);
    }
    for (const [categoryId, list] of byCategory) {
      const category = codebook.categories.find((k) => k.id === categoryId);
      if (category?.exclusive && list.length > 1) {
        for (const lc of list.slice(1)) {
          diagnostics.push(codingProblem.exclusive(lc.coding.segment_id, list[0]!.coding.code, lc.coding.code, categoryId, lc.at.code ?? lc.at.row));
          bad.add(lc.coding);
        }
      }
    }
  }
  appendAll(diagnostics, tally.diagnostics(rows[0]?.at.row.file ?? 'the codings', options.fix ?? rebaseHint(expectedCoder)));
  return { codings: codings.filter((c) => !bad.has(c)), diagnostics };
}
