import { createHash, type Hash } from 'node:crypto';
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { manifestEntries, type ProvenanceFacts } from './manifest.js';
import { publishOutputSet, recoverInterruptedPublications, type StagedFile } from './output-set.js';
import type { Study } from './read-study.js';
import { removeStaleTemps, tempPathFor } from './temp-file.js';
import { writeFailure, writeTempFor } from './write-file-atomic.js';
import { checkOutputTargets, resolveOutputTargets, writeOutputFiles, type OutputFile, type WriteOutputOptions } from './write-output-files.js';

/** Bytes gathered before a write: large enough that a write per row costs nothing (and a zip writer's pieces, smaller than it, are copied in, to be written while the next come), small next to any corpus. */
const BUFFER_BYTES = 1 << 20;

/**
 * One output written as it is made, for a command whose output grows with the
 * corpus (an export, a disagreements list): text is appended in pieces and
 * never held whole. A file goes to a temp file beside its target, hashed on
 * the way; `publish` then applies the overwrite policy to the finished bytes
 * (so the same content may replace any file, as writeOutputFiles allows) and
 * publishes it with its manifest entry (output-set.ts). A FIFO or device, or
 * a writable stream (stdout for `-o -`), is written straight through.
 */
export class StreamedOutput {
  /**
   * Text is encoded into this buffer (a megabyte) piece by piece as it comes: joining the
   * pieces first and encoding the joined string cost five times as much (rows
   * are concatenated strings, flattened again by the join).
   */
  private buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  /** The buffer being written to a file while `buffer` fills (see flush). */
  private spare = Buffer.allocUnsafe(BUFFER_BYTES);
  private pending: Promise<void> | null = null;
  private filled = 0;
  private hash: Hash | null = null;
  private handle: FileHandle | null = null;
  /** The sha256 of a file adopted whole (adopt), instead of the hash of what was written. */
  private adoptedSha256: string | null = null;

  private constructor(
    private target: { kind: 'file'; file: string; real: string; temp: string } | { kind: 'stream'; file: string } | { kind: 'writable'; out: NodeJS.WritableStream },
    private readonly display: (p: string) => string,
  ) {}

  /** Opens `file` for streaming (after recovering a killed run's publication and checking the target), or a writable stream. */
  static async open(project: Study['project'] | ProvenanceFacts['project'], file: string | NodeJS.WritableStream, display: (p: string) => string): Promise<StreamedOutput> {
    if (typeof file !== 'string') return new StreamedOutput({ kind: 'writable', out: file }, display);
    await recoverInterruptedPublications(project);
    const [target] = await resolveOutputTargets([file], display);
    if (target!.kind === 'stream') {
      const out = new StreamedOutput({ kind: 'stream', file: target!.file }, display);
      out.handle = await open(target!.file, 'a').catch((e: unknown) => Promise.reject(writeFailure(e, display(file))));
      return out;
    }
    const real = target!.real;
    try {
      await mkdir(path.dirname(real), { recursive: true });
      await removeStaleTemps(path.dirname(real));
      const temp = tempPathFor(real);
      const out = new StreamedOutput({ kind: 'file', file, real, temp }, display);
      out.handle = await open(temp, 'w');
      out.hash = createHash('sha256');
      return out;
    } catch (e) {
      throw writeFailure(e, display(file));
    }
  }

  /** For a file target, the real path of the file (a producer writing its own temp file beside it may adopt it); null for a stream. */
  get realFile(): string | null {
    return this.target.kind === 'file' ? this.target.real : null;
  }

  /**
   * Takes `file`, a finished temp file beside realFile whose sha256 is
   * known, as the whole output in place of anything written (nothing may be
   * written after): a producer that wrote its file in parts over threads
   * publishes it without copying it again.
   */
  async adopt(file: string, sha256: string): Promise<void> {
    const t = this.target;
    if (t.kind !== 'file') throw new Error('StreamedOutput.adopt: only a file target can adopt a file');
    await this.close();
    await rm(t.temp, { force: true });
    this.filled = 0;
    this.target = { ...t, temp: file };
    this.adoptedSha256 = sha256;
  }

  /** Appends text; resolves once the text before the last full buffer is written, when enough has gathered. */
  async write(text: string): Promise<void> {
    // A UTF-16 unit never takes more than 3 bytes of UTF-8.
    if (this.filled + text.length * 3 > this.buffer.length) {
      await this.flush();
      if (text.length * 3 > this.buffer.length) {
        await this.settle();
        return this.send(Buffer.from(text, 'utf8'));
      }
    }
    this.filled += this.buffer.write(text, this.filled, 'utf8');
  }

