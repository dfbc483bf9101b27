import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { warn } from '../diagnostics/qcode-error.js';
import type { Codebook } from '../model/codebook.js';
import type { SpanCoding } from '../model/span-coding.js';
import { sortSpans } from '../spans/validate-spans.js';
import { codebookFromRefi, type CodebookDefaults } from './codebook-from-refi.js';
import { choosePositionUnit, type PositionUnitChoice } from './detect-position-unit.js';
import { deriveGuid, guidKey } from './guid.js';
import { IdAllocator, slugify, toCoderName, toMetadataKey } from './names.js';
import { buildPositionMap, type PositionMap, type PositionUnit } from './position-map.js';
import { noteFor, parseQcodeNotes } from './qcode-comment.js';
import type { RefiCoding, RefiProject, RefiTextSource } from './refi-project.js';
import { appendAll } from '../util/bulk-array.js';

/** A document made from a text source: id, normalised text and metadata in a stable key order. */
export interface ImportedDocument {
  id: string;
  text: string;
  metadata: Record<string, string>;
  sourceGuid: string;
}

export interface ImportedCoder {
  coder: string;
  /** The REFI user it came from (absent for codings that name nobody). */
  user?: { guid: string; name?: string };
  spans: SpanCoding[];
}

export interface ImportReport {
  origin: string;
  positions: PositionUnitChoice;
  refiCodes: number;
  codeDepth: number;
  codingsRead: number;
  codingsImported: number;
  duplicatesMerged: number;
  /** Codings whose Coding@creatingUser differs from their selection's. */
  coderConflicts: number;
  usersWithoutCodings: string[];
}

export interface ImportedProject {
  codebook: Codebook;
  documents: ImportedDocument[];
  coders: ImportedCoder[];
  report: ImportReport;
  diagnostics: Diagnostic[];
}

export interface ImportOptions extends CodebookDefaults {
  /** The qde as shown in messages (e.g. `study.qdpx/project.qde`). */
  file: string;
  positions?: PositionUnit | undefined;
}

/** A source's text as found by the reader (archive, --sources, or disk); undefined when missing. */
export type SourceTexts = ReadonlyMap<string, string | undefined>;

const DOCUMENT_EXTENSIONS = /\.(txt|text|docx?|rtf|odt|pdf|md|html?)$/i;
const VALID_DOC_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const RESERVED_KEYS = new Set(['id', 'text']);
/** Where codings naming no user go. */
export const UNATTRIBUTED = 'unattributed';

function documentIdWishes(source: RefiTextSource): string[] {
  const base = (source.name ?? source.plainTextPath?.replace(/^[a-z]+:\/+/i, '').split(/[\\/]/).pop() ?? '').replace(DOCUMENT_EXTENSIONS, '').trim();
  return [VALID_DOC_ID.test(base) ? base : slugify(base), `source-${guidKey(source.guid).slice(0, 8)}`];
}

function metadataKey(name: string): string {
  const key = /^[a-z0-9_]+$/.test(name) ? name : toMetadataKey(name) || 'variable';
  return RESERVED_KEYS.has(key) ? `${key}_` : key;
}

function addValue(metadata: Record<string, string>, key: string, value: string): void {
  metadata[key] = metadata[key] && metadata[key] !== value ? `${metadata[key]}; ${value}` : value;
}

/**
 * Turns a parsed REFI project and its source texts into qcode's model: a
 * codebook, one document per text source with text (metadata from the
 * source's variables, its cases and the sets it belongs to, ATLAS.ti's
 * "gender: male" sets becoming gender = male), and one span list per coder.
 * The coder of a coding is the Coding's creatingUser, else its selection's.
 * Positions are read in the chosen unit and mapped onto the normalised text,
 * so each span's text is what the tool showed.
 */
