import { open, rm } from 'node:fs/promises';
import type { CodingTable } from '../../core/coding/coding-table.js';
import type { Diagnostic } from '../../core/diagnostics/diagnostic.js';
import { QcodeError, diag } from '../../core/diagnostics/qcode-error.js';
import type { SpanCoding } from '../../core/model/span-coding.js';
import { documentGuid, formatProjectFrame } from '../../core/refi/format-project-qde.js';
import { isGuid } from '../../core/refi/guid.js';
import { formatSourceBatch, SourceBatchBuilder } from '../../core/refi/format-source-batch.js';
import { ByteRows } from '../../core/util/byte-rows.js';
import { appendAll } from '../../core/util/bulk-array.js';
import { codingPath, listCodingCoders } from '../coding-file.js';
import { readCodingTable } from '../read-coding-table.js';
import { forEachStudyTextBytes, type CompactStudy } from '../read-segment-table.js';
import { decodePickedText, pickedTextUtf8 } from '../read-picked-jsonl.js';
import { JsonContentBytes } from '../../core/match/decode-json-slice.js';
import type { StudyOptions } from '../read-study.js';
import { listSpanCoders, preslicedDocuments, readCoderSpans } from '../span-file.js';
import { DeflateThread } from '../deflate-thread.js';
import { partsOf, SourceFormatThread } from '../source-format-thread.js';
import { WHOLE_ENTRY_BYTES, ZipWriter, type DeflatedEntry, type ZipSink } from '../zip-writer.js';
import type { LocatedSpan } from '../../core/spans/parse-span-file.js';

/** Batches of sources (about 1 MB each) being deflated at once: room for the thread to work ahead without holding much. */
const IN_FLIGHT = 4;
/** Batches being formatted at once: each comes back as some megabytes of XML. */
const FORMATS_IN_FLIGHT = 2;
/** A batch of documents to format: about a megabyte of text, or of rows (a few dozen bytes of XML each), or as many documents. */
const BATCH_CHARS = 1 << 20;
const BATCH_ROWS = 1 << 15;
const BATCH_DOCUMENTS = 256;
const utf8 = new TextEncoder();

/**
 * Whether a text, given as its UTF-8, has as many code points as UTF-16
 * units: no character beyond U+FFFF (none of the four-byte sequences' lead
 * bytes). Its selections' offsets then need no search for a surrogate pair:
 * a regular expression over every text was a twentieth of the formatting
 * thread.
 */
function unitsAreCodePoints(bytes: Uint8Array): boolean {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let lead = 0xf0; lead <= 0xf4; lead++) if (view.indexOf(lead) >= 0) return false;
  return true;
}

/** Zip entries carry this date (local time, as the zip format stores it): every export of the same project is the same bytes. */
const FIXED_DATE = new Date(1980, 0, 1, 0, 0, 0);

/** A coder as exported: from the span file when there is one (the codings as made in a QDA tool), else from the unit coding file. */
export type QdpxCoder = { coder: string; spans: readonly SpanCoding[]; codings?: undefined } | { coder: string; codings: CodingTable; spans?: undefined };

export interface QdpxCoderSummary {
  coder: string;
  from: 'spans' | 'units';
  codings: number;
}

type PassOptions = Pick<StudyOptions, 'idColumn' | 'textColumn' | 'display'> & { display: (p: string) => string };

