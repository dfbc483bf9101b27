import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Diagnostic } from '../../core/diagnostics/diagnostic.js';
import { QcodeError, diag } from '../../core/diagnostics/qcode-error.js';
import { guidKey } from '../../core/refi/guid.js';
import { parseRefiProject } from '../../core/refi/parse-refi-project.js';
import type { RefiProject } from '../../core/refi/refi-project.js';
import { readBytes, decodeUtf8 } from '../read-text-file.js';
import { parseXml } from './parse-xml.js';

export interface RefiFile {
  project: RefiProject;
  /** The project or codebook XML as shown in messages: `study.qdpx/project.qde`, or the file itself. */
  xmlShown: string;
  diagnostics: Diagnostic[];
  /** Names of the archive's entries (a .qdpx), as stored. */
  entryNames: string[];
  /** Reads entries of the archive (inflating only those asked for). */
  readEntries(names: readonly string[]): Record<string, Uint8Array>;
}

/** Text of a file in UTF-8 (the standard's encoding) or, with a byte-order mark, UTF-16. */
function decodeText(bytes: Uint8Array, shown: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return decodeUtf8(bytes, shown);
}

/**
 * Reads a REFI-QDA file: a .qdpx (zip holding project.qde and sources/), a
 * bare .qde, or a .qdc codebook. A damaged zip is QC801, XML that is not
 * well-formed QC802 with the entry and line, an element missing what the
 * standard requires QC803; all are thrown (the caller exits 2).
 */
export async function readRefiFile(file: string, shown: string): Promise<RefiFile> {
  const bytes = await readBytes(file, shown);
  let xmlBytes = bytes;
  let xmlShown = shown;
  let entryNames: string[] = [];
  // Only the entries needed are inflated: a project's .docx and media copies can be most of its bytes.
  const readEntries = (names: readonly string[]): Record<string, Uint8Array> => {
    if (names.length === 0) return {};
    const wanted = new Set(names);
    try {
      return unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
    } catch (e) {
      throw new QcodeError([diag('QC801', `${shown} is not a readable zip archive: ${(e as Error).message}`, { at: { file: shown } })]);
    }
  };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      unzipSync(bytes, { filter: (f) => (entryNames.push(f.name), false) });
    } catch (e) {
      throw new QcodeError([diag('QC801', `${shown} is not a readable zip archive: ${(e as Error).message}`, { at: { file: shown } })]);
    }
    const qde = entryNames.find((n) => n.toLowerCase() === 'project.qde') ?? entryNames.find((n) => !n.includes('/') && n.toLowerCase().endsWith('.qde'));
    if (!qde) throw new QcodeError([diag('QC801', `${shown} holds no project.qde (entries: ${entryNames.slice(0, 5).join(', ') || 'none'})`, { at: { file: shown } })]);
    xmlBytes = readEntries([qde])[qde]!;
    xmlShown = `${shown}/${qde}`;
  }
  const root = parseXml(decodeText(xmlBytes, xmlShown).replace(/^\uFEFF/, ''), xmlShown);
  const parsed = parseRefiProject(root, xmlShown);
  if (!parsed.project || parsed.diagnostics.some((d) => d.severity === 'error')) throw new QcodeError(parsed.diagnostics);
  return { project: parsed.project, xmlShown, diagnostics: parsed.diagnostics, entryNames, readEntries };
}

/**
 * Finds each text source's plain text: inline content needs nothing; a path
 * `internal://NAME` (or a bare NAME, as qc writes) is looked up in the
 * archive's sources folder (`sources/` or `Sources/`), then beside a bare
 * .qde, then in `sourcesDir`; `relative://` against basePath and the file's
 * folder; `absolute://` on disk; any of them by file name in `sourcesDir`.
 * Returns the texts by source guidKey (undefined where not found).
 */
export async function readSourceTexts(refi: RefiFile, file: string, sourcesDir?: string): Promise<Map<string, string | undefined>> {
  const byLowerName = new Map<string, string>();
  for (const name of refi.entryNames) {
    const m = /^sources\/(.+)$/i.exec(name);
    if (m && !name.endsWith('/')) byLowerName.set(m[1]!.toLowerCase(), name);
  }
  const tryDisk = async (p: string) => readFile(p).catch(() => undefined);
  const needed = refi.project.textSources.flatMap((s) => {
    const rest = (s.plainTextPath ?? '').replace(/^internal:\/\//i, '').replace(/^\/+/, '');
    const entry = /^[a-z]+:\/\//i.test(rest) ? undefined : byLowerName.get(rest.toLowerCase());
    return entry ? [entry] : [];
  });
  const entries = refi.readEntries(needed);
  const texts = new Map<string, string | undefined>();
  for (const source of refi.project.textSources) {
    if (source.plainTextContent !== undefined || !source.plainTextPath) continue;
    const p = source.plainTextPath.trim();
    const scheme = /^([a-z]+):\/\//i.exec(p)?.[1]?.toLowerCase();
    const rest = scheme ? p.slice(scheme.length + 3) : p;
    const base = rest.split(/[\\/]/).pop()!;
    let bytes: Uint8Array | undefined;
    let shown = p;
    if (!scheme || scheme === 'internal') {
      const entry = byLowerName.get(rest.replace(/^\/+/, '').toLowerCase());
      if (entry) {
        bytes = entries[entry];
        shown = `${refi.xmlShown.replace(/\/[^/]*$/, '')}/${entry}`;
      }
      for (const folder of ['sources', 'Sources']) bytes ??= await tryDisk(path.join(path.dirname(file), folder, rest));
    } else if (scheme === 'relative') {
      bytes = (refi.project.basePath ? await tryDisk(path.join(refi.project.basePath, rest)) : undefined) ?? (await tryDisk(path.join(path.dirname(file), rest)));
    } else if (scheme === 'absolute') {
      bytes = await tryDisk(rest.replace(/^\/(?=[A-Za-z]:)/, ''));
    }
    if (!bytes && sourcesDir) bytes = await tryDisk(path.join(sourcesDir, base));
    texts.set(guidKey(source.guid), bytes ? decodeText(bytes, shown) : undefined);
  }
  return texts;
}
