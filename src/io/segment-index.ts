import { createHash, type Hash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostics/diagnostic.js';
import type { ColumnNames } from '../core/corpus/parse-table-corpus.js';
import type { Codebook, Unit } from '../core/model/codebook.js';
import { SEGMENT_COLUMNS, SegmentTableBuilder, type DocumentHead, type SegmentColumns, type SegmentTable } from '../core/segment/segment-table.js';
import { ChunkedUint32 } from '../core/util/chunked-uint32.js';
import { QCODE_VERSION } from '../core/util/version.js';
import { listDocumentFiles } from './list-document-files.js';
import type { Project } from './read-project.js';
import { removeStaleTemps, tempPathFor } from './temp-file.js';

/**
 * The segment index: a study's SegmentTable kept under `<out>/.index/` so
 * that commands working on ids (validate, freq, agree, sample, …) need not
 * segment the corpus again. It is a cache, never the source of truth: it is
 * used only when its key (everything that decides segmentation) is the same
 * and the corpus bytes are those it was made from (their sha256, read again
 * every run: a file's modification time is not proof); anything else (a
 * missing, stale, truncated or corrupt file) makes the reader segment the
 * corpus and write a new one. Deleting the folder is always safe.
 *
 * Layout: MAGIC, u32 header length, header JSON, document heads (one JSON
 * line each), zero padding to 4 bytes, `first` (documents + 1 u32), the six
 * segment columns (segments u32 each, little-endian as the platform's typed
 * arrays are), and sha256 of all bytes before it.
 */

const MAGIC = Buffer.from('qcode segment index\n', 'latin1');
const FORMAT = 2;
const CHUNK = 1 << 20;

/** Everything that decides what the segment table of a corpus is (the corpus bytes aside, checked apart). */
export interface SegmentIndexKey {
  unit: Unit;
  /** The codebook's language: a document's own `language` wins, which the corpus bytes decide. */
  language: string;
  drop: readonly string[];
  idColumn: string;
  textColumn: string;
  /** Absolute path of the corpus. */
  corpus: string;
  /** The corpus as diagnostics show it (relative to the working folder): stored warnings quote it. */
  shown: string;
}

/** What the index holds besides the table: the corpus pass's facts, exactly as they came out of it. */
export interface IndexedCorpus {
  corpusSha256: string;
  fileSha256?: string | undefined;
  /** The corpus warnings of the pass that made the table (an index is never written for a corpus with errors). */
  diagnostics: Diagnostic[];
}

interface Header extends IndexedCorpus {
  format: number;
  version: string;
  key: SegmentIndexKey;
  fingerprint: string;
  dropped: number;
  documents: number;
  segments: number;
  headBytes: number;
  /** Whether the index column follows the others (only where drop: left gaps). */
  indexColumn: boolean;
}

/** The key of a project's segment table: its unit, its codebook's language, its `drop:` rules and corpus columns, the corpus path. */
export function segmentIndexKey(project: Project, codebook: Codebook, unit: Unit, columns: ColumnNames, display: (p: string) => string): SegmentIndexKey {
  const corpus = project.corpusPath ?? '';
  return { unit, language: codebook.language, drop: project.settings.drop ?? [], ...columns, corpus: path.resolve(corpus), shown: display(corpus) };
}

/** Where the index of this key lives: one file per key, so a study's sentence and paragraph tables can both be kept. */
export function segmentIndexPath(outDir: string, key: SegmentIndexKey): string {
  const name = createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 16);
  return path.join(outDir, '.index', `segments-${name}.bin`);
}

/**
 * The corpus bytes as one sha256: a file's bytes, or for a folder the list
 * of its document files (paths relative to it, sizes, sha256 of each); null
 * when the corpus cannot be read (the reader then reports why).
 */
export async function readCorpusFingerprint(corpusPath: string): Promise<string | null> {
  try {
    const info = await stat(corpusPath);
    if (!info.isDirectory()) return `file:${hashFile(corpusPath).digest('hex')}`;
    const all = createHash('sha256');
    for (const f of await listDocumentFiles(corpusPath)) {
      const h = hashFile(f);
      all.update(`${JSON.stringify(path.relative(corpusPath, f))} ${(await stat(f)).size} ${h.digest('hex')}\n`);
    }
    return `folder:${all.digest('hex')}`;
  } catch {
    return null;
  }
}

