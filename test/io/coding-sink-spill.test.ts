import { describe, expect, it } from 'vitest';
import { spillLongRows } from '../../src/core/match/spill-long-rows.js';
import { CodingSink, type RowTarget } from '../../src/io/coding-sink.js';

// A long document's rows are written out in the middle of it (spillLongRows):
// the output is the same bytes in the same order, and a shard's index still
// gets each document's row sizes (they count what was written out too).
function memoryTarget(): RowTarget & { bytes: () => string; writes: number } {
  const parts: Uint8Array[] = [];
  const t = {
    writes: 0,
    write(b: Uint8Array) {
      t.writes++;
      parts.push(b.slice());
    },
    close() {},
    bytes: () => Buffer.concat(parts).toString('utf8'),
  };
  return t;
}

const doc = (id: string) => ({ id, segments: 1, matches: 0, coded: 0, blank: false, digest: null });

describe('CodingSink with rows written out mid-document', () => {
  it('writes every row once, in order, and sizes each document by all of its rows', () => {
    const codings = memoryTarget();
    const evidence = memoryTarget();
    const sink = new CodingSink(codings, evidence, { codings: 'H\n', evidence: 'E\n' }, true);
    const row = `${'x'.repeat(99)}\n`;
    let expected = 'H\n';
    // A small document, a long one (about 12 MB of rows, spilled on the way), a small one.
    sink.text.codings.text('a\n');
    expected += 'a\n';
    sink.took(doc('d1'), 1);
    let long = 0;
    for (let i = 0; i < 120_000; i++) {
      sink.text.codings.text(row);
      long += row.length;
      spillLongRows(sink.text);
    }
    expected += row.repeat(120_000);
    sink.took(doc('d2'), 2);
    expect(codings.writes).toBeGreaterThan(1);
    sink.text.codings.text('c\n');
    sink.text.evidence.text('e\n');
    expected += 'c\n';
    sink.took(doc('d3'), 3);
    sink.close();
    expect(codings.bytes()).toBe(expected);
    expect(evidence.bytes()).toBe('E\ne\n');
    expect(sink.result.codingBytes).toEqual([2, long, 2]);
    expect(sink.result.evidenceBytes).toEqual([0, 0, 2]);
  });

  it('leaves rows waiting when there are few, and when nothing can take them', () => {
    const codings = memoryTarget();
    const sink = new CodingSink(codings, memoryTarget());
    sink.text.codings.text('short\n');
    spillLongRows(sink.text);
    expect(codings.writes).toBe(0);
    const bare = { codings: sink.text.codings, evidence: sink.text.evidence };
    bare.codings.text('y'.repeat(5 << 20));
    expect(() => spillLongRows(bare)).not.toThrow();
    expect(codings.writes).toBe(0);
  });
});
