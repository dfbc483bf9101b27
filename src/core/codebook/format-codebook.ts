import { escapeLatex, LATEX_GLYPH_MACRO } from '../format/escape-latex.js';
import type { Category, Code, Codebook } from '../model/codebook.js';

export type CodebookFormat = 'md' | 'latex';

/**
 * The codebook as a paper appendix: title and description, then per category
 * its description and whether it is exclusive, and per code its label and id,
 * definition, include and exclude rules, examples, counterexamples and
 * dictionary patterns. Markdown for drafts and supplements; LaTeX
 * (`\subsection*` per category, `description` lists per code) to \input into a
 * paper. Empty parts are left out.
 */
export function formatCodebookAppendix(codebook: Codebook, format: CodebookFormat): string {
  return format === 'md' ? formatMarkdown(codebook) : formatLatex(codebook);
}

interface Part {
  label: string;
  items: string[];
  quote: boolean;
}

function parts(code: Code): Part[] {
  return [
    { label: 'Include', items: code.include, quote: false },
    { label: 'Exclude', items: code.exclude, quote: false },
    { label: 'Examples', items: code.examples, quote: true },
    { label: 'Counterexamples', items: code.counterexamples, quote: true },
  ].filter((p) => p.items.length > 0);
}

const title = (cb: Codebook) => cb.title || cb.name;
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const exclusiveNote = (c: Category) => (c.exclusive ? 'Exclusive: at most one code of this category per segment.' : '');

function formatMarkdown(cb: Codebook): string {
  const md = (s: string) => oneLine(s).replace(/([\\`*_[\]<>|])/g, '\\$1');
  const out: string[] = [`# Codebook: ${md(title(cb))}`, '', `Codebook \`${cb.name}\`, version ${cb.version}; unit of coding: ${cb.unit}.`];
  if (cb.description) out.push('', md(cb.description));
  for (const category of cb.categories) {
    out.push('', `## ${md(category.label)} (\`${category.id}\`)`);
    const note = [category.description && md(category.description), exclusiveNote(category)].filter(Boolean).join(' ');
    if (note) out.push('', note);
    for (const code of category.codes) {
      out.push('', `### ${md(code.label)} (\`${code.id}\`)`);
      if (code.definition) out.push('', `**Definition.** ${md(code.definition)}`);
      for (const part of parts(code)) {
        out.push('', `**${part.label}:**`, '');
        for (const item of part.items) out.push(`- ${part.quote ? `“${md(item)}”` : md(item)}`);
      }
      if (code.patterns.length > 0) out.push('', `**Dictionary patterns:** ${code.patterns.map((p) => `\`${oneLine(p).replace(/`/g, "'")}\``).join(', ')}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function formatLatex(cb: Codebook): string {
  const tex = (s: string) => escapeLatex(oneLine(s));
  const out: string[] = [`\\section*{Codebook: ${tex(title(cb))}}`, `Codebook \\texttt{${tex(cb.name)}}, version ${tex(cb.version)}; unit of coding: ${cb.unit}.`];
  if (cb.description) out.push('', tex(cb.description));
  for (const category of cb.categories) {
    out.push('', `\\subsection*{${tex(category.label)} (\\texttt{${tex(category.id)}})}`);
    const note = [category.description && tex(category.description), exclusiveNote(category)].filter(Boolean).join(' ');
    if (note) out.push(note);
    out.push('\\begin{description}');
    for (const code of category.codes) {
      out.push(`\\item[{${tex(code.label)} (\\texttt{${tex(code.id)}})}] ${code.definition ? tex(code.definition) : ''}`.trimEnd());
      for (const part of parts(code)) {
        out.push(`  \\par\\textit{${part.label}:}`, '  \\begin{itemize}');
        for (const item of part.items) out.push(`    \\item ${part.quote ? `\`\`${tex(item)}''` : tex(item)}`);
        out.push('  \\end{itemize}');
      }
      if (code.patterns.length > 0) {
        // Typewriter spaces do not stretch: a justified line of patterns would run into the margin.
        out.push(`  \\par{\\raggedright\\textit{Dictionary patterns:} ${code.patterns.map((p) => `\\texttt{${tex(p)}}`).join(', ')}\\par}`);
      }
    }
    out.push('\\end{description}');
  }
  // \sloppy: long ids and quoted examples in narrow items would otherwise run into the margin.
  const body = `\\begingroup\\sloppy\n${out.join('\n')}\n\\par\\endgroup\n`;
  const head = ['% Codebook appendix for \\input. Preamble: nothing beyond the kernel. Compiles with pdfLaTeX, XeLaTeX and LuaLaTeX.'];
  if (body.includes('\\qcodeglyph')) head.push(LATEX_GLYPH_MACRO);
  return `${head.join('\n')}\n${body}`;
}
