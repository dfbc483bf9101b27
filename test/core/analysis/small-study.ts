import { CodebookSchema } from '../../../src/core/model/codebook.js';
import type { Coding } from '../../../src/core/model/coding.js';
import type { Document } from '../../../src/core/model/document.js';
import { segmentId, type Segment } from '../../../src/core/model/segment.js';

/** A hand-countable study: 4 documents of two types, 8 sentence segments, 3 codes. */
export const codebook = CodebookSchema.parse({
  name: 'small',
  version: '1.0.0',
  categories: [
    {
      id: 'trade',
      label: 'Trade',
      codes: [
        { id: 'tariffs', label: 'Tariffs', patterns: ['tariff*', 'arancel*'] },
        { id: 'reform', label: 'Reform', patterns: ['reform'] },
      ],
    },
    { id: 'security', label: 'Security', codes: [{ id: 'drugs', label: 'Drugs', patterns: ['fentanyl', 'drug traffick*'] }] },
  ],
});

const doc = (id: string, type: string, sentences: string[]): [Document, Segment[]] => {
  const text = sentences.join(' ');
  let pos = 0;
  const segs = sentences.map((s, i) => {
    const start = [...text.slice(0, text.indexOf(s, pos))].length;
    pos = text.indexOf(s, pos) + s.length;
    return { segment_id: segmentId(id, 'sentence', i + 1), doc_id: id, unit: 'sentence' as const, index: i + 1, start, end: start + [...s].length, text: s };
  });
  return [{ id, text, metadata: { type, year: '2026' }, source: { file: `${id}.md` } }, segs];
};

const built = [
  doc('d1', 'news', ['Tariffs on steel rise again.', 'Fentanyl seizures grew.']),
  doc('d2', 'news', ['The tariff deal stalled.', 'Nothing else happened.']),
  doc('d3', 'official', ['We will reform customs and cut tariffs.', 'Drug trafficking must end.']),
  doc('d4', 'official', ['Fentanyl kills.', 'The weather was fine.']),
];
export const documents = built.map((b) => b[0]);
export const segments = built.flatMap((b) => b[1]);

const c = (segment_id: string, category: string, code: string): Coding => ({
  segment_id,
  doc_id: segment_id.split(':')[0]!,
  coder: 'ann',
  category,
  code,
  memo: '',
});

/** ann reviewed every segment but d4:s2. */
export const codings: Coding[] = [
  c('d1:s1', 'trade', 'tariffs'),
  c('d1:s2', 'security', 'drugs'),
  c('d2:s1', 'trade', 'tariffs'),
  c('d2:s2', '', ''),
  c('d3:s1', 'trade', 'tariffs'),
  c('d3:s1', 'trade', 'reform'),
  c('d3:s2', 'security', 'drugs'),
  c('d4:s1', 'security', 'drugs'),
];
