import type { Codebook } from '../model/codebook.js';
import { maxOf } from '../util/bulk-array.js';

/** `qcode codebook show`: categories and codes as a tree with ids, labels and pattern counts. */
export function formatCodebookTree(codebook: Codebook): string {
  const lines = [`${codebook.name} ${codebook.version}${codebook.title ? ` — ${codebook.title}` : ''}`];
  codebook.categories.forEach((cat, ci) => {
    const lastCat = ci === codebook.categories.length - 1;
    lines.push(`${lastCat ? '└─' : '├─'} ${cat.id}  ${cat.label}${cat.exclusive ? '  (exclusive)' : ''}`);
    const idWidth = maxOf(0, cat.codes.map((c) => c.id.length));
    cat.codes.forEach((code, ki) => {
      const last = ki === cat.codes.length - 1;
      const n = code.patterns.length;
      lines.push(
        `${lastCat ? '   ' : '│  '}${last ? '└─' : '├─'} ${code.id.padEnd(idWidth)}  ${code.label}  (${n} pattern${n === 1 ? '' : 's'})`,
      );
    });
  });
  return `${lines.join('\n')}\n`;
}
