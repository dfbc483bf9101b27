/**
 * A small XML writer for the files qcode exports. Output is deterministic:
 * attributes in the order given, two-space indentation, LF line ends, and
 * elements holding text written on one line so the text is exact (REFI
 * Descriptions keep their line breaks).
 */
export interface XmlNode {
  name: string;
  /** Attributes in output order; undefined values are left out. */
  attrs?: [string, string | undefined][];
  children?: XmlNode[];
  /** Character data; an element has text or children, not both. */
  text?: string;
  /** An XML comment written before the element. */
  comment?: string;
}

// Most strings (names, GUIDs, memos) hold none of the characters escaped: one search, no copies.
const TEXT_SPECIAL = /[&<>\r]/;
const ATTRIBUTE_SPECIAL = /[&<>\r"\n\t]/;

export function escapeXmlText(s: string): string {
  if (!TEXT_SPECIAL.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeXmlAttribute(s: string): string {
  if (!ATTRIBUTE_SPECIAL.test(s)) return s;
  return escapeXmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** A comment cannot hold "--" nor end with "-": such runs are spaced out. */
function escapeComment(s: string): string {
  return s.replace(/-(?=-)/g, '- ').replace(/-$/, '- ');
}

function formatNode(node: XmlNode, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  if (node.comment !== undefined) out.push(`${pad}<!-- ${escapeComment(node.comment)} -->`);
  const attrs = (node.attrs ?? [])
    .filter((a): a is [string, string] => a[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXmlAttribute(v)}"`)
    .join('');
  if (node.text !== undefined && node.text !== '') {
    out.push(`${pad}<${node.name}${attrs}>${escapeXmlText(node.text)}</${node.name}>`);
  } else if (node.children && node.children.length > 0) {
    out.push(`${pad}<${node.name}${attrs}>`);
    for (const c of node.children) formatNode(c, depth + 1, out);
    out.push(`${pad}</${node.name}>`);
  } else out.push(`${pad}<${node.name}${attrs}/>`);
}

/** One element at a depth (two spaces each) within a document, without a final line end. */
export function formatXmlElement(node: XmlNode, depth: number): string {
  const out: string[] = [];
  formatNode(node, depth, out);
  return out.join('\n');
}

/** A whole document: XML declaration, the root element, a final line end. */
export function formatXmlDocument(root: XmlNode): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  formatNode(root, 0, out);
  return `${out.join('\n')}\n`;
}
