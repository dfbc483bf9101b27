import type { ByteRows } from '../util/byte-rows.js';

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

/** Each ASCII character's escape as bytes (undefined where it stands for itself): as text, and in an attribute. */
const TEXT_ESCAPES: (Uint8Array | undefined)[] = [];
const ATTRIBUTE_ESCAPES: (Uint8Array | undefined)[] = [];
for (let c = 0; c < 0x80; c++) {
  const ch = String.fromCharCode(c);
  const asText = escapeXmlText(ch);
  const asAttribute = escapeXmlAttribute(ch);
  TEXT_ESCAPES.push(asText === ch ? undefined : new TextEncoder().encode(asText));
  ATTRIBUTE_ESCAPES.push(asAttribute === ch ? undefined : new TextEncoder().encode(asAttribute));
}

/**
 * `s` from UTF-16 index `from` to `to`, escaped as escapeXmlAttribute (or,
 * not in an attribute, escapeXmlText) does, as UTF-8 (a lone surrogate as
 * U+FFFD, as Buffer writes it) into `out`: a qdpx's names and memos, by the
 * million, go straight into its bytes without a string of their own.
 */
export function formatEscapedXmlInto(out: ByteRows, s: string, attribute: boolean, from = 0, to = s.length): void {
  const escapes = attribute ? ATTRIBUTE_ESCAPES : TEXT_ESCAPES;
  // At most 6 bytes a unit (an escape such as &quot;), known before the loop.
  out.room((to - from) * 6);
  const bytes = out.bytes;
  let at = out.length;
  for (let i = from; i < to; ) {
    let c = s.charCodeAt(i++);
    if (c < 0x80) {
      const escape = escapes[c];
      if (escape === undefined) bytes[at++] = c;
      else for (let k = 0; k < escape.length; k++) bytes[at++] = escape[k]!;
    } else if (c < 0x800) {
      bytes[at++] = 0xc0 | (c >> 6);
      bytes[at++] = 0x80 | (c & 63);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const low = i < to ? s.charCodeAt(i) : 0;
        if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          bytes[at++] = 0xf0 | (cp >> 18);
          bytes[at++] = 0x80 | ((cp >> 12) & 63);
          bytes[at++] = 0x80 | ((cp >> 6) & 63);
          bytes[at++] = 0x80 | (cp & 63);
          i++;
          continue;
        }
        c = 0xfffd;
      }
      bytes[at++] = 0xe0 | (c >> 12);
      bytes[at++] = 0x80 | ((c >> 6) & 63);
      bytes[at++] = 0x80 | (c & 63);
    }
  }
  out.length = at;
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
