import { listCodes } from '../model/codebook.js';
import type { ImportedProject } from './import-refi-project.js';

/** The summary `qcode init --from` prints: what became what, and how positions were read. */
export function formatImportReport(imported: ImportedProject, source: string, target: string): string {
  const { codebook, documents, coders, report } = imported;
  const codes = listCodes(codebook);
  const lines = [
    `Imported ${source}${report.origin ? ` (${report.origin})` : ''} into ${target || '.'}:`,
    `  documents  ${documents.length}: ${documents.map((d) => d.id).join(', ')}`,
    `  codebook   ${codes.length} codes in ${codebook.categories.length} categories (from ${report.refiCodes} REFI codes, ${report.codeDepth} level(s)${report.codeDepth > 2 ? '; deeper levels flattened, their path in the label' : ''})`,
    `  positions  ${report.positions.reason}`,
    `  codings    ${report.codingsImported} of ${report.codingsRead} imported as spans${report.duplicatesMerged ? `; ${report.duplicatesMerged} exact repeat(s) merged` : ''}`,
  ];
  for (const c of coders) {
    const n = c.spans.filter((s) => s.code !== '').length;
    lines.push(`  coder      ${c.coder}${c.user?.name && c.user.name !== c.coder ? ` (user "${c.user.name}")` : ''}: ${n} span coding(s) → out/codings/spans/${c.coder}.csv`);
  }
  if (report.usersWithoutCodings.length) lines.push(`  users without codings: ${report.usersWithoutCodings.join(', ')}`);
  const undefinedCodes = codes.filter((r) => r.code.definition.trim() === '').length;
  if (undefinedCodes) lines.push(`  ${undefinedCodes} code(s) have no description: qcode validate warns (QC209) until they have a definition`);
  return `${lines.join('\n')}\n`;
}
