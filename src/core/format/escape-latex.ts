/** Text safe in LaTeX text mode: the ten special characters, and < > which OT1 fonts misprint. */
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
};

export function escapeLatex(text: string): string {
  return text.replace(/[\\&%$#_{}~^<>]/g, (ch) => REPLACEMENTS[ch]!);
}
