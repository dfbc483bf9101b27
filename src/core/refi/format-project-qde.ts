import { listCodes, type Codebook } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { Document } from '../model/document.js';
import type { Segment } from '../model/segment.js';
import type { SpanCoding } from '../model/span-coding.js';
import { codePointIndex } from '../util/code-point-index.js';
import { QCODE_VERSION } from '../util/version.js';
import { formatXmlDocument, type XmlNode } from './format-xml.js';
import { codeGuid, codebookNotes, formatRefiCodes, qcodeCommentText } from './format-refi-codebook.js';
import { deriveGuid, guidKey, isGuid } from './guid.js';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** One coder's codings to export: span codings when the coder has them, else unit codings. */
export interface ExportCoder {
  coder: string;
  spans?: readonly SpanCoding[];
  codings?: readonly Coding[];
}

export interface ExportedProject {
  qde: string;
  /** Internal source files, `sources/<guid>.txt`, in document order. */
  sources: { path: string; text: string }[];
}

export const documentGuid = (doc: Document) => (doc.metadata.guid && isGuid(doc.metadata.guid) ? doc.metadata.guid : deriveGuid(`document:${doc.id}`));
const coderGuid = (coder: string) => deriveGuid(`coder:${coder}`);
const variableGuid = (key: string) => deriveGuid(`variable:${key}`);

/**
 * The quotation text ATLAS.ti shows as a selection's name: the start of the
 * text, white space runs as one space, cut at 100 characters. Only a prefix
 * is flattened, grown until it gives more than 100 characters: a selection
 * of a 200 MB document flattened whole made millions of pieces (4 GB).
 */
export function excerpt(text: string): string {
  for (let take = 512; ; take *= 4) {
    const whole = take >= text.length;
    const flat = (whole ? text : text.slice(0, take)).replace(/\s+/g, ' ');
    const chars = Array.from(whole ? flat.trim() : flat.trimStart());
    // A prefix's last run of white space may be the text's trailing one (trimmed): two characters over is surely over.
    if (whole || chars.length > 101) return chars.length > 100 ? `${chars.slice(0, 100).join('')}…` : chars.join('');
  }
}

interface Selection {
  doc: string;
  start: number;
  end: number;
  coder: string;
  memo: string;
  codes: string[];
}

/** Spans and unit codings as selections: one per coder, document, range and memo, holding each code applied there. */
function selections(coders: readonly ExportCoder[], segments: readonly Segment[]): Selection[] {
  const byKey = new Map<string, Selection>();
  const add = (coder: string, doc: string, start: number, end: number, code: string, memo: string) => {
    const key = [coder, doc, start, end, memo].join('\u0000');
    let sel = byKey.get(key);
    if (!sel) byKey.set(key, (sel = { doc, start, end, coder, memo, codes: [] }));
    if (code !== '' && !sel.codes.includes(code)) sel.codes.push(code);
  };
  const segmentById = new Map(segments.map((s) => [s.segment_id, s]));
  for (const c of coders) {
    if (c.spans) for (const s of c.spans) add(c.coder, s.doc_id, s.start, s.end, s.code, s.memo);
    else {
      for (const row of c.codings ?? []) {
        const seg = segmentById.get(row.segment_id);
        if (seg) add(c.coder, seg.doc_id, seg.start, seg.end, row.code, row.memo);
      }
    }
  }
  return [...byKey.values()];
}

/**
 * A qcode project as a REFI-QDA project.qde (valid against the standard's
 * Project.xsd) and its internal sources: each document an internal UTF-8
 * .txt (its normalised text, so positions are plain code points, as the
 * standard counts), metadata as Text variables, the codebook, one user per
 * coder, and each coder's codings as selections with Coding and
 * creatingUser. A unit coding becomes a selection over its segment's span; a
 * "reviewed, no code" row a selection without a coding (the comment tells
 * qcode to read those back as such). GUIDs are kept or derived from ids, so
 * exporting twice gives the same bytes.
 */