export function importRefiProject(project: RefiProject, texts: SourceTexts, options: ImportOptions): ImportedProject {
  const diagnostics: Diagnostic[] = [];
  const at = (line: number) => ({ file: options.file, line });
  const notes = parseQcodeNotes(project.qcodeComment);
  const cb = codebookFromRefi(project, options, options.file);
  appendAll(diagnostics, cb.diagnostics);

  // Documents.
  // Ids become file names: unique ignoring case, and never README (the corpus reader skips README files).
  const docIds = new IdAllocator(true);
  docIds.reserve('readme');
  for (const id of Object.values(notes.documents ?? {})) docIds.reserve(id);
  const variables = new Map(project.variables.map((v) => [guidKey(v.guid), v.name]));
  const bySource = new Map<string, Record<string, string>>();
  const meta = (sourceGuid: string) => {
    const key = guidKey(sourceGuid);
    let m = bySource.get(key);
    if (!m) bySource.set(key, (m = {}));
    return m;
  };
  for (const c of project.cases) {
    for (const ref of c.sourceRefs) {
      if (c.name) addValue(meta(ref), 'case', c.name);
      for (const vv of c.variableValues) addValue(meta(ref), metadataKey(variables.get(guidKey(vv.variableGuid)) ?? 'variable'), vv.value);
    }
  }
  for (const set of project.sets) {
    const pair = /^\s*([^:]+?)\s*:\s*(.+?)\s*$/.exec(set.name);
    for (const ref of set.memberSources) {
      if (pair) addValue(meta(ref), metadataKey(pair[1]!), pair[2]!);
      else addValue(meta(ref), 'sets', set.name);
    }
  }
  const documents: ImportedDocument[] = [];
  const withText: { source: RefiTextSource; doc: ImportedDocument; raw: string }[] = [];
  let lostCodings = 0;
  for (const source of project.textSources) {
    const raw = source.plainTextContent ?? texts.get(guidKey(source.guid));
    const codings = source.codings.length + source.selections.reduce((n, s) => n + s.codings.length, 0);
    if (raw === undefined || raw.replace(/^\uFEFF/, '').trim() === '') {
      const why = raw === undefined ? `its text (${source.plainTextPath ?? 'no plainTextPath'}) was not found` : 'its text is empty';
      diagnostics.push(warn(raw === undefined ? 'QC804' : 'QC807', `text source '${source.name ?? source.plainTextPath ?? source.guid}' not imported: ${why}; ${codings} coding(s) on it left out`, { at: at(source.line) }));
      lostCodings += codings;
      continue;
    }
    const noted = noteFor(notes.documents, source.guid);
    // bounded: a document's few id wishes (its name, its GUID)
    const id = noted ?? docIds.take(...documentIdWishes(source));
    const metadata: Record<string, string> = {};
    if (source.name && source.name !== id) metadata.title = source.name;
    for (const vv of source.variableValues) addValue(metadata, metadataKey(variables.get(guidKey(vv.variableGuid)) ?? 'variable'), vv.value);
    for (const [k, v] of Object.entries(bySource.get(guidKey(source.guid)) ?? {})) addValue(metadata, k, v);
    if (guidKey(source.guid) !== deriveGuid(`document:${id}`)) metadata.guid = source.guid;
    const doc: ImportedDocument = { id, text: '', metadata, sourceGuid: source.guid };
    documents.push(doc);
    withText.push({ source, doc, raw });
  }

  // Position unit, checked against every selection.
  const maps = new Map<string, PositionMap>();
  const mapOf = (raw: string, i: number) => (unit: PositionUnit) => {
    const key = `${i}:${unit}`;
    let map = maps.get(key);
    if (!map) maps.set(key, (map = buildPositionMap(raw, unit)));
    return map;
  };
  const sources = withText.map((w, i) => ({ raw: w.raw, selections: w.source.selections, map: mapOf(w.raw, i) }));
  const positions = choosePositionUnit(sources, project.origin, options.positions);
  appendAll(diagnostics, positions.diagnostics);

  // Coders.
  const users = new Map(project.users.map((u) => [guidKey(u.guid), u]));
  const coderNames = new IdAllocator(true);
  const coderOf = new Map<string, string>();
  const coderFor = (userGuid: string | undefined, line: number): string => {
    const key = userGuid ? guidKey(userGuid) : '';
    let name = coderOf.get(key);
    if (name) return name;
    const user = users.get(key);
    if (userGuid && !user) diagnostics.push(warn('QC812', `user ${userGuid} is not in <Users>`, { at: at(line) }));
    name = coderNames.take(userGuid ? toCoderName(user?.name ?? user?.id ?? '') : UNATTRIBUTED, userGuid ? `user-${key.slice(0, 8)}` : UNATTRIBUTED);
    coderOf.set(key, name);
    return name;
  };
  for (const u of project.users) coderFor(u.guid, 0);

  // Spans.
  const spansByCoder = new Map<string, Map<string, SpanCoding>>();
  let codingsRead = lostCodings;
  let duplicates = 0;
  let conflicts = 0;
  const conflictPairs = new Map<string, number>();
  let freeSelections = 0;
  const reviewMarks = notes.reviewMarks === true;
  for (const [i, { source, doc }] of withText.entries()) {
    const map = sources[i]!.map(positions.unit);
    doc.text = map.normalized;
    const index = map.index();
    const add = (coder: string, start: number, end: number, code: string, memo: string) => {
      const byKey = spansByCoder.get(coder) ?? new Map<string, SpanCoding>();
      spansByCoder.set(coder, byKey);
      const key = `${doc.id}\u0000${start}\u0000${end}\u0000${code}`;
      if (byKey.has(key)) {
        duplicates++;
        return;
      }
      byKey.set(key, { doc_id: doc.id, start, end, code, text: map.normalized.slice(index[start], index[end]), memo });
    };
    const codeOf = (coding: RefiCoding): string | undefined => {
      const id = cb.codeIds.get(guidKey(coding.codeGuid));
      if (id) return id;
      const why = cb.notCodable.has(guidKey(coding.codeGuid)) ? 'is marked isCodable="false"' : 'is not in the codebook';
      diagnostics.push(warn('QC806', `coding ${coding.guid}: code ${coding.codeGuid} ${why}; left out`, { at: at(coding.line) }));
      return undefined;
    };
    for (const coding of source.codings) {
      codingsRead++;
      const code = codeOf(coding);
      if (code) add(coderFor(coding.creatingUser, coding.line), 0, map.normalizedLength, code, '');
    }
    for (const sel of source.selections) {
      codingsRead += sel.codings.length;
      const start = map.toStart(sel.start);
      const end = map.toEnd(sel.end);
      if (start === undefined || end === undefined || start >= end) {
        const why = sel.start >= sel.end ? 'it starts after it ends' : `the text has ${map.rawLength} positions in ${positions.unit === 'utf16' ? 'UTF-16 units' : 'code points'}`;
        diagnostics.push(warn('QC805', `selection ${sel.guid} [${sel.start}, ${sel.end}) of '${doc.id}' left out: ${why} (${sel.codings.length} coding(s))`, { at: at(sel.line) }));
        continue;
      }
      if (sel.codings.length === 0) {
        if (reviewMarks) add(coderFor(sel.creatingUser, sel.line), start, end, '', sel.description);
        else freeSelections++;
        continue;
      }
      for (const coding of sel.codings) {
        const code = codeOf(coding);
        if (!code) continue;
        if (coding.creatingUser && sel.creatingUser && guidKey(coding.creatingUser) !== guidKey(sel.creatingUser)) {
          conflicts++;
          const pair = `the Coding names ${coderFor(coding.creatingUser, coding.line)}, the selection ${coderFor(sel.creatingUser, sel.line)}`;
          conflictPairs.set(pair, (conflictPairs.get(pair) ?? 0) + 1);
        }
        add(coderFor(coding.creatingUser ?? sel.creatingUser, coding.line), start, end, code, sel.description);
      }
    }
  }
  if (conflicts > 0) {
    const pairs = [...conflictPairs].map(([pair, n]) => `${n}: ${pair}`).join('; ');
    diagnostics.push(warn('QC808', `${conflicts} coding(s) name a different user than their selection (${pairs}); each went to the user its <Coding> names`, { at: { file: options.file } }));
  }
  appendAll(diagnostics, dataLossWarnings(project, freeSelections, options.file));

  const docOrder = documents.map((d) => d.id);
  const coders: ImportedCoder[] = [];
  for (const [key, coder] of coderOf) {
    const spans = spansByCoder.get(coder);
    if (!spans || spans.size === 0) continue;
    const user = users.get(key);
    coders.push({ coder, ...(user ? { user: { guid: user.guid, ...(user.name ? { name: user.name } : {}) } } : {}), spans: sortSpans([...spans.values()], cb.codebook, docOrder) });
  }
  const usersWithoutCodings = project.users.filter((u) => !coders.some((c) => c.user?.guid === u.guid)).map((u) => u.name ?? u.id ?? u.guid);
  const codingsImported = coders.reduce((n, c) => n + c.spans.filter((s) => s.code !== '').length, 0);
  return {
    codebook: cb.codebook,
    documents,
    coders,
    report: {
      origin: project.origin,
      positions,
      refiCodes: cb.counts.refiCodes,
      codeDepth: cb.counts.depth,
      codingsRead,
      codingsImported,
      duplicatesMerged: duplicates,
      coderConflicts: conflicts,
      usersWithoutCodings,
    },
    diagnostics,
  };
}

