/**
 * Every command, with a one-line summary and a lazy loader. The top-level
 * help is drawn from this table alone, so `qcode --help` loads no command
 * and none of zod, yaml or the CSV packages.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<{ default: import('./command-kit.js').CommandModule }>;
}

export const commandTable: CommandEntry[] = [
  { name: 'init', summary: 'scaffold a new qcode project, or make one from a QDA project (--from)', load: () => import('./commands/init.js') },
  { name: 'validate', summary: 'check the project file, codebook and corpus', load: () => import('./commands/validate.js') },
  { name: 'codebook', summary: 'show, export (md, latex, qdc), import (qdc) or print the schema of the codebook', load: () => import('./commands/codebook.js') },
  { name: 'segment', summary: 'split the corpus into units with stable ids', load: () => import('./commands/segment.js') },
  { name: 'code', summary: "apply the codebook's patterns to every segment (dictionary auto-coder)", load: () => import('./commands/code.js') },
  { name: 'merge', summary: 'join the parts of a sharded code run (code --shard K/N) into single-run files', load: () => import('./commands/merge.js') },
  { name: 'sheet', summary: "a coder's blank coding sheet for the sample (xlsx or csv)", load: () => import('./commands/sheet.js') },
  { name: 'import', summary: "turn a coder's spreadsheet into the canonical coding file", load: () => import('./commands/import.js') },
  { name: 'rebase', summary: "move coders' codings onto the current segments by their text (after a document changed)", load: () => import('./commands/rebase.js') },
  { name: 'units', summary: "turn a QDA coder's span codings into codings of the project's units", load: () => import('./commands/units.js') },
  { name: 'plan', summary: 'how many units to double-code (Krippendorff’s α_min table; interval half-width)', load: () => import('./commands/plan.js') },
  { name: 'sample', summary: 'draw a reproducible random sample of segments', load: () => import('./commands/sample.js') },
  { name: 'annotate', summary: 'code segments by hand in the terminal (blind, saved at every step)', load: () => import('./commands/annotate.js') },
  { name: 'disagreements', summary: 'list where two coders differ, segment by code', load: () => import('./commands/disagreements.js') },
  { name: 'adjudicate', summary: "settle two coders' disagreements into a consensus coder", load: () => import('./commands/adjudicate.js') },
  { name: 'agree', summary: 'inter-coder reliability: κ, α, AC1 and more, per code, category and pooled', load: () => import('./commands/agree.js') },
  { name: 'evaluate', summary: "measure the auto-coder against a human coder (precision, recall, F1)", load: () => import('./commands/evaluate.js') },
  { name: 'freq', summary: 'frequencies per code and category, by group with χ² tests', load: () => import('./commands/freq.js') },
  { name: 'saturation', summary: 'distinct and new codes as documents are added (code saturation)', load: () => import('./commands/saturation.js') },
  { name: 'cooccur', summary: 'code × code co-occurrence within segments and documents', load: () => import('./commands/cooccur.js') },
  { name: 'kwic', summary: 'keyword-in-context lines for a pattern or a code', load: () => import('./commands/kwic.js') },
  { name: 'themes', summary: 'key terms (G² keyness) and exemplar quotes per code', load: () => import('./commands/themes.js') },
  { name: 'export', summary: 'analysis-ready tables (long, wide, jsonl) or a REFI-QDA project (qdpx)', load: () => import('./commands/export.js') },
  { name: 'plot', summary: 'figures for papers: reliability, frequencies, co-occurrence, confusion, saturation (SVG, PNG, PDF)', load: () => import('./commands/plot.js') },
  { name: 'report', summary: 'the whole study as one self-contained HTML file', load: () => import('./commands/report.js') },
];
