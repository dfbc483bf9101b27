import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parse as parseCsv } from 'csv-parse/sync';
import { CodebookSchema, type Codebook } from '../../src/core/model/codebook.js';
import type { Coding } from '../../src/core/model/coding.js';
import type { Document } from '../../src/core/model/document.js';
import type { Segment } from '../../src/core/model/segment.js';

export const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/double-coding-two-coders');

/**
 * Loads the two-coder fixture for core tests without the project reader:
 * front matter by a plain split, paragraphs at blank lines (each paragraph
 * of the fixture is one line, so offsets are simple).
 */
export function loadDoubleCodingFixture(): { codebook: Codebook; docs: Document[]; segments: Segment[] } {
  const codebook = CodebookSchema.parse(parseYaml(readFileSync(path.join(FIXTURE, 'codebook.yaml'), 'utf8')));
  const docs: Document[] = [];
  const segments: Segment[] = [];
  for (const f of readdirSync(path.join(FIXTURE, 'corpus')).sort()) {
    const raw = readFileSync(path.join(FIXTURE, 'corpus', f), 'utf8');
    const m = /^---\n([\s\S]*?)\n---\n/.exec(raw)!;
    const meta = parseYaml(m[1]!) as Record<string, string>;
    const text = raw.slice(m[0].length);
    const id = String(meta.id);
    delete meta.id;
    docs.push({ id, text, metadata: meta, source: { file: f } });
    let offset = 0;
    text.split('\n\n').forEach((para, i) => {
      const t = para.trim();
      const start = offset + para.indexOf(t);
      segments.push({ segment_id: `${id}:p${i + 1}`, doc_id: id, unit: 'paragraph', index: i + 1, start, end: start + t.length, text: t });
      offset += para.length + 2;
    });
  }
  return { codebook, docs, segments };
}

export function loadFixtureCodings(coder: string): Coding[] {
  const text = readFileSync(path.join(FIXTURE, 'out/codings', `${coder}.csv`), 'utf8');
  return parseCsv(text, { columns: true }) as Coding[];
}
