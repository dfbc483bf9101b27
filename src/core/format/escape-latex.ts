/**
 * Text safe in LaTeX text mode under pdfLaTeX, XeLaTeX and LuaLaTeX with no
 * package beyond the kernel: the ten special characters and | < > [ ] as
 * commands or math; Greek letters and mathematical symbols as inline math
 * (`$\kappa$`, `$\chi^2$`); typographic punctuation and accented Latin
 * letters as they are (the kernel's UTF-8 support sets them). A character
 * pdfLaTeX cannot set at all (Cyrillic, CJK, emoji, …) becomes
 * `\qcodeglyph{c}{?}`: the character itself under XeLaTeX and LuaLaTeX, `?`
 * under pdfLaTeX; outputs that use it define the macro (LATEX_GLYPH_MACRO).
 */

const SPECIAL: Record<string, string> = {
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
  // OT1 fonts print | < > as other glyphs; math has the right ones.
  '|': '$|$',
  '<': '$<$',
  '>': '$>$',
  // A row or \item followed by [ would be read as an optional argument.
  '[': '{[}',
  ']': '{]}',
  // Non-breaking and typographic spaces as the kernel knows them.
  '\u00A0': '~',
  '\u2009': '\\,',
  '\u202F': '\\,',
  // Quotation marks OT1 has no glyph for, as the quotes it has.
  '«': '\\textquotedblleft{}',
  '»': '\\textquotedblright{}',
  '‹': '\\textquoteleft{}',
  '›': '\\textquoteright{}',
  '„': '\\textquotedblleft{}',
  '‚': '\\textquoteleft{}',
};

/** Greek letters as math commands; capitals that look Latin as upright Latin letters. */
const GREEK: Record<string, string> = {
  α: '\\alpha', β: '\\beta', γ: '\\gamma', δ: '\\delta', ε: '\\varepsilon', ζ: '\\zeta', η: '\\eta', θ: '\\theta',
  ι: '\\iota', κ: '\\kappa', λ: '\\lambda', μ: '\\mu', ν: '\\nu', ξ: '\\xi', ο: 'o', π: '\\pi', ρ: '\\rho',
  ς: '\\varsigma', σ: '\\sigma', τ: '\\tau', υ: '\\upsilon', φ: '\\varphi', χ: '\\chi', ψ: '\\psi', ω: '\\omega',
  ϑ: '\\vartheta', ϕ: '\\phi', ϵ: '\\epsilon',
  Α: '\\mathrm{A}', Β: '\\mathrm{B}', Γ: '\\Gamma', Δ: '\\Delta', Ε: '\\mathrm{E}', Ζ: '\\mathrm{Z}', Η: '\\mathrm{H}',
  Θ: '\\Theta', Ι: '\\mathrm{I}', Κ: '\\mathrm{K}', Λ: '\\Lambda', Μ: '\\mathrm{M}', Ν: '\\mathrm{N}', Ξ: '\\Xi',
  Ο: '\\mathrm{O}', Π: '\\Pi', Ρ: '\\mathrm{P}', Σ: '\\Sigma', Τ: '\\mathrm{T}', Υ: '\\Upsilon', Φ: '\\Phi',
  Χ: '\\mathrm{X}', Ψ: '\\Psi', Ω: '\\Omega',
};

/** Symbols set as math. */
const MATH: Record<string, string> = {
  '−': '-', '±': '\\pm', '∓': '\\mp', '×': '\\times', '÷': '\\div', '·': '\\cdot', '√': '\\surd', '∞': '\\infty',
  '≤': '\\leq', '≥': '\\geq', '≠': '\\neq', '≈': '\\approx', '≡': '\\equiv', '∼': '\\sim', '∝': '\\propto',
  '←': '\\leftarrow', '→': '\\rightarrow', '↔': '\\leftrightarrow', '⇒': '\\Rightarrow', '⇔': '\\Leftrightarrow',
  '∑': '\\sum', '∏': '\\prod', '∫': '\\int', '∂': '\\partial', '∈': '\\in', '∉': '\\notin', '∩': '\\cap', '∪': '\\cup',
  '⊂': '\\subset', '⊆': '\\subseteq', '∅': '\\emptyset', '∀': '\\forall', '∃': '\\exists', '¬': '\\neg', '∧': '\\wedge',
  '∨': '\\vee', '′': "'", '″': "''", '°': '^\\circ', '•': '\\bullet', '∘': '\\circ', '…': '\\ldots', '⋯': '\\cdots',
};

