import type { Codebook } from '../model/codebook.js';
import { listCodes } from '../model/codebook.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';
import type { Segment } from '../model/segment.js';
import { suggest } from '../util/suggest.js';
import type { Coding } from '../model/coding.js';
import type { LocatedCoding } from './parse-coding-file.js';
import { AnchorIndex, AnchorTally, anchorCoding, indexSegmentTexts, rebaseHint } from './anchor-codings.js';
import { appendAll } from '../util/bulk-array.js';

function near(word: string, candidates: Iterable<string>): string | undefined {
  const s = suggest(word, candidates);
  return s === undefined ? undefined : `did you mean '${s}'?`;
}

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
      diagnostics.push(
        diag('QC401', `unknown segment '${c.segment_id}'`, { at: at('segment_id'), hint: near(c.segment_id, candidates.length ? candidates : segmentById.keys()) }),
      );
      ok = false;
    } else if (c.doc_id && c.doc_id !== segment.doc_id) {
      diagnostics.push(diag('QC407', `segment '${c.segment_id}' belongs to document '${segment.doc_id}', not '${c.doc_id}'`, { at: at('doc_id') }));
      ok = false;
    } else c.doc_id = segment.doc_id;
    if (expectedCoder !== undefined && c.coder !== expectedCoder) {
      diagnostics.push(diag('QC409', `row of coder '${c.coder}' in the file of coder '${expectedCoder}'`, { at: at('coder') }));
      ok = false;
    }
    if (c.code) {
      const ref = codes.get(c.code);
      if (!ref) {
        diagnostics.push(diag('QC402', `unknown code '${c.code}'`, { at: at('code'), hint: near(c.code, codes.keys()) }));
        ok = false;
      } else if (c.category && c.category !== ref.category.id) {
        diagnostics.push(diag('QC403', `code '${c.code}' belongs to category '${ref.category.id}', not '${c.category}'`, { at: at('category') }));
        ok = false;
      } else c.category = ref.category.id;
    } else if (c.category) {
      diagnostics.push(diag('QC402', `category '${c.category}' given without a code`, { at: at('code'), hint: 'a "reviewed, none" row leaves both category and code empty' }));
      ok = false;
    }
    const key = `${c.coder}\u0000${c.segment_id}\u0000${c.code}`;
    if (ok && seen.has(key)) {
      diagnostics.push(diag('QC405', `segment '${c.segment_id}' has code '${c.code || '(none)'}' twice for coder '${c.coder}'`, { at: at('row') }));
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
      diagnostics.push(
        diag('QC408', `segment '${group.none.coding.segment_id}' is marked "no code applies" and also has codes`, { at: group.none.at.row }),
      );
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
          diagnostics.push(
            diag('QC404', `segment '${lc.coding.segment_id}' has codes '${list[0]!.coding.code}' and '${lc.coding.code}' of exclusive category '${categoryId}'`, { at: lc.at.code ?? lc.at.row }),
          );
          bad.add(lc.coding);
        }
      }
    }
  }
  appendAll(diagnostics, tally.diagnostics(rows[0]?.at.row.file ?? 'the codings', options.fix ?? rebaseHint(expectedCoder)));
  return { codings: codings.filter((c) => !bad.has(c)), diagnostics };
}
