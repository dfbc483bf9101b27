import fc from 'fast-check';
import { computeTextSha } from '../../src/core/util/hash.js';
import { binaryUnit } from '../helpers/binary-unit.js';

/**
 * Inputs for the fuzz harness: valid seeds of every user file, and edits
 * that break them the ways real files break (a stray quote or colon, a line
 * cut, bytes of another encoding, a YAML alias, a huge field) or that try
 * to reach outside the project (`../`, NUL, line breaks in names).
 */

export const CODEBOOK = `name: fuzz
version: 1.0.0
title: Fuzz
categories:
  - id: topic
    label: Topic
    codes:
      - id: trade
        label: Trade
        definition: About trade.
        include: [tariffs count]
        examples: ["New tariffs."]
        patterns: [tariff*, trade, "/ex[a-z]+t/i"]
      - id: security
        label: Security
        definition: About security.
        patterns: [police, cartel*]
  - id: tone
    label: Tone
    exclusive: true
    codes:
      - id: positive
        label: Positive
        definition: Approving.
        patterns: [good]
      - id: negative
        label: Negative
        definition: Disapproving.
        patterns: [bad]
`;

export const DOC_A = `---
id: a
title: Tariff talk
date: 2026-01-27
type: news
---
New tariffs were announced on Jan. 29. Police raided a cartel hideout.

Trade is good. The U.S. delegation left.
`;

export const DOC_B = `---
id: b
type: social
language: es
---
Los aranceles son malos. La policía llegó.
`;

/** The sentences of the two documents, as qcode segments them. */
const SENTENCES: [string, string][] = [
  ['a:s1', 'New tariffs were announced on Jan. 29.'],
  ['a:s2', 'Police raided a cartel hideout.'],
  ['a:s3', 'Trade is good.'],
  ['a:s4', 'The U.S. delegation left.'],
  ['b:s1', 'Los aranceles son malos.'],
  ['b:s2', 'La policía llegó.'],
];

function codingFile(coder: string, rows: [string, string, string][]): string {
  const text = new Map(SENTENCES);
  const lines = rows.map(([seg, category, code]) => `${seg},${seg.split(':')[0]},${computeTextSha(text.get(seg)!)},${coder},${category},${code},`);
  return ['segment_id,doc_id,text_sha,coder,category,code,memo', ...lines, ''].join('\n');
}

export const CODINGS_A = codingFile('a', [
  ['a:s1', 'topic', 'trade'],
  ['a:s2', 'topic', 'security'],
  ['a:s3', 'topic', 'trade'],
  ['a:s3', 'tone', 'positive'],
  ['a:s4', '', ''],
  ['b:s1', 'tone', 'negative'],
]);

export const CODINGS_B = codingFile('b', [
  ['a:s1', 'topic', 'trade'],
  ['a:s2', '', ''],
  ['a:s3', 'tone', 'positive'],
  ['a:s4', '', ''],
  ['b:s1', 'topic', 'trade'],
]);

export const CORPUS_CSV = 'id,text,type,date\na,"New tariffs were announced. Police raided, at night, a cartel hideout.",news,2026-01-27\nb,"Trade is good.\n\nBad weather.",social,2026-02-01\n';
export const CORPUS_JSONL = '{"id":"a","text":"New tariffs were announced. Police raided a cartel hideout.","type":"news"}\n{"id":"b","text":"Trade is good.\\n\\nBad \\"weather\\".","type":"social","language":"es"}\n';

export const SHEET_CSV = `segment_id,doc_id,text_sha,text,trade,security,positive,negative,memo
,,,,Topic: Trade,Topic: Security,Tone: Positive,Tone: Negative,notes (optional)
a:s1,a,${computeTextSha(SENTENCES[0]![1])},${SENTENCES[0]![1]},x,,,,
a:s2,a,${computeTextSha(SENTENCES[1]![1])},${SENTENCES[1]![1]},,1,,,raid
b:s1,b,${computeTextSha(SENTENCES[4]![1])},${SENTENCES[4]![1]},TRUE,,,yes,
`;

export const RATINGS_CSV = 'unit,ann,ben,cy\n1,a,a,b\n2,b,b,b\n3,a,,a\n4,c,c,c\n5,a,b,\n';

export const PROJECT_YAML = 'codebook: codebook.yaml\ncorpus: corpus\nunit: sentence\n';

/** A project with the seeds: codebook, corpus folder, two coders' files. */
export function baseProject(): Record<string, string | Uint8Array> {
  return {
    'qcode.yaml': PROJECT_YAML,
    'codebook.yaml': CODEBOOK,
    'corpus/a.md': DOC_A,
    'corpus/b.md': DOC_B,
    'out/codings/a.csv': CODINGS_A,
    'out/codings/b.csv': CODINGS_B,
  };
}