/** Superscript and subscript digits, so `χ²` becomes `$\chi^{2}$`. */
const SUPERSCRIPT: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁺': '+', '⁻': '-' };
const SUBSCRIPT: Record<string, string> = { '₀': '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7', '₈': '8', '₉': '9' };

/**
 * Characters the LaTeX kernel's UTF-8 input sets in pdfLaTeX with its default
 * OT1 fonts (checked by compiling them: test/e2e/latex-compile.test.ts).
 */
const PDFLATEX_TEXT =
  /[\u00A1-\u00AA\u00AC-\u00BA\u00BC-\u00CF\u00D1-\u00DD\u00DF-\u00EF\u00F1-\u00FD\u00FF-\u0103\u0106-\u010F\u0112-\u0117\u011A-\u0125\u0128-\u012D\u0130-\u0137\u0139-\u013E\u0141-\u0148\u014C-\u0165\u0168-\u0171\u0174-\u017E\u2010-\u2016\u2018\u2019\u201C\u201D\u2020-\u2022\u2026\u2030\u2031\u203B\u203D\u2044\u204E\u2052\u20AC]/u;

/** Defines `\qcodeglyph` where an output uses it. */
export const LATEX_GLYPH_MACRO =
  '\\providecommand{\\qcodeglyph}[2]{\\ifdefined\\XeTeXversion#1\\else\\ifdefined\\directlua#1\\else#2\\fi\\fi}';

const isMath = (ch: string) => GREEK[ch] !== undefined || MATH[ch] !== undefined;
const isScript = (ch: string) => SUPERSCRIPT[ch] !== undefined || SUBSCRIPT[ch] !== undefined;

/** A symbol (or none) and the super- and subscript characters after it, as one inline formula. */
function mathRun(symbol: string, scripts: readonly string[]): string {
  const sup = scripts.map((c) => SUPERSCRIPT[c] ?? '').join('');
  const sub = scripts.map((c) => SUBSCRIPT[c] ?? '').join('');
  const base = symbol ? (GREEK[symbol] ?? MATH[symbol]!) : '';
  return `$${base}${sup ? `^{${sup}}` : ''}${sub ? `_{${sub}}` : ''}$`;
}

/** Text (NFC or not) as LaTeX for pdfLaTeX, XeLaTeX and LuaLaTeX alike. */
export function escapeLatex(text: string): string {
  const chars = [...text.normalize('NFC')];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (isMath(ch) || isScript(ch)) {
      let j = isMath(ch) ? i + 1 : i;
      while (j < chars.length && isScript(chars[j]!)) j++;
      out += mathRun(isMath(ch) ? ch : '', chars.slice(isMath(ch) ? i + 1 : i, j));
      i = j - 1;
    } else if (SPECIAL[ch] !== undefined) {
      out += SPECIAL[ch];
    } else if (/\p{White_Space}/u.test(ch)) {
      out += ' ';
    } else if (/\p{Cc}|\p{Cf}/u.test(ch)) {
      // Control and format characters (zero-width joiners, BOMs) print nothing.
    } else if (ch === '-' && chars[i + 1] === '-') {
      // Two hyphens would join into a dash.
      out += '-{}';
    } else if (ch === '`') {
      out += '\`{}';
    } else if (ch <= '\u007E' || PDFLATEX_TEXT.test(ch)) {
      out += ch;
    } else {
      // pdfLaTeX prints the unaccented letter where there is one (Ą → A), else ?.
      const base = ch.normalize('NFD')[0]!;
      out += `\\qcodeglyph{${ch}}{${/[A-Za-z]/.test(base) ? base : '?'}}`;
    }
  }
  return out;
}
