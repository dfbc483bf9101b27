import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnchorIndex, anchorCoding, indexSegmentTexts } from '../../../src/core/coding/anchor-codings.js';
import type { LocatedCoding } from '../../../src/core/coding/parse-coding-file.js';
import { codingRowOf } from '../../../src/core/coding/parse-coding-file.js';
import { rebaseCodings as rebaseRows, tableRebaseLookup } from '../../../src/core/coding/rebase-codings.js';
import { SegmentTableBuilder } from '../../../src/core/segment/segment-table.js';
import { validateCodings } from '../../../src/core/coding/validate-codings.js';
import { parseCodebook } from '../../../src/core/codebook/parse-codebook.js';
import { computeTextSha } from '../../../src/core/util/hash.js';
import type { Segment } from '../../../src/core/model/segment.js';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);

/** A document's segments from its sentences, ids in order. */
function doc(id: string, sentences: readonly string[]): Segment[] {
  return sentences.map((text, i) => ({ segment_id: `${id}:s${i + 1}`, doc_id: id, unit: 'sentence', index: i + 1, start: 0, end: 0, text }));
}

/** A coder's rows: code `c<k>` on each sentence k of the document, fingerprinted as coded. */
function codedRows(segments: readonly Segment[], only?: (s: Segment) => boolean): LocatedCoding[] {
  return segments
    .filter((s) => !only || only(s))
    .map((s) => ({
      coding: { segment_id: s.segment_id, doc_id: s.doc_id, coder: 'ana', category: 'topic', code: `c${s.index}`, memo: '' },
      at: { row: { file: 'ana.csv' } },
      text_sha: computeTextSha(s.text),
    }));
}

const index = (segments: readonly Segment[]) => new AnchorIndex(indexSegmentTexts(segments));

/** The current segmentation as rebase reads it: a SegmentTable. */
function table(segments: readonly Segment[]) {
  const b = new SegmentTableBuilder('sentence');
  let doc = '';
  for (const s of segments) {
    if (s.doc_id !== doc) b.addDocument({ id: (doc = s.doc_id), metadata: {} });
    b.addSegment(s.index, s.start, s.end, computeTextSha(s.text));
  }
  return tableRebaseLookup(b.finish());
}

const rebaseCodings = (rows: readonly LocatedCoding[], segments: readonly Segment[], oldText: (sha: string) => string | undefined) => rebaseRows(rows.map(codingRowOf), table(segments), oldText);

describe('text fingerprints', () => {
  it('are the first 16 hex digits of sha-256 of the UTF-8 text, for any text', () => {
    expect(computeTextSha('Trade talks went well.')).toBe('e2ce13dfae8771a7');
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (t) => computeTextSha(t) === sha(t)));
  });
});

describe('anchorCoding', () => {
  const old = doc('a', ['One.', 'Two.', 'Three.']);
  it('keeps a coding on unchanged text, moves it with its text, orphans it when the text is gone', () => {
    const now = index(doc('a', ['Zero.', 'One.', 'Two!', 'Three.']));
    const [one, two, three] = codedRows(old);
    expect(anchorCoding({ ...one!.coding, text_sha: one!.text_sha }, now)).toEqual({ status: 'moved', to: ['a:s2'] });
    expect(anchorCoding({ ...two!.coding, text_sha: two!.text_sha }, now)).toEqual({ status: 'orphaned' });
    expect(anchorCoding({ ...three!.coding, text_sha: three!.text_sha }, now)).toEqual({ status: 'moved', to: ['a:s4'] });
    expect(anchorCoding({ ...three!.coding, segment_id: 'a:s4', text_sha: three!.text_sha }, now)).toEqual({ status: 'kept' });
    expect(anchorCoding({ ...one!.coding, text_sha: '' }, now)).toEqual({ status: 'unchecked' });
  });

  it('looks for moved text only within the coding’s own document', () => {
    const now = index([...doc('a', ['Other.']), ...doc('b', ['One.'])]);
    const [one] = codedRows(old);
    expect(anchorCoding({ ...one!.coding, text_sha: one!.text_sha }, now)).toEqual({ status: 'orphaned' });
  });
});

