import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeAdjudication } from '../../../src/core/adjudicate/compute-adjudication.js';
import { parseDecision, parseResolvedCsv } from '../../../src/core/adjudicate/parse-resolved.js';
import type { Coding } from '../../../src/core/model/coding.js';
import { FIXTURE, loadDoubleCodingFixture, loadFixtureCodings } from '../../helpers/double-coding-fixture.js';

const { codebook, segments } = loadDoubleCodingFixture();
const alice = { coder: 'alice', codings: loadFixtureCodings('alice') };
const bob = { coder: 'bob', codings: loadFixtureCodings('bob') };
const coders = ['alice', 'bob'] as const;
const resolvedText = readFileSync(path.join(FIXTURE, 'resolved.csv'), 'utf8');

/** segment → codes, '' for "reviewed, none". */
function compact(codings: Coding[]): string[] {
  const out = new Map<string, string[]>();
  for (const c of codings) {
    expect(c.coder).toBe('gold');
    out.set(c.segment_id, [...(out.get(c.segment_id) ?? []), c.code]);
  }
  return [...out].map(([s, codes]) => `${s}: ${codes.join(' ')}`.trimEnd());
}

function withDecisions(edit: (lines: string[]) => void): string {
  const lines = resolvedText.trimEnd().split('\n');
  edit(lines);
  return `${lines.join('\n')}\n`;
}

const resolve = (text: string, prefer?: string) => {
  const parsed = parseResolvedCsv(text, 'resolved.csv', coders, codebook);
  const result = computeAdjudication(codebook, segments, alice, bob, {
    as: 'gold',
    resolved: parsed.rows,
    resolvedFile: 'resolved.csv',
    ...(prefer ? { prefer } : {}),
  });
  return { ...result, diagnostics: [...parsed.diagnostics, ...result.diagnostics] };
};

describe('computeAdjudication', () => {
  it('--prefer bob: agreed codes kept, every disagreement settled as bob coded', () => {
    const r = computeAdjudication(codebook, segments, alice, bob, { as: 'gold', prefer: 'bob' });
    expect(r.diagnostics).toEqual([]);
    expect([r.segments, r.agreedSegments, r.preferred, r.decided, r.onlyOne]).toEqual([10, 5, 7, 0, 3]);
    expect(compact(r.codings)).toEqual([
      'news-01:p1: economic business',
      'news-01:p2: economic',
      'news-01:p3: government civil',
      'news-02:p1: security government',
      'news-02:p2: security government',
      'news-02:p3: business',
      'official-01:p1: economic government',
      'official-01:p2: economic',
      'official-01:p3:',
      'social-01:p1: sovereignty',
    ]);
  });

  it('--resolved: coder names, both, neither and a code list', () => {
    const r = resolve(resolvedText);
    expect(r.diagnostics).toEqual([]);
    expect(r.decided).toBe(7);
    expect(compact(r.codings)).toEqual([
      'news-01:p1: economic business',
      'news-01:p2:', // neither
      'news-01:p3: government civil', // bob
      'news-02:p1: security government',
      'news-02:p2: sovereignty government', // the list "sovereignty" settles the exclusive frame
      'news-02:p3: business',
      'official-01:p1: economic government',
      'official-01:p2: economic government', // alice
      'official-01:p3: government civil', // both; alice
      'social-01:p1: sovereignty',
    ]);
  });

  it('an undecided row is an error naming it, unless --prefer fills it in', () => {
    const text = withDecisions((l) => {
      l[1] = l[1]!.replace(/,neither$/, ',');
    });
    const r = resolve(text);
    expect(r.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['QC510', 2]]);
    expect(r.diagnostics[0]!.message).toContain('news-01:p2 × economic: no decision');
    const filled = resolve(text, 'bob');
    expect(filled.diagnostics).toEqual([]);
    expect(compact(filled.codings)[1]).toBe('news-01:p2: economic');
  });

  it('a disagreement missing from the file is an error', () => {
    const r = resolve(withDecisions((l) => l.splice(5, 1)));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['QC510']);
    expect(r.diagnostics[0]!.message).toContain('official-01:p2 × government');
  });

  it('an unknown decision is an error at its line', () => {
    const r = resolve(withDecisions((l) => (l[1] = l[1]!.replace(/,neither$/, ',carol'))));
    expect(r.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['QC510', 2]]);
    expect(r.diagnostics[0]!.message).toContain("decision 'carol'");
  });

  it('decisions giving two codes in an exclusive category are an error', () => {
    const r = resolve(withDecisions((l) => (l[3] = l[3]!.replace(/,sovereignty$/, ',both'))).replace(/,sovereignty,1,0,(.*),$/m, ',sovereignty,1,0,$1,both'));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['QC510']);
    expect(r.diagnostics[0]!.message).toContain('security and sovereignty in exclusive category frame');
  });

  it('a code list with a code of another category is an error', () => {
    const r = resolve(withDecisions((l) => (l[3] = l[3]!.replace(/,sovereignty$/, ',government'))));
    expect(r.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['QC510', 4]]);
  });

  it('a decision on a row the coders agree on is a warning and ignored', () => {
    const r = resolve(withDecisions((l) => l.push('news-01:p1,news-01,frame,economic,1,1,x,y,neither')));
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.location?.line])).toEqual([['warning', 'QC511', 9]]);
    expect(compact(r.codings)[0]).toBe('news-01:p1: economic business');
  });

  it('a file without a decision column is an error', () => {
    const parsed = parseResolvedCsv('segment_id,code\nx,y\n', 'r.csv', coders, codebook);
    expect(parsed.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['QC510', 1]]);
  });

  it('parseDecision', () => {
    const ids = new Set(['economic', 'security']);
    expect(parseDecision(' alice ', coders, ids)).toEqual({ kind: 'coder', coder: 'alice' });
    expect(parseDecision('BOTH', coders, ids)).toEqual({ kind: 'both' });
    expect(parseDecision('Neither', coders, ids)).toEqual({ kind: 'neither' });
    expect(parseDecision('', coders, ids)).toEqual({ kind: 'none' });
    expect(parseDecision('economic; security', coders, ids)).toEqual({ kind: 'codes', codes: ['economic', 'security'] });
    expect(parseDecision('Alice', coders, ids)).toHaveProperty('error');
  });
});
