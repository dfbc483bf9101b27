import { parse } from 'csv-parse/sync';
import { CodebookSchema, type Codebook } from '../../../src/core/model/codebook.js';
import type { Unit } from '../../../src/core/model/codebook.js';
import { compileMatcher, type Matcher } from '../../../src/core/match/compile-matcher.js';
import { ByteRows } from '../../../src/core/util/byte-rows.js';
import { DocumentCoder, jsonTextBytes, matchText } from '../../../src/core/match/code-document.js';

/** A codebook of one category whose code `c<i>` has the i-th pattern list (or a full code spec). */
export function codebookOf(codes: Record<string, string[] | { patterns: string[]; unless?: string[]; min_matches?: number }>, exclusive = false): Codebook {
  return CodebookSchema.parse({
    name: 'test',
    version: '1.0.0',
    categories: [
      {
        id: 'cat',
        label: 'Category',
        exclusive,
        codes: Object.entries(codes).map(([id, spec]) => ({ id, label: id, ...(Array.isArray(spec) ? { patterns: spec } : spec) })),
      },
    ],
  });
}

export function runFor(codes: Parameters<typeof codebookOf>[0], exclusive = false): Matcher {
  return compileMatcher(codebookOf(codes, exclusive));
}

/** The matched texts of `patterns` (all under one code) in `text`, in order. */
export function matched(patterns: string | string[], text: string): string[] {
  return matchText(runFor({ c: Array.isArray(patterns) ? patterns : [patterns] }), text).map((e) => e.matched_text);
}

/** Codes one document's text as `qcode code` would (its rows, parsed back): coding rows and evidence rows. */
export function codeText(matcher: Matcher, text: string, unit: Unit, coder = 'auto') {
  const out = { codings: new ByteRows(), evidence: new ByteRows() };
  const buf = jsonTextBytes(text);
  new DocumentCoder(matcher, unit, { coder }).code({ id: 'd', language: 'en', buf, from: 1, to: buf.length - 1, trusted: true, head: null }, out);
  const rows = (r: ByteRows) => parse(new TextDecoder().decode(r.bytes.subarray(0, r.length))) as string[][];
  return {
    codings: rows(out.codings).map(([segment_id, doc_id, , c, category, code, memo]) => ({ segment_id, doc_id, coder: c, category, code, memo })),
    evidence: rows(out.evidence).map(([segment_id, code, pattern, matched_text, start, end, outcome]) => ({
      segment_id: segment_id!,
      code: code!,
      pattern: pattern!,
      matched_text: matched_text!,
      start: Number(start),
      end: Number(end),
      outcome: outcome!,
    })),
  };
}

/** JSON string of `text`, characters escaped as \u where the mask says (lone surrogates and control characters always, a tab as \t where the mask does not say \u). */
export function encodeJson(text: string, mask: number[]): string {
  let out = '"';
  let k = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const lone = ch.length === 1 && cp >= 0xd800 && cp <= 0xdfff;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t' && mask[k % mask.length] !== 1) out += '\\t';
    else if (ch === '/' && mask[k % mask.length] === 1) out += '\\/';
    else if (lone || cp < 0x20 || mask[k % mask.length] === 1) {
      const units = cp > 0xffff ? [ch.charCodeAt(0), ch.charCodeAt(1)] : [cp];
      out += units.map((u) => `\\u${u.toString(16).padStart(4, '0')}`).join('');
    } else out += ch;
    k++;
  }
  return `${out}"`;
}
