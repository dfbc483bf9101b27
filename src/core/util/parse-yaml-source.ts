import { LineCounter, parseDocument, isMap, isPair, isScalar, isSeq, visit, type Document as YamlDocument, type Node } from 'yaml';
import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';

export type PathKey = string | number;

/** A parsed YAML source that can turn a value path back into a file position. */
export interface YamlSource {
  file: string;
  doc: YamlDocument;
  value: unknown;
  diagnostics: Diagnostic[];
  /** Position of the value at `path`, or of the nearest enclosing node that exists. */
  locate(path: readonly PathKey[], part?: 'key' | 'value'): SourceLocation;
}

/**
 * Parses YAML keeping a LineCounter so every later diagnostic can name the
 * exact line and column. `lineOffset` shifts positions for YAML embedded in
 * another file (front matter starts on line 2).
 */
export function parseYamlSource(source: string, file: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: line + lineOffset, col };
  };
  const diagnostics: Diagnostic[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    diagnostics.push(diag('QC104', message, { at: at(e.pos[0]), severity: doc.errors.includes(e) ? 'error' : 'warning' }));
  }
  const locate = (path: readonly PathKey[], part: 'key' | 'value' = 'value'): SourceLocation => {
    let node: unknown = doc.contents;
    let best: number = (node as Node | null)?.range?.[0] ?? 0;
    for (let i = 0; i < path.length; i++) {
      const key = path[i]!;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) break;
        const keyNode = pair.key as Node;
        if (last && part === 'key') return at(keyNode.range?.[0] ?? best);
        best = keyNode.range?.[0] ?? best;
        node = pair.value;
        const vr = (node as Node | null)?.range;
        if (vr) best = vr[0];
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as Node | undefined;
        if (!item) break;
        node = item;
        best = item.range?.[0] ?? best;
      } else break;
    }
    return at(best);
  };
  return { file, doc, value: doc.errors.length ? undefined : toValue(doc, diagnostics, at), diagnostics, locate };
}

/**
 * The document's value. The yaml package refuses to expand aliases past a
 * limit (a "billion laughs" file would otherwise take all memory) and throws:
 * that is the file's problem, reported at its first alias.
 */
function toValue(doc: YamlDocument, diagnostics: Diagnostic[], at: (offset: number) => SourceLocation): unknown {
  try {
    return doc.toJS();
  } catch (e) {
    let offset = 0;
    visit(doc, {
      Alias(_, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const hint = 'write the values out instead of repeating them through *aliases; qcode files need no aliases';
    diagnostics.push(diag('QC104', `the YAML cannot be read: ${(e as Error).message}`, { at: at(offset), hint }));
    return undefined;
  }
}
