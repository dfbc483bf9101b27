import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashFile, hashFileOffThread } from '../../src/io/hash-file.js';

// A large corpus is fingerprinted on another thread (readCorpusFingerprint): the same sha256 as on the caller's.
describe('hashFileOffThread', () => {
  it("gives hashFile's sha256, over several read chunks; a file that cannot be read is a rejection", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qcode-hash-'));
    const file = path.join(dir, 'bytes.bin');
    const bytes = Buffer.alloc(700_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 9)) & 0xff;
    writeFileSync(file, bytes);
    const expected = createHash('sha256').update(bytes).digest('hex');
    expect(await hashFileOffThread(file)).toBe(expected);
    expect(await hashFile(file)).toBe(expected);
    await expect(hashFileOffThread(path.join(dir, 'missing.bin'))).rejects.toThrow(/ENOENT/);
  });
});
