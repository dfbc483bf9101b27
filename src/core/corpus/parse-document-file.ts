import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';
import { parseYamlSource } from '../util/parse-yaml-source.js';
import type { Document } from '../model/document.js';
import { normalizeMetadataValue, normalizeText } from './normalize-text.js';
import { appendAll } from '../util/bulk-array.js';

const FRONT_MATTER_OPEN = /^---[ \t]*\n/;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/**
 * One .txt/.md file as a Document. Optional YAML front matter between `---`
 * lines gives the id and metadata; the id defaults to the file name. The
 * text is what follows the front matter, normalised.
 */
export function parseDocumentFile(
  rawText: string,
  file: string,
  defaultId: string,
): { document?: Document; diagnostics: Diagnostic[] } {
  const text = normalizeText(rawText);
  const diagnostics: Diagnostic[] = [];
  const metadata: Record<string, string> = {};
  let id = defaultId;
  let body = text;
  const open = FRONT_MATTER_OPEN.exec(text);
  if (open) {
    const rest = text.slice(open[0].length);
    const close = FRONT_MATTER_CLOSE.exec(rest);
    if (close) {
      const yamlText = rest.slice(0, close.index);
      body = rest.slice(close.index + close[0].length).replace(/^\n/, '');
      const yaml = parseYamlSource(yamlText, file, 1);
      appendAll(diagnostics, yaml.diagnostics);
      const value = yaml.value;
      if (value !== undefined && value !== null) {
        if (typeof value !== 'object' || Array.isArray(value)) {
          diagnostics.push(diag('QC308', 'front matter must be a mapping of key: value pairs', { at: yaml.locate([]) }));
        } else {
          for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
            if (key === 'text') {
              diagnostics.push(diag('QC308', "front matter cannot set 'text': the text is the body of the file", { at: yaml.locate([key], 'key') }));
            } else if (key === 'id') {
              if (typeof v !== 'string' && typeof v !== 'number') {
                diagnostics.push(diag('QC308', 'id must be a string', { at: yaml.locate([key]) }));
              } else id = String(v).normalize('NFC');
            } else metadata[key] = normalizeMetadataValue(v);
          }
        }
      }
    }
  }
  if (hasErrors(diagnostics)) return { diagnostics };
  return { document: { id, text: body, metadata, source: { file } }, diagnostics };
}
