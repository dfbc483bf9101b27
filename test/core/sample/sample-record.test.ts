import { describe, expect, it } from 'vitest';
import { formatSeedRecord, parseStratify } from '../../../src/core/sample/sample-record.js';

describe('sample records', () => {
  it('reads --stratify as none, doc or a metadata key', () => {
    expect(parseStratify(undefined)).toEqual({ by: 'none' });
    expect(parseStratify('doc')).toEqual({ by: 'doc' });
    expect(parseStratify('type')).toEqual({ by: 'metadata', key: 'type' });
  });

  it('records a plain integer seed as a number and anything else as text', () => {
    expect(formatSeedRecord('2026')).toBe(2026);
    expect(formatSeedRecord('0')).toBe(0);
    expect(formatSeedRecord('007')).toBe('007');
    expect(formatSeedRecord('4294967296')).toBe('4294967296');
    expect(formatSeedRecord('spring study')).toBe('spring study');
  });
});
