import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCodebook, prng, sentenceMaker } from '../../../scripts/bench-corpus.mjs';
import { parseCodebook } from '../../../src/core/codebook/parse-codebook.js';
import { compileMatcher, type Matcher } from '../../../src/core/match/compile-matcher.js';
import { MatchRun } from '../../../src/core/match/match-run.js';
import { newScanExtent, scanJsonString } from '../../../src/core/match/scan-json-bytes.js';
import { scanWithKernel } from '../../../src/core/match/scan-kernel.js';
import { codebookOf } from './helpers.js';

// The WebAssembly kernel must leave a run exactly as the JS scanner does
// (same matches, same offsets, same phrase state), return the same and
// report the same extent, on any bytes it is handed: texts from a rich
// alphabet, written as JSON content in many ways, valid or not.

/** Seeded, so a failure can be replayed. */
const random = prng;

const syllables = ['gri', 'tri', 'nea', 'pla', 'ni', 'star', 'vu', 'cas', 'bo', 'nds', 'lai', 'ta', 'riff', 'ing', 'tion', 'us', 'may', 'fed'];
const english = ['trade', 'war', 'the', 'us', 'US', 'May', 'may', 'Fed', 'federal', 'tariffs', 'tariff-free', 'don', 'covid', 'new', 'york', 'times', 'FBI', 'a', 'b'];
const others = ['México', 'MÉXICO', 'mexico', 'élan', 'Straße', 'STRASSE', 'ωμέγα', 'Ωμέγα', 'москва', 'МОСКВА', 'İstanbul', 'ǅemal', 'ﬁne', 'e\u0301lan', '𐐀𐐨', '𝐀bc', '😀', '中文', 'ß', 'ﬃx'];
const joiners = ["'", '’', '-', '\u2010', '\u2011', "'s", '’s', "'S"];
const separators = [' ', ' ', ' ', '  ', ', ', '. ', '; ', '!', '?', '(', ')', '"', '/', '\\', '–', '—', '“', '”', '«', '»', '\u00a0', '\u2003', '\u3000', '\t', '\n', '\r', '\r\n', '\u0001', '\u001f', '\ufeff', '\u200b', '0', '42', '_'];

/** The bench corpus's own sentences, whose words the bench codebook's patterns are made of. */
const bench = sentenceMaker(random(7));
const benchWords = Array.from({ length: 400 }, () => bench.sentence()).join(' ').split(/[\s,.;:!?“”]+/).filter((w) => w !== '');

function word(rnd: () => number): string {
  const pick = rnd();
  if (pick < 0.3) return benchWords[Math.floor(rnd() * benchWords.length)]!;
  if (pick < 0.45) {
    let w = '';
    for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) w += syllables[Math.floor(rnd() * syllables.length)];
    return rnd() < 0.15 ? w[0]!.toUpperCase() + w.slice(1) : rnd() < 0.05 ? w.toUpperCase() : w;
  }
  if (pick < 0.8) return english[Math.floor(rnd() * english.length)]!;
  return others[Math.floor(rnd() * others.length)]!;
}

function text(rnd: () => number): string {
  let t = rnd() < 0.05 ? '\ufeff' : '';
  for (let n = Math.floor(rnd() * 40); n > 0; n--) {
    t += word(rnd);
    if (rnd() < 0.15) t += joiners[Math.floor(rnd() * joiners.length)]! + (rnd() < 0.7 ? word(rnd) : '');
    t += separators[Math.floor(rnd() * separators.length)]!;
  }
  return t;
}

const encoder = new TextEncoder();
/** A \u escape, its hex digits upper- or lower-case (JSON allows both). */
const hex = (u: number): string => {
  const h = u.toString(16).padStart(4, '0');
  return `\\u${u & 1 ? h.toUpperCase() : h}`;
};

