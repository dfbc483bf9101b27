import { listCodes, type Codebook } from '../model/codebook.js';
import type { DocumentHead } from '../segment/segment-table.js';
import { QCODE_VERSION } from '../util/version.js';
import { escapeXmlAttribute, escapeXmlText, formatXmlDocument, formatXmlElement, type XmlNode } from './format-xml.js';
import { codeGuid, codebookNotes, formatRefiCodes, qcodeCommentText } from './format-refi-codebook.js';
import { deriveGuid, guidKey, isGuid } from './guid.js';

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
 * The quotation text ATLAS.ti shows as a selection's name: the text (of
 * `text` from UTF-16 index `from` to `to`), white space runs as one space,
 * trimmed, cut at 100 code points with an ellipsis. One walk from the start
 * that stops after the 101st code point: a selection of a 200 MB document
 * flattened whole made millions of pieces (4 GB), and a slice and a regular
 * expression per selection were a tenth of an export's time.
 */
export function excerpt(text: string, from = 0, to = text.length): string {
  let out = '';
  // The text from `chunk` to the index reached is taken as it is (no white space but single spaces inside).
  let chunk = from;
  let count = 0;
  let cut = -1;
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  chunk = i;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      let j = i + 1;
      while (j < to && isSpace(text.charCodeAt(j))) j++;
      // Trailing white space is trimmed: the name ends here.
      if (j === to) break;
      // One space for the run; a run that is one plain space already stays in the chunk.
      if (c !== 0x20 || j > i + 1) {
        out += `${text.slice(chunk, i)} `;
        chunk = j;
      }
      i = j;
    } else i += c >= 0xd800 && c <= 0xdbff && i + 1 < to && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
    count++;
    if (count === 100) cut = out.length + (i - chunk);
    else if (count > 100) break;
  }
  if (count > 100) return `${(out + text.slice(chunk, i)).slice(0, cut)}…`;
  return out + text.slice(chunk, i);
}

/** White space as a regular expression's \s and String.prototype.trim see it. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Gathers a document's selections as rows come (a coder's span or unit
 * coding row at a time): rows of the same coder, range and memo share one.
 */
export class SelectionGatherer {
  private readonly byKey = new Map<string, ProjectSelection>();

  add(coder: string, start: number, end: number, code: string, memo: string): void {
    const key = `${coder}\u0000${start}\u0000${end}\u0000${memo}`;
    let sel = this.byKey.get(key);
    if (!sel) this.byKey.set(key, (sel = { start, end, coder, memo, codes: [] }));
    if (code !== '' && !sel.codes.includes(code)) sel.codes.push(code);
  }

  /** The selections in document order (start, end, coder, memo); the gatherer is emptied. */
  take(): ProjectSelection[] {
    const sels = [...this.byKey.values()].sort((a, b) => a.start - b.start || a.end - b.end || (a.coder < b.coder ? -1 : a.coder > b.coder ? 1 : 0) || (a.memo < b.memo ? -1 : 1));
    this.byKey.clear();
    return sels;
  }
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
 * end): its selections (in SelectionGatherer.take's order), named by
 * `nameOf(start, end)` (the excerpt of the range's text), and its metadata values;
 * in pieces of about `pieceChars`, to be written one after the other.
 */
export function* formatTextSource(
  doc: DocumentHead,
  sels: readonly ProjectSelection[],
  frame: SourceFrame,
  nameOf: (start: number, end: number) => string,
  pieceChars = PIECE_CHARS,
): Generator<string> {
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
  const open = `    <TextSource guid="${escapeXmlAttribute(guid)}" name="${escapeXmlAttribute(doc.id)}" plainTextPath="${escapeXmlAttribute(`internal://${guid}.txt`)}"`;
  if (sels.length === 0 && variables.length === 0) {
    yield `${open}/>`;
    return;
  }
  let out = `${open}>`;
  for (const sel of sels) {
    out += `\n${formatSelection(doc.id, sel, frame, nameOf)}`;
    if (out.length >= pieceChars) {
      yield out;
      out = '';
    }
  }
  for (const v of variables) out += `\n${formatXmlElement(v, 3)}`;
  yield `${out}\n    </TextSource>`;
}

/** About how many characters a piece of a TextSource holds: one long document's selections (millions of them) make more than a string can hold. */
const PIECE_CHARS = 1 << 24;

/**
 * A PlainTextSelection element inside a TextSource, as formatXmlElement
 * writes its node (written directly: a corpus has one per coded segment and
 * coder, and the nodes were most of an export's garbage).
 */
function formatSelection(docId: string, sel: ProjectSelection, frame: SourceFrame, nameOf: (start: number, end: number) => string): string {
  const user = escapeXmlAttribute(frame.userGuids.get(sel.coder) ?? coderGuid(sel.coder));
  const id = `selection:${sel.coder}:${docId}:${sel.start}:${sel.end}:${sel.memo}`;
  const open = `      <PlainTextSelection guid="${deriveGuid(id)}" name="${escapeXmlAttribute(nameOf(sel.start, sel.end))}" startPosition="${sel.start}" endPosition="${sel.end}" creatingUser="${user}"`;
  if (!sel.memo && sel.codes.length === 0) return `${open}/>`;
  let out = `${open}>`;
  if (sel.memo) out += `\n        <Description>${escapeXmlText(sel.memo)}</Description>`;
  for (const code of sel.codes) {
    out += `\n        <Coding guid="${deriveGuid(`${id}:${code}`)}" creatingUser="${user}">`;
    const target = frame.codeGuids.get(code);
    out += target === undefined ? '\n          <CodeRef/>' : `\n          <CodeRef targetGUID="${escapeXmlAttribute(target)}"/>`;
    out += '\n        </Coding>';
  }
  return `${out}\n      </PlainTextSelection>`;
}
