/** A match of one codebook pattern in a text, offsets in UTF-16 units of that text. */
export interface PatternHit {
  pattern: string;
  start: number;
  end: number;
}

export type PatternFinder = (text: string) => PatternHit[];

const WORD = '[\\p{L}\\p{M}\\p{N}_]';

function wordSource(word: string): string {
  return word
    .split('*')
    .map((part) =>
      part
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/['’]/g, "['’]")
        .replace(/[-\u2010\u2011]/g, '[-\u2010\u2011]'),
    )
    .join(`${WORD}*`);
}

function compileOne(pattern: string): RegExp {
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(pattern);
  if (regex) return new RegExp(regex[1]!, regex[2]!.includes('g') ? regex[2]! : `${regex[2]!}g`);
  const words = pattern.trim().split(/\s+/).map(wordSource);
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_'’-])${words.join('\\s+')}(?![\\p{L}\\p{M}\\p{N}_-])`, 'giu');
}

/**
 * STAND-IN until the shared matcher (src/core/match, the coding issue) lands:
 * the codebook's pattern syntax for KWIC and evidence counts, approximated by
 * regular expressions: case-insensitive whole tokens (a hyphenated compound is
 * one token), `*` for any run of word characters, phrases across whitespace,
 * `/regex/flags` as written. It does not fold diacritics or possessives as
 * `qcode code` does; swap the body for the real matcher when it exists.
 */
export function compilePatternFinder(patterns: readonly string[]): PatternFinder {
  const compiled = patterns.map((p) => ({ pattern: p, re: compileOne(p) }));
  return (text) => {
    const hits: PatternHit[] = [];
    for (const { pattern, re } of compiled) {
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) {
        if (m[0].length === 0) continue;
        hits.push({ pattern, start: m.index, end: m.index + m[0].length });
      }
    }
    return hits.sort((a, b) => a.start - b.start || a.end - b.end);
  };
}
