import { SaxesParser } from 'saxes';
import { QcodeError, diag } from '../../core/diagnostics/qcode-error.js';
import type { XmlElement } from '../../core/refi/xml-element.js';

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Parses an XML document into an element tree, strictly: a file that is not
 * well-formed (a truncated export, an unclosed element) is a QC802 error at
 * the line and column where the parser gave up. saxes is used because it
 * reports positions for every event, which the diagnostics need; namespaces
 * are read loosely (prefixes dropped) because REFI tools disagree on them.
 */
export function parseXml(text: string, file: string): XmlElement {
  const parser = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let tagLine = 1;
  let tagCol = 1;
  parser.on('opentagstart', () => {
    tagLine = parser.line;
    tagCol = parser.column;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[k.includes(':') && !k.startsWith('xmlns') ? localName(k) : k] = String(v);
    const parent = stack[stack.length - 1];
    const el: XmlElement = {
      name: localName(tag.name),
      namespace: attrs.xmlns ?? parent?.namespace ?? '',
      attrs,
      children: [],
      text: '',
      comments: [],
      line: tagLine,
      col: tagCol,
    };
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  };
  parser.on('text', addText);
  parser.on('comment', (c) => stack[stack.length - 1]?.comments.push(c));
  parser.on('cdata', addText);
  parser.on('error', (err) => {
    const message = err.message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '');
    throw new QcodeError([diag('QC802', `not well-formed XML: ${message}`, { at: { file, line: parser.line, col: parser.column + 1 } })]);
  });
  parser.write(text).close();
  if (!root) throw new QcodeError([diag('QC802', 'no root element', { at: { file, line: 1, col: 1 } })]);
  return root;
}
