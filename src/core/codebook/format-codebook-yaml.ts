import { stringify } from 'yaml';
import type { Codebook } from '../model/codebook.js';

/**
 * A codebook as the YAML file qcode reads: keys in the schema's order,
 * empty lists and default values left out (except a code's definition, the
 * line a user most often fills in), long text never folded. Deterministic.
 */
export function formatCodebookYaml(codebook: Codebook, header = ''): string {
  const nonEmpty = <T>(key: string, list: T[]) => (list.length ? { [key]: list } : {});
  const value = {
    name: codebook.name,
    version: codebook.version,
    ...(codebook.title ? { title: codebook.title } : {}),
    ...(codebook.description ? { description: codebook.description } : {}),
    language: codebook.language,
    unit: codebook.unit,
    categories: codebook.categories.map((cat) => ({
      id: cat.id,
      label: cat.label,
      ...(cat.guid ? { guid: cat.guid } : {}),
      ...(cat.description ? { description: cat.description } : {}),
      ...(cat.exclusive ? { exclusive: true } : {}),
      codes: cat.codes.map((code) => ({
        id: code.id,
        label: code.label,
        ...(code.guid ? { guid: code.guid } : {}),
        definition: code.definition,
        ...nonEmpty('include', code.include),
        ...nonEmpty('exclude', code.exclude),
        ...nonEmpty('examples', code.examples),
        ...nonEmpty('counterexamples', code.counterexamples),
        ...nonEmpty('patterns', code.patterns),
        ...(code.color ? { color: code.color } : {}),
      })),
    })),
  };
  return header + stringify(value, { lineWidth: 0 });
}