describe('validateCodings never attaches a coding to changed text', () => {
  const codebook = parseCodebook(
    'name: t\nversion: 1.0.0\ncategories:\n  - id: topic\n    label: T\n    codes:\n' +
      [1, 2, 3, 4].map((k) => `      - {id: c${k}, label: C${k}, definition: d}\n`).join(''),
    'cb.yaml',
  ).codebook!;

  it('for any edit of a document, every accepted coding is on the text it was coded on', () => {
    const words = fc.constantFrom('Alpha.', 'Beta.', 'Gamma.', 'Delta.', 'Beta!', 'Epsilon.');
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 4 }), fc.array(words, { minLength: 1, maxLength: 6 }), (before, after) => {
        const oldSegs = doc('a', before);
        const newSegs = doc('a', after);
        const rows = codedRows(oldSegs);
        const { codings, diagnostics } = validateCodings(rows, codebook, newSegs, 'ana');
        const oldText = new Map(oldSegs.map((s) => [`c${s.index}`, s.text]));
        const newText = new Map(newSegs.map((s) => [s.segment_id, s.text]));
        for (const c of codings) expect(newText.get(c.segment_id)).toBe(oldText.get(c.code));
        // Every row left out is reported: moved (QC420) or orphaned (QC421).
        if (codings.length < rows.length) expect(diagnostics.map((d) => d.code).some((c) => c === 'QC420' || c === 'QC421')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('rebaseCodings', () => {
  it('drops nothing: every row is placed on its own text or kept as an orphan', () => {
    const words = fc.constantFrom('Alpha.', 'Beta.', 'Gamma.', 'Delta.', 'Alpha.', 'Thanks.');
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 6 }), fc.array(words, { minLength: 0, maxLength: 8 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (before, after, coded) => {
        const oldSegs = doc('a', before);
        const newSegs = doc('a', after);
        const rows = codedRows(oldSegs, (s) => coded[s.index - 1]!);
        const r = rebaseCodings(rows, newSegs, () => undefined);
        expect(r.codings.length + r.orphans.length).toBe(rows.length);
        const oldText = new Map(oldSegs.map((s) => [`c${s.index}`, s.text]));
        const newText = new Map(newSegs.map((s) => [s.segment_id, s.text]));
        for (const c of r.codings) expect(newText.get(c.segment_id)).toBe(oldText.get(c.code));
        // No two old segments land on one new segment.
        const targets = r.codings.map((c) => c.segment_id);
        expect(new Set(targets).size).toBe(targets.length);
        expect(r.segments.kept + r.segments.moved + r.segments.orphaned).toBe(rows.length);
      }),
      { numRuns: 300 },
    );
  });

  it('pairs a repeated text in order when its coded and current occurrences are as many, and orphans it otherwise', () => {
    const before = doc('a', ['Thanks.', 'Deal done.', 'Thanks.']);
    const rows = codedRows(before);
    const shifted = rebaseCodings(rows, doc('a', ['Hello.', 'Thanks.', 'Deal done.', 'Thanks.']), () => undefined);
    expect(shifted.moves).toEqual([
      { from: 'a:s1', to: 'a:s2' },
      { from: 'a:s3', to: 'a:s4' },
      { from: 'a:s2', to: 'a:s3' },
    ]);
    const oneGone = rebaseCodings(rows, doc('a', ['Hello.', 'Deal done.', 'Thanks.']), (s) => (s === sha('Thanks.') ? 'Thanks.' : undefined));
    // a:s3 still has its text and keeps its codings; a:s1's "Thanks." could be either left, so it is not guessed.
    expect(oneGone.orphans.map((o) => [o.segment_id, o.reason, o.text])).toEqual([['a:s1', 'text repeats in the document', 'Thanks.']]);
    const twoLeftOfThree = rebaseCodings(codedRows(doc('a', ['Thanks.', 'Thanks.', 'Thanks.'])), doc('a', ['Deal.', 'Thanks.', 'Thanks.', 'Hi.']), () => undefined);
    expect(twoLeftOfThree.segments).toMatchObject({ kept: 2, moved: 0, orphaned: 1 });
  });

  it('counts a segment once however its rows are spread through the file, and never moves onto a segment whose rows stayed', () => {
    const segs = doc('a', ['One.', 'Two.', 'Two.']);
    const rows = codedRows(segs);
    // a:s1's rows apart (two codes), and a row coded on "Two." at a:s1 that must move: a:s2 and a:s3 keep theirs, so it cannot.
    const second = { ...rows[0]!, coding: { ...rows[0]!.coding, code: 'c9' } };
    const stray = { ...rows[1]!, coding: { ...rows[1]!.coding, segment_id: 'a:s1', code: 'c7' } };
    const r = rebaseCodings([rows[0]!, rows[1]!, stray, rows[2]!, second], segs, () => undefined);
    expect(r.segments).toEqual({ kept: 3, moved: 0, orphaned: 1, unchecked: 0 });
    expect(r.rows).toEqual({ kept: 4, moved: 0, orphaned: 1, unchecked: 0 });
    expect(r.orphans.map((o) => [o.segment_id, o.code, o.reason])).toEqual([['a:s1', 'c7', 'text repeats in the document']]);
  });

  it('places a row without fingerprint by id, and orphans it when the id is gone', () => {
    const rows = codedRows(doc('a', ['One.', 'Two.'])).map((r) => ({ ...r, text_sha: '' }));
    const r = rebaseCodings(rows, doc('a', ['Uno.']), () => undefined);
    expect(r.codings.map((c) => c.segment_id)).toEqual(['a:s1']);
    expect(r.segments).toEqual({ kept: 1, moved: 0, orphaned: 1, unchecked: 1 });
    expect(r.orphans[0]!.reason).toBe('no such segment, no fingerprint');
  });
});
