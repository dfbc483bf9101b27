import type { Codebook } from '../../src/core/model/codebook.js';

/** A code with nothing but its id: what tests of the statistics need of a codebook. */
const bareCode = (id: string) => ({ id, label: id, definition: '', include: [], exclude: [], examples: [], counterexamples: [], patterns: [] });

/** A sentence-unit codebook of bare codes, each category given as its id, exclusivity and code ids. */
export function testCodebook(name: string, categories: { id: string; exclusive: boolean; codes: string[] }[]): Codebook {
  return {
    name,
    version: '1.0.0',
    title: '',
    description: '',
    language: 'en',
    unit: 'sentence',
    categories: categories.map((c) => ({ id: c.id, label: c.id[0]!.toUpperCase() + c.id.slice(1), description: '', exclusive: c.exclusive, codes: c.codes.map(bareCode) })),
  };
}
