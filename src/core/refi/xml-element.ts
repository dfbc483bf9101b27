/**
 * An XML element as read from a REFI-QDA file: local name (namespace
 * prefixes dropped: tools disagree on namespaces, `codebook:1.0` vs `0:4`),
 * attributes, child elements, the character data directly inside it, and
 * where its start tag stands, for diagnostics.
 */
export interface XmlElement {
  name: string;
  namespace: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  /** Comments directly inside the element. */
  comments: string[];
  line: number;
  col: number;
}

/** The children with a local name, in document order. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

export function childNamed(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** Text of a child element such as Description; '' when absent. */
export function childText(el: XmlElement, name: string): string {
  return childNamed(el, name)?.text ?? '';
}

/** Every descendant with a local name, depth first. */
export function descendantsNamed(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}
