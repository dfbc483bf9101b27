import { describe, expect, it } from 'vitest';
import type { ManifestEntry } from '../../../src/core/provenance/manifest.js';
import { checkReplace } from '../../../src/core/provenance/overwrite-policy.js';

const entry = (sha256: string, kind?: ManifestEntry['kind']): ManifestEntry => ({
  command: 'qcode segment',
  qcode_version: '0',
  codebook: { name: 'cb', version: '1.0.0', sha256: 'c' },
  corpus_sha256: 'k',
  unit: 'sentence',
  segments: 1,
  sha256,
  ...(kind ? { kind } : {}),
});

describe('the overwrite policy', () => {
  it('replaces an unchanged derived output qcode wrote', () => {
    expect(checkReplace('out/x.csv', { sha256: 'old', entry: entry('old', 'derived') }, 'new')).toBeUndefined();
    // A streamed run does not know its content beforehand: the same holds.
    expect(checkReplace('out/x.csv', { sha256: 'old', entry: entry('old', 'derived') }, undefined)).toBeUndefined();
  });

  it('never replaces work, a changed output or a file qcode did not write', () => {
    const work = checkReplace('out/codings/ana.csv', { sha256: 'old', entry: entry('old', 'work') }, 'new');
    expect(work).toMatchObject({ code: 'QC004', severity: 'error', location: { file: 'out/codings/ana.csv' } });
    expect(work!.message).toContain("holds a coder's work");
    const changed = checkReplace('out/x.csv', { sha256: 'edited', entry: entry('old', 'derived') }, 'new');
    expect(changed!.message).toBe('out/x.csv has changed since `qcode segment` wrote it');
    const foreign = checkReplace('mine.csv', { sha256: 'old', entry: undefined }, 'new');
    expect(foreign!.message).toBe('mine.csv exists and was not written by qcode');
    expect(foreign!.hint).toContain('--force');
  });

  it('reads an entry from before kinds were recorded by the command that wrote it', () => {
    expect(checkReplace('out/segments.csv', { sha256: 'old', entry: entry('old') }, 'new')).toBeUndefined();
    const imported = { ...entry('old'), command: 'qcode import a.csv --coder ana' };
    expect(checkReplace('out/codings/ana.csv', { sha256: 'old', entry: imported }, 'new')?.code).toBe('QC004');
    // A command line that does not start with the command name counts as work: the safe side.
    const unclear = { ...entry('old'), command: 'qcode -C study segment' };
    expect(checkReplace('out/segments.csv', { sha256: 'old', entry: unclear }, 'new')?.code).toBe('QC004');
  });

  it('allows writing the same bytes over anything: nothing is lost', () => {
    expect(checkReplace('out/codings/ana.csv', { sha256: 'same', entry: entry('same', 'work') }, 'same')).toBeUndefined();
    expect(checkReplace('mine.csv', { sha256: 'same', entry: undefined }, 'same')).toBeUndefined();
  });
});