/** The coders of `only` (default: every coder with a span or coding file), each read and checked once. */
export async function readQdpxCoders(study: CompactStudy, only: string[] | undefined, options: PassOptions): Promise<{ coders: QdpxCoder[]; summary: QdpxCoderSummary[]; diagnostics: Diagnostic[] }> {
  const spanCoders = await listSpanCoders(study.project);
  const unitCoders = await listCodingCoders(study.project.outDir);
  const all = [...new Set([...spanCoders, ...unitCoders])].sort();
  for (const name of only ?? []) if (!all.includes(name)) throw new QcodeError([diag('QC412', `no coding or span file for coder '${name}'`)]);
  const diagnostics: Diagnostic[] = [];
  const coders: QdpxCoder[] = [];
  const summary: QdpxCoderSummary[] = [];
  for (const coder of only ?? all) {
    if (spanCoders.includes(coder)) {
      const source = { project: study.project, codebook: study.codebook, documents: (rows: readonly LocatedSpan[]) => preslicedDocuments(study, rows, options) };
      const read = await readCoderSpans(source, coder, options.display);
      appendAll(diagnostics, read.diagnostics);
      coders.push({ coder, spans: read.spans });
      summary.push({ coder, from: 'spans', codings: read.spans.filter((s) => s.code !== '').length });
    } else {
      const read = await readCodingTable(codingPath(study.project, coder), { codebook: study.codebook, segments: study.segments, coder, study, display: options.display });
      appendAll(diagnostics, read.diagnostics);
      coders.push({ coder, codings: read.codings });
      let coded = 0;
      for (let r = 0; r < read.codings.length; r++) if (read.codings.code(r) !== 0) coded++;
      summary.push({ coder, from: 'units', codings: coded });
    }
  }
  return { coders, summary, diagnostics };
}

/**
 * `qcode export --format qdpx`: the project as a REFI-QDA archive, written
 * as it is made, from one pass over the corpus: project.qde a document at a
 * time (each document's selections gathered from the coders' tables and
 * spans) and each document's internal .txt, deflated into a side archive in
 * `sideFile` (a temp file, removed) and appended after project.qde. Only
 * the spans and the zip's directory are held; the study's text_sha columns
 * are freed (the coders' tables are read: nothing is checked against them).
 */