/** Pieces that break files: quoting, YAML, encodings, control characters, paths, sizes. */
const NASTY = [
  '"', "'", ',', ';', '\n', '\r\n', '\r', '\t', ' ', ':', ': ', '- ', '-', '#', '---\n', '...', '|', '>',
  '{', '}', '[', ']', '&a ', '*a', '*b', '&b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', '<<: *a', '!!binary ', '!!js/function ', '? ',
  '\\', '\\u12', '\\uD800', '\\x', '\uFEFF', '\u0000', '\u2028', '\u00a0', 'é', '😀', '\uD800', '\uDFFF',
  'NaN', 'Infinity', '1e999', '-0', '0x10', '2', '-5', 'x', 'TRUE', 'maybe', 'NA', '', '=1+1', '@SUM(A1)',
  '../', '../../evil', '/etc/passwd', '..\\', 'a/b', 'con', '%s', '${x}', '__proto__', 'constructor', 'null', '~',
  'a:s1', 'a:s99', 'trade', 'tone', 'topic', 'b:s1', 'zz:s1', 'id', 'text', 'segment_id', 'code', 'codes',
  'a'.repeat(3000), '9'.repeat(400), '"'.repeat(50), '\n'.repeat(30), '('.repeat(40), '*'.repeat(60),
];

/** A YAML "billion laughs": aliases nested to expand far beyond the file. */
export const ALIAS_BOMB = `a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
`;

type Edit = { kind: 'insert'; at: number; piece: string } | { kind: 'delete' | 'duplicate'; at: number; length: number } | { kind: 'cut'; at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...NASTY) }, { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: binaryUnit }) }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }) },
);

function apply(text: string, edits: readonly Edit[]): string {
  let s = text;
  for (const e of edits) {
    const at = s.length === 0 ? 0 : e.at % (s.length + 1);
    if (e.kind === 'insert') s = s.slice(0, at) + e.piece + s.slice(at);
    else if (e.kind === 'delete') s = s.slice(0, at) + s.slice(at + e.length);
    else if (e.kind === 'duplicate') s = s.slice(0, at + e.length) + s.slice(at, at + e.length) + s.slice(at + e.length);
    else s = s.slice(0, at);
  }
  return s;
}

/** A seed with one to eight edits (sometimes a YAML alias bomb or junk instead). */
export function mutated(seed: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.array(edit, { minLength: 1, maxLength: 8 }).map((edits) => apply(seed, edits)) },
    { weight: 1, arbitrary: fc.constantFrom(ALIAS_BOMB, `${seed}\nbomb: *missing\n`, `x: &a [*a]\n`, '') },
    { weight: 1, arbitrary: fc.string({ maxLength: 200, unit: binaryUnit }) },
  );
}

/** Bytes of a seed with some bytes changed, cut short or with text of another encoding spliced in. */
export function mutatedBytes(seed: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }), fc.option(fc.nat(), { nil: undefined }))
    .map(([flips, cut]) => {
      const out = Uint8Array.from(seed);
      for (const [at, byte] of flips) out[at % out.length] = byte;
      return cut === undefined ? out : out.subarray(0, cut % (out.length + 1));
    });
}

/** Strings for option values and names: plausible ones, and ones that must never become paths. */
export const VALUES = [
  'a', 'b', 'auto', 'gold', 'a,b', 'a,a', 'a,b,zz', '', ' ', '-', '0', '1', '-1', '0.5', '1e9', '99999999999', 'NaN',
  'trade', 'type', 'doc', 'sentence', 'paragraph', 'document', 'csv', 'json', 'md', 'latex', 'table', 'xlsx', 'long', 'wide', 'list', 'jsonl', 'qdpx',
  'out/x.csv', 'out/x.json', 'out/x.md', 'out/x.tex', 'out/x.xlsx', 'out/x.txt', 'out/x.zzz', 'x.csv', 'out/codings/a.csv', 'corpus', 'codebook.yaml',
  '../evil', '../../evil.csv', '/etc/passwd', 'a/../../evil', 'a\u0000b', 'a\nb', 'evil.matches', 'x.orphans', '.hidden', 'tariff*', '/(a+)+$/', '*',
  'windows-1252', 'latin1', 'utf8', 'nominal', 'ordinal', 'interval', 'any', 'majority', 'cover:50', 'a'.repeat(200),
];

export const COMMANDS = [
  'validate', 'codebook', 'segment', 'code', 'import', 'sheet', 'rebase', 'units', 'sample', 'disagreements', 'adjudicate',
  'agree', 'evaluate', 'freq', 'cooccur', 'kwic', 'themes', 'export', 'init', 'annotate', 'help', 'nonsense',
];

export const OPTIONS = [
  '--coder', '--coders', '--gold', '--as', '--prefer', '--format', '-o', '--output', '--by', '--rows', '--code', '--top', '--window',
  '--unit', '--codebook', '--corpus', '--sample', '--fraction', '--size', '--seed', '--stratify', '--ratings', '--level', '--categories',
  '--bootstrap', '--fail-under', '--metric', '--with', '--encoding', '--sheet', '--texts', '--from-spans', '--rule', '--errors', '--all',
  '--force', '--json', '-q', '--tests', '--excel', '--rebase', '--verbose', '--no-context', '--stream', '--workers', '-C', '--id-column',
  '--text-column', '--resolved', '--spans', '--each', '--quotes', '--help', '-V',
];

/** A command line: a command, then options with values, values alone and stray words. */
export const argv: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.constantFrom(...COMMANDS),
    fc.array(fc.oneof({ weight: 3, arbitrary: fc.tuple(fc.constantFrom(...OPTIONS), fc.constantFrom(...VALUES)) }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...VALUES, ...OPTIONS)) }), { maxLength: 6 }),
  )
  .map(([command, rest]) => [command, ...rest.flat()].filter((a) => a !== '-C' && a !== '--project'));
