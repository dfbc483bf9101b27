// Manual speed check of computeSegments (not a test: timings vary by machine and load).
//   node scripts/bench-segment.mjs [megabytes=50] [unit=sentence] [language=en] [mix=dense|prose]
// Bundles src/core/segment/compute-segments.ts with esbuild into a temporary
// file, builds a synthetic corpus of ~5 KB documents (English and Spanish news
// prose with abbreviations, numbers, URLs, lists, emoji) and reports MB/s of UTF-8 input.
// `dense` packs a full stop every ~25 characters (abbreviations, decimals, short sentences: a worst
// case); `prose` has news-length sentences (~130 characters) with a few abbreviations.
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [megabytes = '50', unit = 'sentence', language = 'en', mix = 'dense'] = process.argv.slice(2);
const dir = await mkdtemp(path.join(tmpdir(), 'qcode-bench-'));
const outfile = path.join(dir, 'segments.mjs');
await build({
  entryPoints: [new URL('../src/core/segment/compute-segments.ts', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile,
  logLevel: 'warning',
});
const { computeSegments } = await import(pathToFileURL(outfile).href);

const dense = [
  'The U.S. Trade Representative met Mexican officials on Jan. 27 to discuss non-tariff barriers.',
  'Tariffs on steel rose 3.5% and the peso fell against the dollar.',
  'Dr. Smith said the talks, e.g. on energy, would resume at 10 a.m. Eastern.',
  '"We will not accept it!" the minister said.',
  'See Art. 35 and No. 7 of the annex at https://example.gov/usmca/annex.html for details.',
  'El Sr. López afirmó que EE. UU. y México firmarán el acuerdo.',
  '¿Habrá aranceles? Nadie lo sabe todavía…',
  'Officials cheered 🎉 after the vote.',
  'The talks failed.The delegates left early.',
  'Negotiators from both countries spent most of the afternoon reviewing the rules of origin for automobiles and auto parts, which remain the most contested chapter.',
  'Several business associations warned that uncertainty over the review would delay investment decisions in manufacturing plants along the northern border.',
  'La secretaria de Economía explicó que el gobierno mantendrá el diálogo con sus socios comerciales y que no aceptará medidas unilaterales.',
];
const prose = [
  ...dense.slice(-3),
  'The U.S. delegation, led by Ambassador Jamieson Greer, arrived on Monday and met Mexican negotiators for more than six hours.',
  'Officials said the review of the agreement would continue through the summer, and that no decision on tariffs had been taken yet.',
  'Analysts at several banks expect growth of about 1.5% this year, although they warned that the outlook depends on the talks.',
  'El Sr. López dijo que el gobierno defenderá la soberanía nacional y que mantendrá la cooperación en materia de seguridad.',
];
const sentences = mix === 'prose' ? prose : dense;
let seed = 42;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
function makeDocument() {
  const parts = [];
  let size = 0;
  while (size < 5000) {
    const r = next();
    const s = r < 0.06 ? '\n\n' : r < 0.1 ? `\n- ${sentences[Math.floor(next() * sentences.length)]}` : ` ${sentences[Math.floor(next() * sentences.length)]}`;
    parts.push(s);
    size += s.length;
  }
  return parts.join('').trim();
}

const targetBytes = Number(megabytes) * 1e6;
const docs = [];
let bytes = 0;
while (bytes < targetBytes) {
  const text = makeDocument();
  docs.push({ id: `doc-${docs.length + 1}`, text, metadata: {}, source: { file: 'bench' } });
  bytes += Buffer.byteLength(text);
}

// A loop that only reads every char code: the ceiling for any scanner on this machine and string layout.
// CPU time rather than wall time: on a shared machine it is steadier.
function cpuSeconds(since) {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

function baseline() {
  let dots = 0;
  const t0 = process.cpuUsage();
  for (const d of docs) {
    const t = d.text;
    for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 46) dots++;
  }
  return { count: dots, seconds: cpuSeconds(t0) };
}

function run() {
  let count = 0;
  const t0 = process.cpuUsage();
  for (const d of docs) count += computeSegments(d, unit, language).length;
  return { count, seconds: cpuSeconds(t0) };
}
run(); // warm-up
const runs = [run(), run(), run()];
const best = Math.min(...runs.map((r) => r.seconds));
baseline();
const floor = Math.min(...[baseline(), baseline(), baseline()].map((r) => r.seconds));
console.log(
  `${docs.length} documents, ${(bytes / 1e6).toFixed(1)} MB (${mix}), ${runs[0].count} ${unit} segments (${language}): ` +
    `best ${best.toFixed(3)} s CPU = ${(bytes / 1e6 / best).toFixed(0)} MB/s ` +
    `(a bare char-code loop over the same text: ${(bytes / 1e6 / floor).toFixed(0)} MB/s)`,
);
await rm(dir, { recursive: true, force: true });
