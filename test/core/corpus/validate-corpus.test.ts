import { describe, expect, it } from 'vitest';
import { CorpusHasher, canonicalHead, computeCorpusHash, documentDigest, documentDigestOfParts } from '../../../src/core/corpus/compute-corpus-hash.js';
import { DocumentIdTracker, checkDocument, orderCorpusDiagnostics, validateCorpus } from '../../../src/core/corpus/validate-corpus.js';
import { diag, warn } from '../../../src/core/diagnostics/qcode-error.js';

const doc = (id: string, text: string, line: number) => ({ id, text, metadata: { b: '2', a: '1' }, source: { file: 'c.jsonl', line } });

describe('per-document corpus rules', () => {
  it('report a bad id, a repeated id (naming the first) and an empty text, document by document', () => {
    const ids = new DocumentIdTracker();
    expect(checkDocument('a', false, { file: 'c.jsonl', line: 1 }, ids)).toEqual([]);
    expect(checkDocument('a:b', true, { file: 'c.jsonl', line: 2 }, ids).map((d) => d.code)).toEqual(['QC309', 'QC304']);
    const again = checkDocument('a', false, { file: 'c.jsonl', line: 3 }, ids);
    expect(again.map((d) => [d.code, d.message])).toEqual([['QC303', "document id 'a' is also used by c.jsonl:1"]]);
  });

  it('validateCorpus is the per-document rules in corpus order, and an empty corpus is QC310', () => {
    expect(validateCorpus([], 'x').map((d) => d.code)).toEqual(['QC310']);
    const out = validateCorpus([doc('a', 'x', 1), doc('a', ' ', 2)], 'c.jsonl');
    expect(out.map((d) => d.code)).toEqual(['QC303', 'QC304']);
  });

  it('orders diagnostics by file and line, keeps one missing-column report per column and lets invalid UTF-8 stand alone', () => {
    const at = (line: number) => ({ at: { file: 'c.jsonl', line } });
    const missing = (line: number) => diag('QC306', `no 'id' column (columns: x${line})`, { ...at(line), hint: 'map another column with --id-column' });
    expect(orderCorpusDiagnostics([warn('QC304', 'b', at(5)), diag('QC307', 'a', at(2)), missing(3), missing(4)]).map((d) => d.location?.line)).toEqual([2, 3, 5]);
    expect(orderCorpusDiagnostics([diag('QC307', 'a', at(2)), diag('QC302', 'bad', at(9)), diag('QC310', 'none', { at: { file: 'c.jsonl' } })]).map((d) => d.code)).toEqual([
      'QC302',
    ]);
  });
});

describe('the corpus hash', () => {
  it('is the same whether documents are hashed whole or from the parts of their canonical line', () => {
    const docs = [doc('a', 'Tariffs "rose".\n\nMéxico', 1), doc('b', 'x', 2)];
    const h = new CorpusHasher();
    for (const d of docs) h.addDigest(documentDigestOfParts(canonicalHead(d.id, d.metadata), new TextEncoder().encode(JSON.stringify(d.text).slice(1, -1))));
    expect(h.digest()).toBe(computeCorpusHash(docs));
    expect(Buffer.from(documentDigest(docs[0]!)).toString('hex')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with the order, the ids, the metadata and the text', () => {
    const base = [doc('a', 'x', 1), doc('b', 'y', 2)];
    const hash = computeCorpusHash(base);
    expect(computeCorpusHash([...base].reverse())).not.toBe(hash);
    expect(computeCorpusHash([doc('c', 'x', 1), base[1]!])).not.toBe(hash);
    expect(computeCorpusHash([{ ...base[0]!, metadata: { a: '2' } }, base[1]!])).not.toBe(hash);
    expect(computeCorpusHash([doc('a', 'x ', 1), base[1]!])).not.toBe(hash);
  });
});
