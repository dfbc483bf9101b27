import type { Document } from '../../../src/core/model/document.js';
import type { Segment } from '../../../src/core/model/segment.js';

/**
 * A small corpus built in code: 30 documents of three source types with 1–5
 * sentences each, so sampling tests need no segmenter. Document i has type
 * official (i mod 5 = 0), social (i mod 5 = 1, 2) or news (3, 4) and (i · 7) mod 4 + 1
 * segments, so the strata differ in size (15, 29 and 31 segments).
 */
export function fixtureCorpus(options: { withoutType?: string[] } = {}): { docs: Document[]; segments: Segment[] } {
  const types = ['official', 'social', 'news'];
  const docs: Document[] = [];
  const segments: Segment[] = [];
  for (let i = 0; i < 30; i++) {
    const id = `doc-${String(i + 1).padStart(2, '0')}`;
    const n = ((i * 7) % 4) + 1;
    const sentences = Array.from({ length: n }, (_, k) => `Sentence ${k + 1} of ${id}, about "trade", tariffs.`);
    const text = sentences.join(' ');
    const metadata: Record<string, string> = { title: `Document ${i + 1}`, type: types[[0, 1, 1, 2, 2][i % 5]!]! };
    if (options.withoutType?.includes(id)) delete metadata.type;
    docs.push({ id, text, metadata, source: { file: 'fixture.jsonl', line: i + 1 } });
    let start = 0;
    sentences.forEach((s, k) => {
      segments.push({ segment_id: `${id}:s${k + 1}`, doc_id: id, unit: 'sentence', index: k + 1, start, end: start + s.length, text: s });
      start += s.length + 1;
    });
  }
  return { docs, segments };
}
