import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { computeSha256 } from '../../src/core/util/hash.js';
import type { ProvenanceFacts } from '../../src/io/manifest.js';
import { StreamedOutput } from '../../src/io/streamed-output.js';

function project(): ProvenanceFacts {
  const root = mkdtempSync(path.join(tmpdir(), 'qcode-streamed-'));
  const outDir = path.join(root, 'out');
  mkdirSync(outDir);
  return { project: { root, outDir }, codebook: { name: 'cb', version: '1' }, codebookSha256: 'c', corpusSha256: 'k', unit: 'sentence', segmentCount: 3 };
}

const options = { command: 'qcode export', force: false, display: (p: string) => path.basename(p) };
// Rows well past the flush size, so the file is written in several pieces.
const rows = Array.from({ length: 80000 }, (_, i) => `row ${i},"a ""quoted"" text ü"\n`);

async function stream(facts: ProvenanceFacts, file: string): Promise<StreamedOutput> {
  const out = await StreamedOutput.open(facts.project, file, options.display);
  for (const r of rows) await out.write(r);
  return out;
}

describe('StreamedOutput', () => {
  it('writes the pieces in order and publishes the file with its manifest entry (sha256 of the bytes)', async () => {
    const facts = project();
    const file = path.join(facts.project.outDir, 'exports/auto-long.csv');
    const out = await stream(facts, file);
    expect(existsSync(file)).toBe(false); // nothing at the target until published
    await out.publish(facts, { kind: 'derived', details: { coder: 'auto' } }, options);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(rows.join(''));
    const entry = JSON.parse(readFileSync(path.join(facts.project.outDir, 'manifest.json'), 'utf8')).outputs['out/exports/auto-long.csv'];
    expect(entry).toMatchObject({ command: 'qcode export', sha256: computeSha256(text), kind: 'derived', segments: 3, details: { coder: 'auto' } });
    expect(readdirSync(path.dirname(file))).toEqual(['auto-long.csv']);
  });

  it('writes text and bytes of every size in order while earlier pieces are still being written, though the producer reuses its bytes', async () => {
    const facts = project();
    const file = path.join(facts.project.outDir, 'exports/project.qdpx');
    const out = await StreamedOutput.open(facts.project, file, options.display);
    const expected: Buffer[] = [];
    // One buffer the producer fills again for every piece, as a zip writer does: what was given must already be copied or written.
    const reused = Buffer.alloc(1 << 20);
    for (let i = 0; i < 400; i++) {
      const size = [1, 100, 70_000, 262_143, 262_144, 300_000, 1 << 20][i % 7]!;
      if (i % 3 === 0) {
        const text = `piece ${i} ü`.padEnd(size % 90_000, 'x');
        await out.write(text);
        expected.push(Buffer.from(text));
      } else {
        reused.fill(i % 251, 0, size);
        const bytes = reused.subarray(0, size);
        await out.writeBytes(bytes);
        expected.push(Buffer.from(bytes));
      }
    }
    await out.publish(facts, { kind: 'derived' }, options);
    const all = Buffer.concat(expected);
    expect(readFileSync(file).equals(all)).toBe(true);
    const entry = JSON.parse(readFileSync(path.join(facts.project.outDir, 'manifest.json'), 'utf8')).outputs['out/exports/project.qdpx'];
    expect(entry.sha256).toBe(computeSha256(all));
  });

  it('applies the overwrite policy to the finished bytes: the same content replaces anything, other content a hand-made file never', async () => {
    const facts = project();
    const file = path.join(facts.project.root, 'mine.csv');
    writeFileSync(file, rows.join(''));
    await (await stream(facts, file)).publish(facts, { kind: 'derived' }, options);
    writeFileSync(file, 'edited by hand\n');
    const out = await stream(facts, file);
    await expect(out.publish(facts, { kind: 'derived' }, options)).rejects.toThrow(/QC004|changed since/);
    expect(readFileSync(file, 'utf8')).toBe('edited by hand\n');
    expect(readdirSync(facts.project.root).filter((n) => n.startsWith('.qcode-tmp-'))).toEqual([]);
  });

  it('discard removes the temp file and leaves the target alone', async () => {
    const facts = project();
    const file = path.join(facts.project.outDir, 'x.csv');
    const out = await stream(facts, file);
    await out.discard();
    expect(readdirSync(facts.project.outDir)).toEqual([]);
  });

  it('a writable stream (stdout for -o -) gets the bytes as they come, and no manifest entry', async () => {
    const facts = project();
    const chunks: Buffer[] = [];
    const sink = new Writable({ write: (c: Buffer, _e, done) => (chunks.push(c), done()) });
    const out = await StreamedOutput.open(facts.project, sink, options.display);
    for (const r of rows) await out.write(r);
    expect(chunks.length).toBeGreaterThan(0); // written before the end
    await out.publish(facts, { kind: 'derived' }, options);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(rows.join(''));
    expect(existsSync(path.join(facts.project.outDir, 'manifest.json'))).toBe(false);
  });
});
