import { listCodes, type Codebook } from '../model/codebook.js';
import type { DocumentHead } from '../segment/segment-table.js';
import { QCODE_VERSION } from '../util/version.js';
import type { ByteRows } from '../util/byte-rows.js';
import { escapeXmlAttribute, formatEscapedXmlInto, formatXmlDocument, formatXmlElement, type XmlNode } from './format-xml.js';
import { codeGuid, codebookNotes, formatRefiCodes, qcodeCommentText } from './format-refi-codebook.js';
import { deriveGuid, guidKey, isGuid, SELECTION_GUID_VERSION, SelectionGuids, writeGuid } from './guid.js';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** A selection of a document: one per coder, range and memo, holding each code applied there (in the order first applied). */
export interface ProjectSelection {
  start: number;
  end: number;
  coder: string;
  memo: string;
  codes: string[];
}

export const documentGuid = (doc: DocumentHead) => (doc.metadata.guid && isGuid(doc.metadata.guid) ? doc.metadata.guid : deriveGuid(`document:${doc.id}`));
const coderGuid = (coder: string) => deriveGuid(`coder:${coder}`);
const variableGuid = (key: string) => deriveGuid(`variable:${key}`);

/**
 * The quotation text ATLAS.ti shows as a selection's name, escaped for an
 * attribute, as UTF-8 into `out`: the text (of `text` from UTF-16 index
 * `from` to `to`), white space runs as one space, trimmed, cut at 100 code
 * points with an ellipsis. One walk from the start that stops after the
 * 100th code point (a selection of a 200 MB document flattened whole made
 * millions of pieces, 4 GB), writing runs of the text as it goes: a name's
 * slices, then its escaping and encoding, were a fifth of a qdpx's
 * formatting.
 */
export function formatExcerptInto(out: ByteRows, text: string, from = 0, to = text.length): void {
  // 100 code points of at most 6 bytes (an escape), the ellipsis: room made once for a name, not per character.
  out.room(603);
  // The buffer and its end held here while plain characters are written (a property store per character was most of the loop); put back before any call that writes.
  let bytes = out.bytes;
  let at = out.length;
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  let count = 0;
  while (i < to) {
    if (count === 100) {
      // A 101st code point cuts the name; white space up to the end is trimmed, not a code point.
      while (i < to && isSpace(text.charCodeAt(i))) i++;
      out.length = at;
      if (i < to) out.piece(ELLIPSIS);
      return;
    }
    const c = text.charCodeAt(i);
    count++;
    if (c < 0x80 && PLAIN[c] === 1) {
      bytes[at++] = c;
      i++;
    } else if (isSpace(c)) {
      let j = i + 1;
      while (j < to && isSpace(text.charCodeAt(j))) j++;
      if (j === to) break;
      bytes[at++] = 0x20;
      i = j;
    } else {
      const units = c >= 0xd800 && c <= 0xdbff && i + 1 < to && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
      out.length = at;
      formatEscapedXmlInto(out, text, true, i, i + units);
      // The escape may have made more room (a new buffer).
      bytes = out.bytes;
      at = out.length;
      i += units;
    }
  }
  out.length = at;
}

/** ASCII written into a name as it is: not white space, nothing to escape. */
const PLAIN = Uint8Array.from({ length: 0x80 }, (_, c) => (!isSpace(c) && escapeXmlAttribute(String.fromCharCode(c)).length === 1 ? 1 : 0));
const ELLIPSIS = new TextEncoder().encode('…');
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** White space as a regular expression's \s and String.prototype.trim see it. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** What project.qde's sources need of the rest of it: metadata keys, the codebook's code GUIDs. */
export interface ProjectFrame {
  /** The file up to its sources (without a final line end). */
  head: string;
  /** From the end of the sources (with a line break before it) to the final line end. */
  tail: string;
  keys: string[];
  codeGuids: ReadonlyMap<string, string>;
  /** Each coder's and metadata key's GUID, derived once rather than per selection and document. */
  userGuids: ReadonlyMap<string, string>;
  variableGuids: ReadonlyMap<string, string>;
}

/** What a TextSource needs of the frame (all but its head and tail, as it is sent to another thread). */
export type SourceFrame = Omit<ProjectFrame, 'head' | 'tail'>;