const SOURCE_WORDS: Record<string, string> = { PDFSource: 'PDF', PictureSource: 'picture', AudioSource: 'audio', VideoSource: 'video' };

/** One QC807 warning per kind of thing left out, with counts: the standard asks importers to say what they lose. */
function dataLossWarnings(project: RefiProject, freeSelections: number, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const s = project.skipped;
  const at = { file };
  for (const [element, { count, codings, names }] of Object.entries(s.sources)) {
    const shown = names.slice(0, 3).map((n) => `'${n}'`).join(', ') + (names.length > 3 ? ', …' : '');
    out.push(warn('QC807', `${count} ${SOURCE_WORDS[element] ?? element} source(s) not imported (${shown}), with ${codings} coding(s)`, { at }));
  }
  const plain: [number, string][] = [
    [freeSelections, 'selection(s) without a code (free quotations)'],
    [s.notes, 'note(s) (memos)'],
    [s.noteRefs, 'note reference(s)'],
    [s.links, 'link(s)'],
    [s.graphs, 'graph(s) (networks)'],
    [s.codeSets, 'code set(s) (code groups)'],
    [s.caseCodeRefs, 'case coding(s)'],
  ];
  for (const [n, what] of plain) if (n > 0) out.push(warn('QC807', `${n} ${what} not imported`, { at }));
  return out;
}