/** The text as JSON string content, each character written raw or escaped by chance; `valid` false lets raw control bytes and broken UTF-8 through. */
function jsonContent(t: string, rnd: () => number, escapes: number, valid: boolean): Uint8Array {
  const parts: number[] = [];
  const put = (s: string): void => {
    for (const b of encoder.encode(s)) parts.push(b);
  };
  for (const ch of t) {
    const u = ch.codePointAt(0)!;
    const r = rnd();
    if (ch === '"') put(r < escapes ? '\\u0022' : '\\"');
    else if (ch === '\\') put(r < escapes ? '\\u005C' : '\\\\');
    else if (u < 0x20) {
      if (!valid && r < 0.3) parts.push(u);
      else if (u === 0x0a) put(r < escapes ? '\\u000a' : '\\n');
      else if (u === 0x0d) put(r < 0.5 ? '\\r' : '\\u000D');
      else if (u === 0x09) put('\\t');
      else put(hex(u));
    } else if (ch === '/' && r < 0.5) put('\\/');
    else if (r < escapes) {
      if (u > 0xffff) {
        const v = u - 0x10000;
        put(hex(0xd800 + (v >> 10)) + hex(0xdc00 + (v & 0x3ff)));
      } else put(hex(u));
    } else put(ch);
    if (!valid && rnd() < 0.01) parts.push([0xff, 0xc3, 0xe2, 0x80, 0xf0][Math.floor(rnd() * 5)]!);
    if (!valid && rnd() < 0.005) put('\\x');
  }
  return Uint8Array.from(parts);
}

/** The content inside a JSONL line, so offsets do not start at 1. */
function line(content: Uint8Array): { buf: Uint8Array; from: number; to: number } {
  const head = encoder.encode('{"id":"d1","text":"');
  const buf = new Uint8Array(head.length + content.length + 3);
  buf.set(head);
  buf.set(content, head.length);
  buf.set(encoder.encode('"}\n'), head.length + content.length);
  return { buf, from: head.length, to: head.length + content.length };
}

function stateOf(run: MatchRun) {
  const n = run.count;
  return {
    count: n,
    phrase: [...run.phrase.subarray(0, n)],
    startCp: [...run.startCp.subarray(0, n)],
    endCp: [...run.endCp.subarray(0, n)],
    startUnit: [...run.startUnit.subarray(0, n)],
    endUnit: [...run.endUnit.subarray(0, n)],
    startTok: [...run.startTok.subarray(0, n)],
    activeCount: run.activeCount,
    tokenIndex: run.tokenIndex,
  };
}

function both(m: Matcher, buf: Uint8Array, from: number, to: number, trusted: boolean) {
  const js = new MatchRun(m);
  const wasm = new MatchRun(m);
  const e1 = newScanExtent();
  const e2 = newScanExtent();
  js.reset();
  wasm.reset();
  const r1 = scanJsonString(js, buf, from, to, e1, trusted);
  const byKernel = scanWithKernel(wasm, buf, from, to, e2, trusted);
  const r2 = byKernel ?? scanJsonString(wasm, buf, from, to, e2, trusted);
  return { js: { r: r1, extent: e1, run: stateOf(js) }, wasm: { r: r2, extent: e2, run: stateOf(wasm) }, kernel: byKernel !== null };
}

/** A codebook like the bench's: words, phrases, prefixes and suffixes over the same syllables the texts are made of. */
function benchLike(seed: number): Matcher {
  const rnd = random(seed);
  const sw = (): string => {
    let w = '';
    for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) w += syllables[Math.floor(rnd() * syllables.length)];
    return w;
  };
  const codes: Record<string, string[]> = {};
  for (let c = 0; c < 12; c++) {
    const list: string[] = [];
    for (let p = 0; p < 10; p++) {
      const r = rnd();
      if (r < 0.4) list.push(sw());
      else if (r < 0.55) list.push(`${sw()}*`);
      else if (r < 0.7) list.push(`*${sw()}`);
      else list.push(`${english[Math.floor(rnd() * english.length)]!.toLowerCase()} ${sw()}`);
    }
    codes[`c${c}`] = list;
  }
  return compileMatcher(codebookOf(codes));
}

const handPicked = compileMatcher(
  codebookOf({
    words: ['trade', 'us', 'fbi', 'mexico', 'élan', 'strasse', 'straße', 'москва', 'ωμεγα', 'istanbul', 'don\'t', 'covid-19', 'tariff-free', '中文', '𐐨𐐨', 'fine'],
    phrases: ['trade war', 'new york times', 'us trade', 'the fed', 'a b a', 'may may'],
    prefixes: ['tariff*', 'gri*', 'fed*', 'моск*', 'stra*'],
    suffixes: ['*tion', '*ing', '*a', '*ωμέγα', '*ss'],
    cased: ['=US', '=May', '=Fed*', '=México', '=FBI trade'],
  }),
);