/**
 * A qcode project as a REFI-QDA project.qde (valid against the standard's
 * Project.xsd), in parts so that a corpus is written a document at a time:
 * the frame (the codebook, one user per coder, metadata as Text variables)
 * and each document's TextSource (formatTextSource), its internal UTF-8 .txt
 * named by its GUID (its normalised text, so positions are plain code
 * points, as the standard counts). Each coder's codings are selections with
 * Coding and creatingUser; a unit coding becomes a selection over its
 * segment's span, a "reviewed, no code" row a selection without a coding
 * (the comment tells qcode to read those back as such). GUIDs are kept or
 * derived from ids, so exporting twice gives the same bytes.
 */
export function formatProjectFrame(input: { name: string; codebook: Codebook; documents: readonly DocumentHead[]; coders: readonly string[] }): ProjectFrame {
  const { codebook, documents } = input;
  const codeGuids = new Map(listCodes(codebook).map((r) => [r.code.id, codeGuid(r.code)]));
  const coders = [...input.coders].sort();
  const keys: string[] = [];
  const seen = new Set<string>();
  const documentIds: Record<string, string> = {};
  for (const d of documents) {
    documentIds[guidKey(documentGuid(d))] = d.id;
    for (const k of Object.keys(d.metadata)) {
      if (k === 'guid' || seen.has(k)) continue;
      seen.add(k);
      keys.push(k);
    }
  }
  const notes = { ...codebookNotes(codebook), documents: documentIds, reviewMarks: true };
  const userGuids = new Map(coders.map((c) => [c, coderGuid(c)]));
  const variableGuids = new Map(keys.map((k) => [k, variableGuid(k)]));
  const root: XmlNode = {
    name: 'Project',
    attrs: [
      ['xmlns', PROJECT_NAMESPACE],
      ['name', input.name],
      ['origin', `qcode ${QCODE_VERSION}`],
    ],
    children: [
      ...(coders.length ? [{ name: 'Users', children: coders.map((c): XmlNode => ({ name: 'User', attrs: [['guid', coderGuid(c)], ['name', c]] })) }] : []),
      { name: 'CodeBook', children: [formatRefiCodes(codebook)] },
      ...(keys.length ? [{ name: 'Variables', children: keys.map((k): XmlNode => ({ name: 'Variable', attrs: [['guid', variableGuid(k)], ['name', k], ['typeOfVariable', 'Text']] })) }] : []),
    ],
  };
  root.children![0]!.comment = qcodeCommentText(notes);
  // The root's last line closes it: the sources go before it, inside <Sources> when there are any.
  const lines = formatXmlDocument(root).slice(0, -1).split('\n');
  const close = lines.pop()!;
  const known = { keys, codeGuids, userGuids, variableGuids };
  if (documents.length === 0) return { head: lines.join('\n'), tail: `\n${close}\n`, ...known };
  return { head: `${lines.join('\n')}\n  <Sources>`, tail: `\n  </Sources>\n${close}\n`, ...known };
}

/**
 * One document's TextSource element (indented as inside <Sources>, no line
 * end) as UTF-8 into `out`: its selections (in document order; each is
 * used only while it is written, so they may be one object reused), named
 * by `nameInto(out, start, end)` (the range's text as formatExcerptInto
 * writes it), and its metadata values. It yields, after a whole selection, whenever
 * `out` holds `pieceBytes` or more, for the caller to take them: one long
 * document's selections (millions of them) make gigabytes.
 */