  /** Appends bytes (a zip's, made in pieces): earlier text goes first. They are copied or written before this resolves: the producer may reuse them. */
  async writeBytes(bytes: Uint8Array): Promise<void> {
    if (this.target.kind !== 'writable' && bytes.length < this.buffer.length) {
      if (this.filled + bytes.length > this.buffer.length) await this.flush();
      this.buffer.set(bytes, this.filled);
      this.filled += bytes.length;
      return;
    }
    await this.flush();
    await this.settle();
    // A stream may hold on to what it is given, and a producer may reuse its bytes: a stream gets a copy.
    await this.send(this.target.kind === 'writable' ? Buffer.from(bytes) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  /**
   * Sends the gathered bytes. A file's are written while the next are
   * gathered into the other buffer (the write before is waited for first):
   * an export waited for every write it made, as long again as making its
   * rows took when the disk was slow. A stream gets a copy, as it may hold
   * on to what it is given.
   */
  private async flush(): Promise<void> {
    if (this.filled === 0) return;
    const bytes = this.buffer.subarray(0, this.filled);
    this.filled = 0;
    if (this.target.kind === 'writable') return this.send(Buffer.from(bytes));
    await this.settle();
    const written = this.send(bytes);
    // Heard when settled; until then a failure must not count as unhandled.
    written.catch(() => undefined);
    this.pending = written;
    [this.buffer, this.spare] = [this.spare, this.buffer];
  }

  /** Waits for the write in flight, if any (its failure is thrown here). */
  private async settle(): Promise<void> {
    const p = this.pending;
    this.pending = null;
    await p;
  }

  /** Writes bytes out (hashed for a file), resolving once they are written or the stream has room. */
  private async send(bytes: Buffer): Promise<void> {
    const t = this.target;
    try {
      if (t.kind === 'writable') {
        if (!t.out.write(bytes)) await new Promise<void>((resolve) => t.out.once('drain', resolve));
        return;
      }
      this.hash?.update(bytes);
      await this.handle!.write(bytes);
    } catch (e) {
      throw writeFailure(e, this.shown());
    }
  }

  private shown(): string {
    return this.target.kind === 'writable' ? 'stdout' : this.display(this.target.file);
  }

  /**
   * Finishes the output: a file (synced when it is a coder's work) is checked against the overwrite
   * policy with its final sha256 and published with its manifest entry; a
   * stream is flushed. Small outputs made whole (`also`: an orphans file
   * beside a coding file) are checked and published in the same set. On any
   * failure the temp files are removed.
   */
  async publish(facts: Study | ProvenanceFacts, record: Omit<OutputFile, 'file' | 'content'>, options: WriteOutputOptions, also: readonly OutputFile[] = []): Promise<void> {
    const staged: StagedFile[] = [];
    try {
      await this.flush();
      await this.settle();
      const t = this.target;
      if (t.kind !== 'file') {
        await this.close();
        if (also.length > 0) await writeOutputFiles(facts, also, options);
        return;
      }
      // A coder's work is synced before it is published: it must outlive a crash. A derived output (an export, a report) is not,
      // as `qcode code` leaves its outputs (an adopted file was written and closed by its producer): the rename keeps readers
      // from a torn file, the project makes it again, and waiting for the disk to take a gigabyte export took longer than making it.
      if (record.kind === 'work') await this.handle?.sync();
      await this.close();
      const sha256 = this.adoptedSha256 ?? this.hash!.digest('hex');
      const others = (await resolveOutputTargets(also.map((o) => o.file), this.display)).map((o) => {
        if (o.kind !== 'file') throw new Error('StreamedOutput.publish: the outputs published with a streamed file must be files');
        return o.real;
      });
      await checkOutputTargets(facts.project, [{ file: t.file, sha256 }, ...also], options);
      for (const [i, o] of also.entries()) staged.push({ real: others[i]!, temp: await writeTempFor(others[i]!, o.content) });
      const entries = manifestEntries(facts, [
        { file: t.file, command: options.command, sha256, ...record },
        ...also.map(({ file, content, ...rest }) => ({ file, command: options.command, content, ...rest })),
      ]);
      await publishOutputSet(facts.project, [{ real: t.real, temp: t.temp }, ...staged], entries);
    } catch (e) {
      for (const s of staged) await rm(s.temp, { force: true });
      await this.discard();
      throw writeFailure(e, this.shown());
    }
  }

  private async close(): Promise<void> {
    try {
      await this.settle();
    } finally {
      // Closed even when the write in flight failed (its error is thrown after).
      const h = this.handle;
      this.handle = null;
      await h?.close();
    }
  }

  /** Abandons the output (the command failed): the temp file is removed; text already sent to a stream stays sent. */
  async discard(): Promise<void> {
    await this.close().catch(() => undefined);
    if (this.target.kind === 'file') await rm(this.target.temp, { force: true });
  }
}
