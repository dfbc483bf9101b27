import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';
import { formatSchemaIssues } from '../util/zod-diagnostics.js';
import { parseYamlSource, type YamlSource } from '../util/parse-yaml-source.js';
import { CodebookSchema, type Codebook } from '../model/codebook.js';
import { validateCodebook } from './validate-codebook.js';

export interface ParsedCodebook {
  /** Present when the codebook has no errors (warnings allowed). */
  codebook?: Codebook;
  diagnostics: Diagnostic[];
}

/**
 * Parses and validates a codebook: YAML syntax, then the strict schema, then
 * the cross-field rules. Every problem at each stage is reported; a stage
 * runs only when the one before it produced a value to check.
 */
export function parseCodebook(source: string, file: string): ParsedCodebook {
  const yaml = parseYamlSource(source, file);
  if (hasErrors(yaml.diagnostics)) return { diagnostics: yaml.diagnostics };
  const value = yaml.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { diagnostics: [...yaml.diagnostics, diag('QC211', 'the codebook must be a YAML mapping', { at: yaml.locate([]) })] };
  }
  const result = CodebookSchema.safeParse(value);
  if (!result.success) {
    const diagnostics = formatSchemaIssues(result.error.issues, yaml, CodebookSchema, {
      unknownKey: 'QC201',
      missing: 'QC202',
      invalid: 'QC203',
    });
    // Cross-field rules still run on what can be read, so one run shows all.
    return { diagnostics: [...yaml.diagnostics, ...diagnostics, ...validatePartial(value, yaml)] };
  }
  const rules = validateCodebook(result.data, yaml);
  const diagnostics = [...yaml.diagnostics, ...rules];
  return hasErrors(diagnostics) ? { diagnostics } : { codebook: result.data, diagnostics };
}

/** Runs the cross-field rules on a codebook that failed the schema, where its shape allows. */
function validatePartial(value: object, yaml: YamlSource): Diagnostic[] {
  const v = value as { categories?: unknown };
  if (!Array.isArray(v.categories)) return [];
  const categories = v.categories.map((c: unknown) => {
    const cat = (c ?? {}) as Record<string, unknown>;
    const codes = Array.isArray(cat.codes) ? cat.codes : [];
    return {
      id: typeof cat.id === 'string' ? cat.id : '',
      codes: codes.map((x: unknown) => {
        const code = (x ?? {}) as Record<string, unknown>;
        return {
          id: typeof code.id === 'string' ? code.id : '',
          definition: typeof code.definition === 'string' ? code.definition : undefined,
          patterns: Array.isArray(code.patterns) ? code.patterns.filter((p): p is string => typeof p === 'string') : [],
        };
      }),
    };
  });
  return validateCodebook({ categories }, yaml, { skipEmptyDefinition: true });
}