export function formatProjectQde(input: { name: string; codebook: Codebook; documents: readonly Document[]; segments: readonly Segment[]; coders: readonly ExportCoder[] }): ExportedProject {
  const { codebook, documents } = input;
  const codeGuidById = new Map(listCodes(codebook).map((r) => [r.code.id, codeGuid(r.code)]));
  const coders = [...input.coders].sort((a, b) => (a.coder < b.coder ? -1 : a.coder > b.coder ? 1 : 0));
  const keys: string[] = [];
  for (const d of documents) for (const k of Object.keys(d.metadata)) if (k !== 'guid' && !keys.includes(k)) keys.push(k);
  const byDoc = new Map<string, Selection[]>();
  for (const sel of selections(coders, input.segments)) (byDoc.get(sel.doc) ?? byDoc.set(sel.doc, []).get(sel.doc)!).push(sel);

  const sources: ExportedProject['sources'] = [];
  const documentIds: Record<string, string> = {};
  const sourceNodes: XmlNode[] = documents.map((doc) => {
    const guid = documentGuid(doc);
    documentIds[guidKey(guid)] = doc.id;
    sources.push({ path: `sources/${guid}.txt`, text: doc.text });
    const index = codePointIndex(doc.text);
    const sels = (byDoc.get(doc.id) ?? []).sort((a, b) => a.start - b.start || a.end - b.end || (a.coder < b.coder ? -1 : a.coder > b.coder ? 1 : 0) || (a.memo < b.memo ? -1 : 1));
    return {
      name: 'TextSource',
      attrs: [
        ['guid', guid],
        ['name', doc.id],
        ['plainTextPath', `internal://${guid}.txt`],
      ],
      children: [
        ...sels.map((sel): XmlNode => {
          const user = coderGuid(sel.coder);
          const id = `selection:${sel.coder}:${doc.id}:${sel.start}:${sel.end}:${sel.memo}`;
          return {
            name: 'PlainTextSelection',
            attrs: [
              ['guid', deriveGuid(id)],
              ['name', excerpt(doc.text.slice(index[sel.start], index[sel.end]))],
              ['startPosition', String(sel.start)],
              ['endPosition', String(sel.end)],
              ['creatingUser', user],
            ],
            children: [
              ...(sel.memo ? [{ name: 'Description', text: sel.memo }] : []),
              ...sel.codes.map((code) => ({
                name: 'Coding',
                attrs: [
                  ['guid', deriveGuid(`${id}:${code}`)],
                  ['creatingUser', user],
                ] as [string, string][],
                children: [{ name: 'CodeRef', attrs: [['targetGUID', codeGuidById.get(code)!]] as [string, string][] }],
              })),
            ],
          };
        }),
        ...keys
          .filter((k) => doc.metadata[k] !== undefined)
          .map((k): XmlNode => ({
            name: 'VariableValue',
            children: [
              { name: 'VariableRef', attrs: [['targetGUID', variableGuid(k)]] },
              { name: 'TextValue', text: doc.metadata[k]! },
            ],
          })),
      ],
    };
  });
  const notes = { ...codebookNotes(codebook), documents: documentIds, reviewMarks: true };
  const root: XmlNode = {
    name: 'Project',
    attrs: [
      ['xmlns', PROJECT_NAMESPACE],
      ['name', input.name],
      ['origin', `qcode ${QCODE_VERSION}`],
    ],
    children: [
      ...(coders.length ? [{ name: 'Users', children: coders.map((c): XmlNode => ({ name: 'User', attrs: [['guid', coderGuid(c.coder)], ['name', c.coder]] })) }] : []),
      { name: 'CodeBook', children: [formatRefiCodes(codebook)] },
      ...(keys.length ? [{ name: 'Variables', children: keys.map((k): XmlNode => ({ name: 'Variable', attrs: [['guid', variableGuid(k)], ['name', k], ['typeOfVariable', 'Text']] })) }] : []),
      ...(sourceNodes.length ? [{ name: 'Sources', children: sourceNodes }] : []),
    ],
  };
  root.children![0]!.comment = qcodeCommentText(notes);
  return { qde: formatXmlDocument(root), sources };
}