/** The bench's codebook itself (scripts/bench-corpus.mjs). */
function benchCodebook(): Matcher {
  const dir = mkdtempSync(path.join(tmpdir(), 'qcode-kernel-'));
  try {
    const file = path.join(dir, 'codebook.yaml');
    generateCodebook(file);
    const { codebook } = parseCodebook(readFileSync(file, 'utf8'), file);
    if (codebook === undefined) throw new Error('the bench codebook does not parse');
    return compileMatcher(codebook);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const matchers: [string, Matcher][] = [
  ['bench codebook', benchCodebook()],
  ['bench-like 1', benchLike(1)],
  ['bench-like 2', benchLike(2)],
  ['hand-picked', handPicked],
  ['words only (no token bytes kept)', compileMatcher(codebookOf({ a: ['trade', 'us trade', 'méxico', 'gri*', 'may'] }))],
  ['wide suffixes', compileMatcher(codebookOf({ a: ['*tion', '*riff', 'us trade'] }))],
  ['globs (the JS scanner)', compileMatcher(codebookOf({ a: ['ta*ff', 'trade', '*ing'] }))],
];

describe('scan kernel (WebAssembly) against the JS scanner', () => {
  for (const [name, m] of matchers) {
    it(`leaves the same run, result and extent: ${name}`, () => {
      const rnd = random(name.length * 7919);
      let matched = 0;
      let rejected = 0;
      let kernel = 0;
      let left = 0;
      for (let k = 0; k < 1500; k++) {
        const t = text(rnd);
        const variant = k % 4;
        const content =
          variant === 0 ? encoder.encode(JSON.stringify(t).slice(1, -1)) : jsonContent(t, rnd, variant === 1 ? 0 : variant === 2 ? 0.1 : 0.02, variant !== 3);
        const { buf, from, to } = line(content);
        for (const trusted of [true, false]) {
          const { js, wasm, kernel: byKernel } = both(m, buf, from, to, trusted);
          if (byKernel) kernel++;
          else left++;
          if (JSON.stringify(wasm) !== JSON.stringify(js)) {
            expect({ text: t, trusted, content: new TextDecoder().decode(content), ...wasm }).toEqual({ text: t, trusted, content: new TextDecoder().decode(content), ...js });
          }
          matched += js.run.count;
          if (!js.r) rejected++;
        }
      }
      // The texts must exercise both outcomes and find matches, or the comparison proves little.
      expect(matched).toBeGreaterThan(200);
      expect(rejected).toBeGreaterThan(100);
      // And the kernel must have done most of them itself (\u escapes and glob matchers go to the JS scanner).
      if (m.globs.length > 0) expect(kernel).toBe(0);
      else expect(kernel).toBeGreaterThan(left);
    });
  }

  it('carries phrases across tokens and drops them where the JS scanner does (punctuation, a word no term is)', () => {
    const m = compileMatcher(codebookOf({ a: ['us trade war now'], b: ['us', '*ade'] }));
    const t = 'us trade war now, us trade. us, trade war now us trade war now us trade blah war now us trade-war now';
    const buf = encoder.encode(JSON.stringify(t));
    const { js, wasm } = both(m, buf, 1, buf.length - 1, true);
    expect(wasm).toEqual(js);
    expect(js.run.phrase.filter((p) => p === 0)).toHaveLength(2);
  });

  it('walks a suffix only over a folded token MatchRun.tokenBytes holds whole, as the JS scanner does', () => {
    const m = compileMatcher(codebookOf({ a: ['*éa', 'war'], b: ['trade war'] }));
    // The first 256 folded bytes of the long word end in "éa"; the word itself does not.
    const long = `${'é'.repeat(126)}xéa${'é'.repeat(20)}`;
    const t = `trade ${long} war ${'é'.repeat(100)}éa trade war`;
    const buf = encoder.encode(JSON.stringify(t));
    const { js, wasm, kernel } = both(m, buf, 1, buf.length - 1, true);
    expect(kernel).toBe(true);
    expect(wasm).toEqual(js);
    expect(js.run.count).toBe(4);
  });

  it('scans long texts (events and buffers grown) the same', () => {
    const rnd = random(99);
    let t = '';
    while (t.length < 300_000) t += text(rnd);
    const buf = encoder.encode(JSON.stringify(t));
    for (const [, m] of matchers) {
      const { js, wasm } = both(m, buf, 1, buf.length - 1, true);
      expect(wasm).toEqual(js);
    }
  });
});
