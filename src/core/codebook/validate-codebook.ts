import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import { diag, warn } from '../diagnostics/qcode-error.js';
import type { YamlSource } from '../util/parse-yaml-source.js';
import { parsePattern } from '../pattern/parse-pattern.js';
import { appendAll } from '../util/bulk-array.js';

/** The part of a codebook the cross-field rules read; a full Codebook fits it. */
export interface CodebookShape {
  categories: { id: string; codes: { id: string; definition?: string | undefined; patterns: string[]; unless?: string[] | undefined }[] }[];
}

const where = (l: SourceLocation) => `${l.line}:${l.col}`;

/** Folds case, diacritics and spacing so `Soberanía` and `soberania ` count as one pattern. */
function patternKey(p: string): string {
  return p.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The matcher's own parser judges every pattern (regex, words, proximity), so
 * validate, code and kwic can never disagree about a pattern; a regex is
 * compiled here, so one too large to compile is a diagnostic too.
 */
function checkPattern(pattern: string, code: string, at: SourceLocation): Diagnostic[] {
  const parsed = parsePattern(pattern);
  if (parsed.kind !== 'error') return [];
  return [diag(parsed.code, `code '${code}': ${parsed.message}`, { at, ...(parsed.hint ? { hint: parsed.hint } : {}) })];
}

/**
 * Cross-field rules the schema cannot express: unique ids, patterns that
 * compile, are safe and are not shared between codes, and definitions present.
 */
export function validateCodebook(
  codebook: CodebookShape,
  yaml: YamlSource,
  options: { skipEmptyDefinition?: boolean } = {},
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const categoryIds = new Map<string, SourceLocation>();
  const codeIds = new Map<string, SourceLocation>();
  const patterns = new Map<string, { code: string; at: SourceLocation }>();

  codebook.categories.forEach((category, ci) => {
    const catPath = ['categories', ci];
    if (category.id) {
      const at = yaml.locate([...catPath, 'id']);
      const first = categoryIds.get(category.id);
      if (first) out.push(diag('QC205', `category id '${category.id}' is already used at ${where(first)}`, { at }));
      else categoryIds.set(category.id, at);
    }
    category.codes.forEach((code, ki) => {
      const codePath = [...catPath, 'codes', ki];
      if (code.id) {
        const at = yaml.locate([...codePath, 'id']);
        const first = codeIds.get(code.id);
        if (first) out.push(diag('QC204', `code id '${code.id}' is already used at ${where(first)}`, { at }));
        else codeIds.set(code.id, at);
      }
      if (!options.skipEmptyDefinition && (code.definition ?? '').trim() === '') {
        out.push(warn('QC209', `code '${code.id}' has no definition`, { at: yaml.locate([...codePath, 'definition']) }));
      }
      code.patterns.forEach((pattern, pi) => {
        const at = yaml.locate([...codePath, 'patterns', pi]);
        appendAll(out, checkPattern(pattern, code.id, at));
        const key = patternKey(pattern);
        const first = patterns.get(key);
        if (first && first.code !== code.id) {
          out.push(
            warn('QC206', `pattern '${pattern}' is listed under codes '${first.code}' (${where(first.at)}) and '${code.id}'`, { at }),
          );
        } else if (!first) patterns.set(key, { code: code.id, at });
      });
      // A veto is judged as any pattern is; it may repeat another code's pattern (that is often the point).
      (code.unless ?? []).forEach((pattern, pi) => appendAll(out, checkPattern(pattern, code.id, yaml.locate([...codePath, 'unless', pi]))));
    });
  });
  return out;
}