export function* formatTextSource(
  doc: DocumentHead,
  sels: Iterable<ProjectSelection>,
  frame: SourceFrame,
  nameInto: (out: ByteRows, start: number, end: number) => void,
  out: ByteRows,
  pieceBytes = PIECE_BYTES,
): Generator<void> {
  const guid = documentGuid(doc);
  const variables = frame.keys
    .filter((k) => doc.metadata[k] !== undefined)
    .map((k): XmlNode => ({
      name: 'VariableValue',
      children: [
        { name: 'VariableRef', attrs: [['targetGUID', frame.variableGuids.get(k) ?? variableGuid(k)]] },
        { name: 'TextValue', text: doc.metadata[k]! },
      ],
    }));
  out.text(`    <TextSource guid="${escapeXmlAttribute(guid)}" name="${escapeXmlAttribute(doc.id)}" plainTextPath="${escapeXmlAttribute(`internal://${guid}.txt`)}"`);
  // The start tag is closed by the first selection or variable: none, and the element is empty.
  let open = true;
  const guids = new Map<string, SelectionGuids>();
  for (const sel of sels) {
    if (open) out.byte(GT);
    open = false;
    let own = guids.get(sel.coder);
    if (own === undefined) guids.set(sel.coder, (own = new SelectionGuids(sel.coder, doc.id)));
    formatSelection(own, sel, frame, nameInto, out);
    if (out.length >= pieceBytes) yield;
  }
  if (open && variables.length === 0) {
    out.piece(EMPTY_END);
    return;
  }
  if (open) out.byte(GT);
  for (const v of variables) out.text(`\n${formatXmlElement(v, 3)}`);
  out.piece(SOURCE_END);
}

/** About how many bytes of a TextSource are gathered before they are handed on. */
const PIECE_BYTES = 4 << 20;

const bytesOf = (s: string) => new TextEncoder().encode(s);
const GT = 0x3e;
const EMPTY_END = bytesOf('/>');
const SOURCE_END = bytesOf('\n    </TextSource>');
const SELECTION_GUID = bytesOf('\n      <PlainTextSelection guid="');
const NAME = bytesOf('" name="');
const START = bytesOf('" startPosition="');
const END = bytesOf('" endPosition="');
const DESCRIPTION = bytesOf('\n        <Description>');
const DESCRIPTION_END = bytesOf('</Description>');
const CODING_GUID = bytesOf('\n        <Coding guid="');
const SELECTION_END = bytesOf('\n      </PlainTextSelection>');

/**
 * A PlainTextSelection element inside a TextSource, after a line end, as
 * formatXmlElement writes its node: written straight into bytes, as a
 * corpus has one per coded segment and coder (nodes, then strings, were most
 * of an export's garbage and encoding).
 */
function formatSelection(guids: SelectionGuids, sel: ProjectSelection, frame: SourceFrame, nameInto: (out: ByteRows, start: number, end: number) => void, out: ByteRows): void {
  const user = userAttribute(frame.userGuids.get(sel.coder) ?? coderGuid(sel.coder));
  out.piece(SELECTION_GUID);
  guidInto(out, guids.selection(sel.start, sel.end, sel.memo));
  out.piece(NAME);
  nameInto(out, sel.start, sel.end);
  out.piece(START);
  out.int(sel.start);
  out.piece(END);
  out.int(sel.end);
  out.piece(user);
  if (!sel.memo && sel.codes.length === 0) {
    out.piece(EMPTY_END);
    return;
  }
  out.byte(GT);
  if (sel.memo) {
    out.piece(DESCRIPTION);
    formatEscapedXmlInto(out, sel.memo, false);
    out.piece(DESCRIPTION_END);
  }
  for (const code of sel.codes) {
    out.piece(CODING_GUID);
    guidInto(out, guids.coding(code));
    out.piece(user);
    out.byte(GT);
    out.piece(codeRefOf(frame.codeGuids.get(code)));
  }
  out.piece(SELECTION_END);
}

/**
 * The bytes that repeat on every selection and coding, made once each (the
 * export has a selection per coded segment): a coder's ` creatingUser`
 * attribute with its quotes, and a code's CodeRef element with the end of
 * its Coding.
 */
const userAttributes = new Map<string, Uint8Array>();
const codeRefs = new Map<string | undefined, Uint8Array>();

function userAttribute(guid: string): Uint8Array {
  return madeOnce(userAttributes, guid, () => bytesOf(`" creatingUser="${escapeXmlAttribute(guid)}"`));
}

function codeRefOf(target: string | undefined): Uint8Array {
  return madeOnce(codeRefs, target, () => bytesOf(`${target === undefined ? '\n          <CodeRef/>' : `\n          <CodeRef targetGUID="${escapeXmlAttribute(target)}"/>`}\n        </Coding>`));
}

function madeOnce<K>(made: Map<K, Uint8Array>, key: K, make: () => Uint8Array): Uint8Array {
  let bytes = made.get(key);
  if (bytes === undefined) {
    // Bounded: a project's coders and codes are few, but the module lives as long as the process.
    if (made.size >= 1 << 12) made.clear();
    made.set(key, (bytes = make()));
  }
  return bytes;
}

/** A selection's or coding's GUID (SelectionGuids' bits) appended to `out`. */
function guidInto(out: ByteRows, words: Int32Array): void {
  out.room(GUID_CHARS);
  writeGuid(words, SELECTION_GUID_VERSION, out.bytes, out.length);
  out.length += GUID_CHARS;
}

const GUID_CHARS = 36;