/** The fingerprint readCorpusFingerprint gives a file corpus, from the sha256 its corpus pass took of the same bytes. */
export function fileFingerprint(fileSha256: string): string {
  return `file:${fileSha256}`;
}

function hashFile(file: string): Hash {
  const h = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (let got = readSync(fd, buf, 0, CHUNK, null); got > 0; got = readSync(fd, buf, 0, CHUNK, null)) h.update(buf.subarray(0, got));
  } finally {
    closeSync(fd);
  }
  return h;
}

/**
 * The table and corpus facts of the index at `file` when its key and
 * corpus fingerprint are these; null on anything else (missing, other key
 * or version, other corpus bytes, truncated, corrupt).
 */
export function readSegmentIndex(file: string, key: SegmentIndexKey, fingerprint: string): ({ segments: SegmentTable } & IndexedCorpus) | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    return readOpen(fd, key, fingerprint);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

function readOpen(fd: number, key: SegmentIndexKey, fingerprint: string): ({ segments: SegmentTable } & IndexedCorpus) | null {
  const size = fstatSync(fd).size;
  const hash = createHash('sha256');
  let at = 0;
  /** Reads exactly into `into` from the current position, hashing the bytes; false when the file ends first. */
  const read = (into: Uint8Array): boolean => {
    for (let done = 0; done < into.length; ) {
      const got = readSync(fd, into, done, into.length - done, at);
      if (got === 0) return false;
      done += got;
      at += got;
    }
    hash.update(into);
    return true;
  };
  const start = Buffer.alloc(MAGIC.length + 4);
  if (!read(start) || !start.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const headerLength = start.readUInt32LE(MAGIC.length);
  if (headerLength > size) return null;
  const headerBytes = Buffer.alloc(headerLength);
  if (!read(headerBytes)) return null;
  const header = JSON.parse(headerBytes.toString('utf8')) as Header;
  if (header.format !== FORMAT || header.version !== QCODE_VERSION || JSON.stringify(header.key) !== JSON.stringify(key) || header.fingerprint !== fingerprint) return null;
  const { documents: d, segments: n } = header;
  const heads = at + header.headBytes;
  const padded = heads + ((4 - (heads % 4)) % 4);
  const names = header.indexColumn ? [...SEGMENT_COLUMNS, 'index' as const] : SEGMENT_COLUMNS;
  if (size !== padded + 4 * (d + 1) + 4 * names.length * n + 32) return null;
  const builder = new SegmentTableBuilder(key.unit);
  let count = 0;
  const chunk = Buffer.alloc(CHUNK);
  let held = 0;
  for (let left = header.headBytes; left > 0; ) {
    const take = Math.min(left, CHUNK - held);
    if (!read(chunk.subarray(held, held + take))) return null;
    left -= take;
    const filled = held + take;
    let from = 0;
    for (let nl = chunk.indexOf(0x0a, 0); nl >= 0 && nl < filled; nl = chunk.indexOf(0x0a, from)) {
      const [id, metadata] = JSON.parse(chunk.toString('utf8', from, nl)) as [string, Record<string, string>];
      builder.addDocument({ id, metadata } satisfies DocumentHead);
      count++;
      from = nl + 1;
    }
    // A line longer than the buffer cannot be a document head of ours.
    if (from === 0 && filled === CHUNK) return null;
    chunk.copy(chunk, 0, from, filled);
    held = filled - from;
  }
  if (held !== 0 || count !== d || !read(Buffer.alloc(padded - heads))) return null;
  const first = new Uint32Array(d + 1);
  if (!read(new Uint8Array(first.buffer))) return null;
  const columns = { index: null } as SegmentColumns;
  for (const name of names) {
    // Offsets and indexes live as long as the run and threads read them: in shared memory from the start; fingerprints, let go early, not.
    const column = ChunkedUint32.ofLength(n, name !== 'shaHi' && name !== 'shaLo');
    for (const v of column.views()) if (!read(new Uint8Array(v.buffer, v.byteOffset, v.byteLength))) return null;
    columns[name] = column;
  }
  const digest = Buffer.alloc(32);
  if (readSync(fd, digest, 0, 32, at) !== 32 || !digest.equals(hash.digest())) return null;
  // The digest proves the bytes are those written; these prove they make a table.
  if (first[d] !== n) return null;
  for (let i = 0; i < d; i++) if (first[i]! > first[i + 1]!) return null;
  const table = builder.restore(columns, first, header.dropped);
  return { segments: table, corpusSha256: header.corpusSha256, ...(header.fileSha256 ? { fileSha256: header.fileSha256 } : {}), diagnostics: header.diagnostics };
}

/**
 * Writes the index of `segments` to `file` (temp file, then rename: a
 * reader sees the old index or the new, never half of one). A cache: when
 * it cannot be written (a read-only out folder, a full disk) nothing is said
 * and the next run segments the corpus again. Only into an out folder that
 * exists: a command that prints to stdout must not create one.
 */
export async function writeSegmentIndex(file: string, key: SegmentIndexKey, fingerprint: string, segments: SegmentTable, corpus: IndexedCorpus): Promise<void> {
  const dir = path.dirname(file);
  let temp: string | undefined;
  let fd: number | undefined;
  try {
    // Not recursive: no out folder, no index. A project kept in git ignores the cache without being told.
    if (!existsSync(dir)) {
      mkdirSync(dir);
      writeFileSync(path.join(dir, '.gitignore'), "# qcode's segment index: a cache of the segmentation, rebuilt when missing.\n*\n");
    }
    await removeStaleTemps(dir);
    temp = tempPathFor(file);
    fd = openSync(temp, 'wx');
    const out = fd;
    const hash = createHash('sha256');
    const put = (bytes: Uint8Array) => {
      hash.update(bytes);
      for (let done = 0; done < bytes.length; ) done += writeSync(out, bytes, done, bytes.length - done);
    };
    // The heads are measured first and written in batches: held whole they are tens of megabytes at a gigabyte.
    const headLine = (doc: DocumentHead) => `${JSON.stringify([doc.id, doc.metadata])}\n`;
    let headBytes = 0;
    for (const doc of segments.documents) headBytes += Buffer.byteLength(headLine(doc));
    const { columns, first } = segments.parts();
    const header: Header = {
      format: FORMAT,
      version: QCODE_VERSION,
      key,
      fingerprint,
      corpusSha256: corpus.corpusSha256,
      ...(corpus.fileSha256 ? { fileSha256: corpus.fileSha256 } : {}),
      diagnostics: corpus.diagnostics,
      dropped: segments.dropped,
      documents: segments.documents.length,
      segments: segments.length,
      headBytes,
      indexColumn: columns.index !== null,
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(headerBytes.length);
    put(MAGIC);
    put(length);
    put(headerBytes);
    let batch = '';
    for (const doc of segments.documents) {
      batch += headLine(doc);
      if (batch.length > CHUNK) {
        put(Buffer.from(batch, 'utf8'));
        batch = '';
      }
    }
    put(Buffer.from(batch, 'utf8'));
    put(Buffer.alloc((4 - ((MAGIC.length + 4 + headerBytes.length + headBytes) % 4)) % 4));
    put(new Uint8Array(first.buffer, first.byteOffset, first.byteLength));
    for (const column of [...SEGMENT_COLUMNS.map((name) => columns[name]), ...(columns.index ? [columns.index] : [])]) {
      for (const v of column.views()) put(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
    }
    const digest = hash.digest();
    for (let done = 0; done < 32; ) done += writeSync(out, digest, done, 32 - done);
    closeSync(out);
    fd = undefined;
    renameSync(temp, file);
    temp = undefined;
  } catch {
    // A cache that cannot be written is only a slower next run.
  } finally {
    if (fd !== undefined) closeSync(fd);
    if (temp !== undefined) rmSync(temp, { force: true });
  }
}
