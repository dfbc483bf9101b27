/**
 * Text safe in LaTeX text mode: the ten special characters, < > which OT1 fonts
 * misprint, and the symbols of reliability tables (κ π α ≥ and the minus sign)
 * that pdfLaTeX's UTF-8 input cannot typeset in text mode, as inline math.
 */
const REPLACEMENTS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '{': '\\{',
  '}': '\\}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  κ: '$\\kappa$',
  π: '$\\pi$',
  α: '$\\alpha$',
  '≥': '$\\geq$',
  '−': '$-$',
};

export function escapeLatex(text: string): string {
  return text.replace(/[\\&%$#_{}~^<>κπα≥−]/g, (ch) => REPLACEMENTS[ch]!);
}