export async function writeQdpx(study: CompactStudy, coders: readonly QdpxCoder[], options: PassOptions, sink: ZipSink, sideFile: string): Promise<void> {
  const t = study.segments;
  t.releaseFingerprints();
  const tooLarge = (what: string) => new QcodeError([diag('QC707', `the project would hold ${what}`)]);
  const zip = new ZipWriter(sink, FIXED_DATE, tooLarge);
  // The head (its comment names every document: megabytes at corpus scale) is not held past its writing.
  let { head, tail, ...sourceFrame } = formatProjectFrame({ name: study.codebook.title || study.codebook.name, codebook: study.codebook, documents: t.documents, coders: coders.map((c) => c.coder) });
  const sorted = [...coders].sort((a, b) => (a.coder < b.coder ? -1 : a.coder > b.coder ? 1 : 0));
  const spansOf = sorted.map((c) => {
    const byDoc = new Map<number, SpanCoding[]>();
    for (const s of c.spans ?? []) {
      const d = t.documentNumber(s.doc_id);
      const list = byDoc.get(d);
      if (list) list.push(s);
      else byDoc.set(d, [s]);
    }
    return byDoc;
  });
  const next = sorted.map(() => 0);
  // The sources go to a side archive during the pass (the corpus was read a second time for them, after project.qde).
  const sideHandle = await open(sideFile, 'w+');
  const deflater = DeflateThread.start();
  const setup = { frame: sourceFrame, coders: sorted.map((c) => c.coder) };
  const formatter = SourceFormatThread.start(setup);
  try {
    const sources = new ZipWriter(async (bytes) => void (await sideHandle.write(bytes)), FIXED_DATE, tooLarge);
    // Two documents of one GUID (a metadata guid given twice) would be one file: the first keeps it. Ids are unique (QC303),
    // so only a GUID some document's metadata gives can come twice: only those are remembered (280k names held 40 MB).
    const given = new Set<string>();
    for (const head of t.documents) if (head.metadata.guid && isGuid(head.metadata.guid)) given.add(head.metadata.guid);
    const written = new Set<string>();
    // A document's text is deflated on another thread while the next ones are formatted; its entry is added in corpus order.
    const inFlight: { names: string[]; done: Promise<DeflatedEntry[]> }[] = [];
    let names: string[] = [];
    const sent = (batches: Promise<DeflatedEntry[]>[]) => {
      for (const done of batches) {
        done.catch(() => undefined);
        inFlight.push({ names, done });
        names = [];
      }
    };
    const settle = async (most: number) => {
      while (inFlight.length > most) {
        const batch = inFlight.shift()!;
        const done = await batch.done;
        for (const [i, name] of batch.names.entries()) await sources.addDeflated(name, done[i]!);
      }
    };
    // The documents' TextSource elements are formatted on a third thread, a batch at a time, and written in corpus order.
    const qde = zip.entry('project.qde');
    const batch = new SourceBatchBuilder();
    const formatted: Promise<Uint8Array[]>[] = [];
    const format = () => {
      if (batch.documents === 0) return;
      const done = formatter.send(batch.take());
      done.catch(() => undefined);
      formatted.push(done);
    };
    const writeFormatted = async (most: number) => {
      while (formatted.length > most) for (const part of await formatted.shift()!) await qde.writeBytes(part);
    };
    await qde.write(head);
    head = '';
    const content = new JsonContentBytes();
    await forEachStudyTextBytes(study, options, () => true, async (d, picked) => {
      // Most texts are taken as the UTF-8 they are in the corpus line, and no string is made of them here; the others are decoded,
      // and encoded for their entry when they may fit one whole (a UTF-16 unit is at least a byte of UTF-8, as ZipEntryWriter decides).
      const line = picked.to - picked.from <= WHOLE_ENTRY_BYTES ? pickedTextUtf8(picked, content) : null;
      const text = line ? null : decodePickedText(picked);
      // A copy of the line's bytes (they are a reused buffer's), handed over to the deflating thread.
      const bytes = line ? new Uint8Array(line) : text!.length <= WHOLE_ENTRY_BYTES ? utf8.encode(text!) : null;
      const size = line ? line.length : text!.length;
      // A long document (its selections' XML many times its size) is formatted here, in pieces, after the batches before it.
      const alone = size > BATCH_CHARS;
      if (alone) {
        format();
        await writeFormatted(0);
      }
      batch.document(t.documents[d]!, line ?? text!, bytes !== null && unitsAreCodePoints(bytes));
      const to = t.segmentsOf(d).to;
      for (const [i, c] of sorted.entries()) {
        if (c.spans) for (const s of spansOf[i]!.get(d) ?? []) batch.row(s.start, s.end, i, s.code, s.memo);
        const codings = c.codings;
        if (!codings) continue;
        let r = next[i]!;
        for (; r < codings.length && codings.segment(r) < to; r++) {
          const n = codings.segment(r);
          batch.row(t.start(n), t.end(n), i, codings.codeId(r), codings.memo(r));
        }
        next[i] = r;
      }
      if (alone) {
        const out = new ByteRows();
        for (const part of partsOf(formatSourceBatch(batch.take(), sourceFrame, setup.coders, out), out)) await qde.writeBytes(part);
      } else if (batch.chars >= BATCH_CHARS || batch.rowCount >= BATCH_ROWS || batch.documents >= BATCH_DOCUMENTS) {
        format();
        await writeFormatted(FORMATS_IN_FLIGHT);
      }
      const guid = documentGuid(t.documents[d]!);
      if (given.has(guid)) {
        if (written.has(guid)) return;
        written.add(guid);
      }
      const name = `sources/${guid}.txt`;
      if (bytes && bytes.length <= WHOLE_ENTRY_BYTES) {
        names.push(name);
        sent(deflater.add(bytes));
        return settle(IN_FLIGHT);
      }
      sent(deflater.flush());
      await settle(0);
      const entry = sources.entry(name);
      // Only a decoded text comes here: bytes from the line are at most WHOLE_ENTRY_BYTES, and go to the deflating thread.
      await entry.write(text!);
      await entry.end();
    });
    format();
    await writeFormatted(0);
    sent(deflater.flush());
    await settle(0);
    await qde.write(tail);
    await qde.end();
    await sources.flush();
    await zip.append(sources, sideHandle.createReadStream({ start: 0, highWaterMark: 1 << 20, autoClose: false }));
  } finally {
    await formatter.close();
    await deflater.close();
    await sideHandle.close();
    await rm(sideFile, { force: true });
  }
  await zip.finish();
}
