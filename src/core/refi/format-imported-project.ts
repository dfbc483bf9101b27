import { stringify } from 'yaml';
import { formatCodebookYaml } from '../codebook/format-codebook-yaml.js';
import type { Unit } from '../model/codebook.js';
import { formatSpanCsv } from '../spans/format-span-file.js';
import type { ImportedProject } from './import-refi-project.js';

export interface ProjectFile {
  /** Relative to the new project folder, with forward slashes. */
  path: string;
  content: string;
}

/** A document file: YAML front matter (id, then metadata in order) and the normalised text. */
export function formatDocumentFile(id: string, metadata: Record<string, string>, text: string): string {
  return `---\n${stringify({ id, ...metadata }, { lineWidth: 0 })}---\n${text}`;
}

/**
 * The files of a qcode project made from a REFI project: qcode.yaml, the
 * codebook, one .txt per document (corpus/<id>.txt) and one span file per
 * coder (out/codings/spans/<coder>.csv). `source` names the file imported,
 * for the comments at the top of qcode.yaml and the codebook.
 */
export function formatImportedProject(imported: ImportedProject, source: string, unit: Unit): ProjectFile[] {
  const origin = imported.report.origin ? ` (${imported.report.origin})` : '';
  const files: ProjectFile[] = [
    {
      path: 'qcode.yaml',
      content: `# qcode project made by \`qcode init --from ${source}\`${origin}.
codebook: codebook.yaml   # the QDA project's code tree
corpus: corpus            # one document per text source
unit: ${unit}${' '.repeat(Math.max(1, 18 - unit.length))}# span codings become unit codings with qcode units --from-spans
out: out                  # span codings per coder are in out/codings/spans/
`,
    },
    { path: 'codebook.yaml', content: formatCodebookYaml(imported.codebook, `# Imported from ${source}${origin}.\n`) },
  ];
  for (const doc of imported.documents) files.push({ path: `corpus/${doc.id}.txt`, content: formatDocumentFile(doc.id, doc.metadata, doc.text) });
  for (const coder of imported.coders) files.push({ path: `out/codings/spans/${coder.coder}.csv`, content: formatSpanCsv(coder.spans) });
  return files;
}
