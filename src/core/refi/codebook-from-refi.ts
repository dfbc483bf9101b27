import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { warn } from '../diagnostics/qcode-error.js';
import { CODE_ID, type Category, type Code, type Codebook, type Unit } from '../model/codebook.js';
import { parseCodeDescription } from './code-description.js';
import { deriveGuid, guidKey } from './guid.js';
import { IdAllocator, slugify } from './names.js';
import { noteFor, parseQcodeNotes, type QcodeNotes } from './qcode-comment.js';
import type { RefiCode, RefiProject } from './refi-project.js';

export interface CodebookDefaults {
  name: string;
  version?: string;
  title?: string;
  language?: string;
  unit?: Unit;
}

export interface RefiCodebook {
  codebook: Codebook;
  /** guidKey of every codable REFI code → its qcode code id. */
  codeIds: Map<string, string>;
  /** guidKeys of codes that exist but are not codable (codings on them are reported). */
  notCodable: Set<string>;
  diagnostics: Diagnostic[];
  /** REFI codes (codable or not) read, and the deepest level. */
  counts: { refiCodes: number; depth: number };
}

/** Path separator in labels of codes below the second level. */
export const PATH_SEPARATOR = ' / ';
/** The category that gathers top-level codes without children. */
const FLAT_CATEGORY = { id: 'codes', label: 'Codes' };

function hexColor(c: string | undefined): string | undefined {
  if (!c) return undefined;
  const m = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.exec(c.trim());
  if (!m) return undefined;
  const h = m[1]!;
  return `#${h.length === 3 ? [...h].map((x) => x + x).join('') : h}`.toUpperCase();
}

/**
 * Maps a REFI code tree onto qcode's two levels: a top-level code with
 * children becomes a category; its descendants become its codes, deeper
 * levels flattened with their path in the label ("Distrust / Media"). A
 * codable parent also becomes a code (same GUID as its category), listed
 * first. Top-level codes without children are gathered in one category,
 * "Codes". isCodable="false" codes are never codes. GUIDs, colours and
 * Descriptions (as definition and rules) are kept; ids are derived from names
 * unless qcode's own notes name them.
 */
export function codebookFromRefi(project: RefiProject, defaults: CodebookDefaults, file: string): RefiCodebook {
  const notes: QcodeNotes = parseQcodeNotes(project.qcodeComment);
  const diagnostics: Diagnostic[] = [];
  const categoryIds = new IdAllocator();
  const codeIdAlloc = new IdAllocator();
  const codeIds = new Map<string, string>();
  const notCodable = new Set<string>();
  // Ids named in qcode's notes are reserved first, so derived ids never take them.
  for (const n of Object.values(notes.codes ?? {})) if (CODE_ID.test(n.id)) codeIdAlloc.reserve(n.id);
  for (const n of Object.values(notes.categories ?? {})) if (CODE_ID.test(n.id)) categoryIds.reserve(n.id);
  let refiCodes = 0;
  let depth = 0;

  const makeCode = (refi: RefiCode, label: string, parentName: string): Code => {
    const text = parseCodeDescription(refi.description);
    const noted = noteFor(notes.codes, refi.guid);
    const slug = slugify(refi.name);
    const id = noted && CODE_ID.test(noted.id) ? noted.id : codeIdAlloc.take(slug, slug && parentName ? `${slugify(parentName)}-${slug}` : '', slug || 'code');
    codeIds.set(guidKey(refi.guid), id);
    const color = hexColor(refi.color);
    if (refi.color && !color) diagnostics.push(warn('QC803', `code '${refi.name}': colour ${refi.color} is not #RRGGBB; left out`, { at: { file, line: refi.line } }));
    return {
      id,
      label,
      // A GUID qcode derived from the id on export need not be stored: the next export derives it again.
      ...(guidKey(refi.guid) === deriveGuid(`code:${id}`) ? {} : { guid: refi.guid }),
      ...text,
      patterns: noted?.patterns ?? [],
      ...(color ? { color } : {}),
    };
  };
  const walk = (refi: RefiCode, path: string[], level: number, parentName: string, into: Code[]) => {
    refiCodes++;
    depth = Math.max(depth, level);
    const label = [...path, refi.name].join(PATH_SEPARATOR);
    if (refi.isCodable) into.push(makeCode(refi, label, parentName));
    else notCodable.add(guidKey(refi.guid));
    for (const child of refi.children) walk(child, [...path, refi.name], level + 1, refi.name, into);
  };

  const categories: Category[] = [];
  let flat: Category | undefined;
  for (const top of project.codes) {
    if (top.children.length === 0) {
      if (!top.isCodable) {
        refiCodes++;
        notCodable.add(guidKey(top.guid));
        continue;
      }
      if (!flat) {
        flat = { id: categoryIds.take(FLAT_CATEGORY.id), label: FLAT_CATEGORY.label, description: '', exclusive: false, codes: [] };
        categories.push(flat);
      }
      walk(top, [], 1, '', flat.codes);
      continue;
    }
    const noted = noteFor(notes.categories, top.guid);
    const codes: Code[] = [];
    refiCodes++;
    depth = Math.max(depth, 1);
    if (top.isCodable) codes.push(makeCode(top, top.name, ''));
    else notCodable.add(guidKey(top.guid));
    for (const child of top.children) walk(child, [], 2, top.name, codes);
    if (codes.length === 0) {
      diagnostics.push(warn('QC807', `code '${top.name}' and everything below it are marked not codable: no category made`, { at: { file, line: top.line } }));
      continue;
    }
    const id = noted && CODE_ID.test(noted.id) ? noted.id : categoryIds.take(slugify(top.name) || 'category');
    categories.push({
      id,
      label: top.name,
      ...(guidKey(top.guid) === deriveGuid(`category:${id}`) ? {} : { guid: top.guid }),
      description: top.isCodable ? '' : top.description,
      exclusive: noted?.exclusive ?? false,
      codes,
    });
  }
  const meta = notes.codebook;
  const codebook: Codebook = {
    name: meta?.name ?? defaults.name,
    version: meta?.version ?? defaults.version ?? '1.0.0',
    title: meta?.title ?? defaults.title ?? '',
    description: meta?.description ?? '',
    language: meta?.language ?? defaults.language ?? 'en',
    unit: meta?.unit ?? defaults.unit ?? 'sentence',
    categories,
  };
  return { codebook, codeIds, notCodable, diagnostics, counts: { refiCodes, depth } };
}
