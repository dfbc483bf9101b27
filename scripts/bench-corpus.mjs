// The generated corpora and codebooks of `npm run bench` (scripts/bench.mjs),
// from fixed seeds: the same bytes on every machine. The heavy scale tests
// (test/scale/) make their data with the same functions.
import { closeSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';

/** mulberry32: a small seeded PRNG, so the corpus is the same on every machine. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FUNCTION_WORDS = (
  'the the the of of and and to to in in a a that is for on said with as by at from was were it be has have will ' +
  'would not but this an are or which their its after over new more than who also about been into up out last year ' +
  'two three first could some other when they we he she there what all one her his our can may if no only most'
).split(' ');
const TOPIC_WORDS = (
  'government minister officials president congress senate trade tariff tariffs border security cartel cartels drug ' +
  'drugs trafficking migration migrants economy economic investment investors market markets exports imports ' +
  'agreement negotiations talks deal policy reform energy oil gas steel aluminum automotive vehicles farmers ' +
  'agriculture corn dairy labor workers unions wages inflation growth currency peso dollar bank central federal ' +
  'state states city police army military violence murders crime justice court judge ruling law laws election ' +
  'campaign party opposition vote voters poll survey report analysts sources statement spokesperson embassy ' +
  'ambassador treaty sovereignty cooperation sanctions investigation fentanyl shipment seizure customs duty duties ' +
  'quota quotas dispute panel arbitration supply chain chains manufacturing plant factory jobs unemployment budget ' +
  'deficit debt bonds prices consumers retail technology digital data privacy climate water drought health'
).split(' ');
const NAMES = 'Washington Ottawa Mexico Texas Sinaloa Jalisco Ontario Chicago Reuters USTR Sheinbaum Carney Trump'.split(' ');
const ACCENTED = 'México Peña Bogotá soberanía economía Querétaro Nuevo León'.split(' ');
const COMPOUNDS = 'non-tariff cross-border long-term free-trade state-owned low-income well-known so-called'.split(' ');
const PHRASES = [];

function syllableWords(rand, n) {
  const on = ['b', 'c', 'd', 'f', 'g', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'br', 'tr', 'pl', 'st', 'gr', 'cl'];
  const nu = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io'];
  const co = ['', '', 'n', 'r', 's', 'l', 'nt', 'st', 'x'];
  const out = new Set();
  while (out.size < n) {
    let w = '';
    const k = 2 + Math.floor(rand() * 3);
    for (let i = 0; i < k; i++) w += on[Math.floor(rand() * on.length)] + nu[Math.floor(rand() * nu.length)];
    w += co[Math.floor(rand() * co.length)];
    out.add(w);
  }
  return [...out];
}

let vocab = null;
function vocabulary() {
  if (vocab) return vocab;
  const rand = prng(20260127);
  const synthetic = syllableWords(rand, 6000);
  for (let i = 0; i < 120; i++) PHRASES.push(`${TOPIC_WORDS[(i * 7) % TOPIC_WORDS.length]} ${synthetic[i * 3]}`);
  vocab = { synthetic };
  return vocab;
}

/** A seeded maker of news-like sentences. */
export function sentenceMaker(rand) {
  const { synthetic } = vocabulary();
  const pick = (list) => list[Math.floor(rand() * list.length)];
  // Zipf-like: low-ranked synthetic words come far more often than the rest.
  const zipf = () => synthetic[Math.floor(synthetic.length * rand() ** 3)];
  const word = () => {
    const r = rand();
    if (r < 0.45) return pick(FUNCTION_WORDS);
    if (r < 0.6) return pick(TOPIC_WORDS);
    if (r < 0.9) return zipf();
    if (r < 0.94) return pick(NAMES);
    if (r < 0.96) return String(Math.floor(rand() * 2030));
    if (r < 0.975) return pick(COMPOUNDS);
    if (r < 0.985) return pick(ACCENTED);
    if (r < 0.99) return `${pick(NAMES)}\u2019s`;
    return pick(PHRASES);
  };
  const sentence = () => {
    const n = 8 + Math.floor(rand() * 22);
    const words = [];
    for (let i = 0; i < n; i++) {
      let w = word();
      if (i > 2 && rand() < 0.07) w += ',';
      words.push(w);
    }
    if (rand() < 0.1) {
      const i = Math.floor(rand() * (n - 2));
      words[i] = `\u201c${words[i]}`;
      words[n - 1] += '\u201d';
    } else if (rand() < 0.08) {
      words[0] = `"${words[0]}`;
      words[n - 1] += '"';
    }
    const s = words.join(' ');
    return s[0].toUpperCase() + s.slice(1) + (rand() < 0.9 ? '.' : rand() < 0.5 ? '?' : '!');
  };
  return { sentence, pick };
}

/** Appends documents to the file until it holds at least `mb` megabytes. */
export function generateCorpus(file, mb) {
  const rand = prng(mb * 7919 + 17);
  const { sentence, pick } = sentenceMaker(rand);
  const target = mb * 1e6;
  const fd = openSync(`${file}.tmp`, 'w');
  let written = 0;
  let batch = [];
  let batchBytes = 0;
  for (let d = 1; written + batchBytes < target; d++) {
    const paragraphs = [];
    const np = 3 + Math.floor(rand() * 8);
    for (let p = 0; p < np; p++) {
      const ns = 2 + Math.floor(rand() * 5);
      const ss = [];
      for (let s = 0; s < ns; s++) ss.push(sentence());
      paragraphs.push(ss.join(' '));
    }
    const doc = {
      id: `news-${String(d).padStart(8, '0')}`,
      date: `20${10 + (d % 16)}-${String(1 + (d % 12)).padStart(2, '0')}-${String(1 + (d % 28)).padStart(2, '0')}`,
      source: pick(['wire', 'daily', 'weekly', 'online']),
      title: sentence().slice(0, 60),
      text: paragraphs.join('\n\n'),
    };
    const line = `${JSON.stringify(doc)}\n`;
    batch.push(line);
    batchBytes += Buffer.byteLength(line);
    if (batchBytes > 8 << 20) {
      writeSync(fd, batch.join(''));
      written += batchBytes;
      batch = [];
      batchBytes = 0;
    }
  }
  writeSync(fd, batch.join(''));
  closeSync(fd);
  renameSync(`${file}.tmp`, file);
}

/**
 * One document of at least `mb` megabytes with no paragraph break, sentences
 * only: what a scraped archive dumped as one text looks like. The text is
 * written in slices (JSON of each slice without its quotes) so the generator
 * never holds the whole string.
 */
export function generateHugeDocument(file, mb) {
  const rand = prng(mb * 104729 + 3);
  const { sentence } = sentenceMaker(rand);
  const target = mb * 1e6;
  const fd = openSync(`${file}.tmp`, 'w');
  let written = writeSync(fd, '{"id":"huge-00000001","date":"2020-01-01","source":"wire","title":"One long text","text":"');
  while (written < target) {
    const ss = [];
    for (let k = 0; k < 20000; k++) ss.push(sentence());
    written += writeSync(fd, `${written > 200 ? ' ' : ''}${JSON.stringify(ss.join(' ')).slice(1, -1)}`);
  }
  writeSync(fd, '"}\n');
  closeSync(fd);
  renameSync(`${file}.tmp`, file);
}

/** About 520 patterns over 40 codes: words, phrases, prefix and suffix wildcards. */
export function generateCodebook(file) {
  const { synthetic } = vocabulary();
  const rand = prng(424242);
  const used = new Set();
  const take = (p) => {
    if (used.has(p)) return null;
    used.add(p);
    return p;
  };
  const lines = ['name: bench', 'version: 1.0.0', 'language: en', 'unit: document', 'categories:'];
  const all = [];
  for (let c = 0; c < 4; c++) {
    lines.push(`  - id: cat${c}`, `    label: Category ${c}`, `    exclusive: ${c === 3}`, '    codes:');
    for (let k = 0; k < 10; k++) {
      const patterns = [];
      while (patterns.length < 13) {
        const r = rand();
        // Mostly rarer words, as a dictionary's terms are; still dense: some 3.5% of tokens match (a stress test of the evidence output).
        const w = synthetic[2500 + Math.floor(rand() * 3500)];
        let p;
        if (r < 0.62) p = w;
        else if (r < 0.65) p = TOPIC_WORDS[Math.floor(rand() * TOPIC_WORDS.length)];
        else if (r < 0.8) p = `${w.slice(0, 6)}*`;
        else if (r < 0.85) p = `*${w.slice(-5)}`;
        else p = PHRASES[Math.floor(rand() * PHRASES.length)];
        p = take(p);
        if (p) patterns.push(p);
      }
      all.push(...patterns);
      lines.push(`      - id: code-${c}-${k}`, `        label: Code ${c}.${k}`, '        definition: generated for the benchmark', '        patterns:');
      for (const p of patterns) lines.push(`          - ${JSON.stringify(p)}`);
    }
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return all;
}

/**
 * The same codebook with the auto-coder's rules in it (issue 14 asks that
 * they cost under 10%): in every code, one word pattern becomes a
 * case-sensitive word (=word), one a NEAR/n, BEFORE/n or NOT NEAR/n rule
 * around it; a quarter of the codes get unless vetoes and a fifth
 * min_matches: 2. The patterns stay the dictionary's, so the matches found
 * stay comparable and the time measures the rules.
 */
export function generateRulesCodebook(plainFile, file) {
  const rand = prng(777);
  const topic = () => TOPIC_WORDS[Math.floor(rand() * TOPIC_WORDS.length)];
  const out = [];
  let code = -1;
  let inCode = 0;
  const flush = () => {
    if (code < 0) return;
    if (code % 4 === 0) out.push(`        unless: [${JSON.stringify(`${topic()} NEAR/2 ${topic()}`)}, ${JSON.stringify(topic())}]`);
    if (code % 5 === 0) out.push('        min_matches: 2');
  };
  for (const line of readFileSync(plainFile, 'utf8').trimEnd().split('\n')) {
    if (/^ {6}- id: /.test(line) || /^ {2}- id: /.test(line)) {
      flush();
      if (/^ {6}/.test(line)) code++;
      inCode = 0;
    }
    const m = /^( {10}- )"([a-z]+)"$/.exec(line);
    if (m && inCode < 2) {
      const w = m[2];
      const k = code + inCode++;
      const rule = inCode === 1 ? `=${w}` : [`${w} NEAR/3 ${topic()}`, `${topic()} BEFORE/3 ${w}`, `${w} NOT NEAR/2 ${topic()}`][k % 3];
      out.push(`${m[1]}${JSON.stringify(rule)}`);
      continue;
    }
    out.push(line);
  }
  flush();
  writeFileSync(file, `${out.join('\n')}\n`.replace('name: bench', 'name: bench-rules'));
}

/** The same patterns as ripgrep regexes (used with -i -w). */
export function rgPatterns(patterns) {
  return patterns.map((p) =>
    p
      .split(' ')
      .map((w) => w.replace(/\*/g, '\\w*'))
      .join('\\s+'),
  );
}

/**
 * `documents` documents of `sentences` short sentences each (two to four
 * words, no paragraph break): a corpus of millions of sentence segments in
 * a few hundred megabytes, for the coding files of that many rows that
 * issue 15 feeds through every command. Written a slice at a time.
 */
export function generateShortSentences(file, documents, sentences) {
  const rand = prng(documents * 31 + sentences);
  const { synthetic } = vocabulary();
  const words = [...TOPIC_WORDS, ...synthetic.slice(2500)];
  const fd = openSync(`${file}.tmp`, 'w');
  for (let d = 1; d <= documents; d++) {
    writeSync(fd, `{"id":"short-${String(d).padStart(6, '0')}","source":"${['wire', 'daily'][d % 2]}","text":"`);
    for (let done = 0; done < sentences; ) {
      const ss = [];
      for (let k = 0; k < 10000 && done < sentences; k++, done++) {
        const n = 2 + Math.floor(rand() * 3);
        const w = [];
        for (let i = 0; i < n; i++) w.push(words[Math.floor(rand() * words.length)]);
        ss.push(`${w[0][0].toUpperCase()}${w.join(' ').slice(1)}.`);
      }
      writeSync(fd, `${done > ss.length ? ' ' : ''}${ss.join(' ')}`);
    }
    writeSync(fd, '"}\n');
  }
  closeSync(fd);
  renameSync(`${file}.tmp`, file);
}
