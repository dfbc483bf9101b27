// `npm run bench`: qcode's speed and memory on a generated news-like corpus,
// beside ripgrep on the same text. Everything is generated from a fixed seed
// (no download) into bench-data/ (gitignored) and reused on later runs.
//
//   node scripts/bench.mjs [--sizes 100,1000] [--units document,sentence] [--rules without,with] [--suites code,help,agree,commands] [--runs 3]
//                          [--huge-doc 200] [--timeout 1800]
//
// The commands suite (issue 15) runs every command on each corpus size and on
// one document of --huge-doc MB (0: none), each stopped after --timeout s.
//
// Timings are the best of --runs runs of each command (default 3), rg and
// qcode back to back in each run, after the corpus has been read once so both
// find it in the page cache: on a shared machine the slowest runs measure the
// neighbours, not the tools. `cpu ratio` compares user + system seconds.
//
// The table is built from suites: each suite is { name, run(options) } and
// returns rows { suite, case, size_mb, seconds, mb_s, rss_mb, baseline,
// baseline_seconds, ratio }. To add a benchmark (agreement speed, say),
// write a suite and append it to SUITES at the bottom.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { generateCodebook, generateCorpus, generateHugeDocument, generateRulesCodebook, prng, rgPatterns } from './bench-corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, 'bench-data');
// QCODE_BIN: another build to measure (a copy of dist/, so a rebuild during a long run changes nothing).
const qcode = process.env.QCODE_BIN ? path.resolve(process.env.QCODE_BIN) : path.join(root, 'dist', 'qcode.js');

function parseArgs(argv) {
  const opts = { sizes: [100, 1000], units: ['document', 'sentence'], suites: null, runs: 3, runsGiven: false, rules: [false, true], hugeDoc: 200, timeout: 1800 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--sizes') opts.sizes = value() === 'none' ? [] : argv[i].split(',').map(Number);
    else if (a === '--units') opts.units = value().split(',');
    else if (a === '--suites') opts.suites = value().split(',');
    else if (a === '--runs') {
      opts.runs = Number(value());
      opts.runsGiven = true;
    } else if (a === '--huge-doc') opts.hugeDoc = Number(value());
    else if (a === '--timeout') opts.timeout = Number(value());
    else if (a === '--rules') opts.rules = value().split(',').map((v) => v === 'with');
    else throw new Error(`unknown option ${a} (use --sizes 100,1000, --units document,sentence, --rules without,with, --suites code,help,agree,commands, --runs 3, --huge-doc 200, --timeout 1800)`);
  }
  if (opts.sizes.some((s) => !(s > 0))) throw new Error('--sizes takes megabytes, e.g. --sizes 100');
  if (!(opts.hugeDoc >= 0)) throw new Error('--huge-doc takes megabytes (0: no single-document corpus), e.g. --huge-doc 200');
  if (!(opts.timeout > 0)) throw new Error('--timeout takes seconds, e.g. --timeout 1800');
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error('--runs takes a whole number of runs, e.g. --runs 3');
  return opts;
}

// ------------------------------------------------------------------- runner

/** Runs a command under /usr/bin/time -v: wall seconds and peak RSS in MB. */
function timed(cmd, args, options = {}) {
  const hasTime = existsSync('/usr/bin/time');
  const start = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, ...options })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26, ...options });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${(r.stderr ?? '').slice(-2000)}`);
  return { seconds, cpu: user && sys ? Number(user[1]) + Number(sys[1]) : NaN, rssMb: rss ? Number(rss[1]) / 1024 : NaN, stdout: r.stdout };
}

/** The fastest of `runs` timed runs, with the highest peak RSS seen (memory is not noise). */
function bestOf(runs, cmd, args, options) {
  let best = null;
  let rssMb = 0;
  for (let k = 0; k < runs; k++) {
    const r = timed(cmd, args, options);
    rssMb = Math.max(rssMb, r.rssMb);
    if (best === null || r.seconds < best.seconds) best = r;
  }
  return { ...best, rssMb };
}

/** Reads a file once so the timed runs all start with it in the page cache. */
function warmPageCache(file) {
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  try {
    while (readSync(fd, buf, 0, buf.length, null) > 0);
  } finally {
    closeSync(fd);
  }
}

function ensureData(sizeMb) {
  mkdirSync(dataDir, { recursive: true });
  const corpus = path.join(dataDir, `news-${sizeMb}mb.jsonl`);
  if (!existsSync(corpus)) {
    process.stderr.write(`generating ${path.relative(root, corpus)} …\n`);
    generateCorpus(corpus, sizeMb);
  }
  const codebook = path.join(dataDir, 'codebook.yaml');
  const patterns = generateCodebook(codebook);
  const rulesCodebook = path.join(dataDir, 'codebook-rules.yaml');
  generateRulesCodebook(codebook, rulesCodebook);
  const rgFile = path.join(dataDir, 'patterns.rg');
  writeFileSync(rgFile, `${rgPatterns(patterns).join('\n')}\n`);
  return { corpus, codebook, rulesCodebook, rgFile, patterns: patterns.length };
}

/**
 * rg and qcode back to back, `runs` times: on a shared machine the load
 * changes from minute to minute, so each qcode run is compared with the rg
 * run just before it. The ratio is the best qcode time over the best rg time
 * of those pairs; the CPU ratio (user + system seconds) is less sensitive to
 * the neighbours, and counts every thread qcode uses.
 */
function pairedRuns(runs, rgArgs, qcodeArgs) {
  const rg = [];
  const qc = [];
  for (let k = 0; k < runs; k++) {
    if (rgArgs) rg.push(timed('rg', rgArgs));
    qc.push(timed(process.execPath, qcodeArgs));
  }
  const best = (list) => list.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const q = best(qc);
  return {
    qcode: { ...q, rssMb: Math.max(...qc.map((r) => r.rssMb)), cpu: Math.min(...qc.map((r) => r.cpu)) },
    rg: rg.length ? { ...best(rg), cpu: Math.min(...rg.map((r) => r.cpu)) } : null,
  };
}

const codeSuite = {
  name: 'code',
  run(opts) {
    const rows = [];
    const hasRg = spawnSync('rg', ['--version']).status === 0;
    if (!hasRg) process.stderr.write('rg not installed (Debian: apt-get install ripgrep); no baseline\n');
    for (const size of opts.sizes) {
      const { corpus, codebook, rulesCodebook, rgFile, patterns } = ensureData(size);
      const mb = statSync(corpus).size / 1e6;
      warmPageCache(corpus);
      const rgArgs = hasRg ? ['--no-unicode', '-i', '-w', '-f', rgFile, '--count-matches', corpus] : null;
      for (const unit of opts.units) {
        for (const rules of opts.rules) {
          const out = path.join(dataDir, `out-${size}-${unit}${rules ? '-rules' : ''}`);
          const project = path.join(dataDir, `project-${size}-${unit}${rules ? '-rules' : ''}`);
          mkdirSync(project, { recursive: true });
          writeFileSync(
            path.join(project, 'qcode.yaml'),
            `codebook: ${JSON.stringify(rules ? rulesCodebook : codebook)}\ncorpus: ${JSON.stringify(corpus)}\nunit: ${unit}\nout: ${JSON.stringify(out)}\n`,
          );
          const { qcode: run, rg } = pairedRuns(opts.runs, rgArgs, [qcode, 'code', '-C', project, '--force', '-q', '--json']);
          const summary = JSON.parse(run.stdout);
          rows.push({
            suite: 'code',
            case: `${unit}${rules ? ' + rules' : ''} (${patterns} patterns)`,
            size_mb: mb,
            seconds: run.seconds,
            mb_s: mb / run.seconds,
            rss_mb: run.rssMb,
            matches: summary.matches,
            threads: summary.threads,
            baseline: rg ? 'rg -i -w --count-matches' : '',
            baseline_seconds: rg ? rg.seconds : NaN,
            ratio: rg ? run.seconds / rg.seconds : NaN,
            cpu_ratio: rg ? run.cpu / rg.cpu : NaN,
          });
          printRow(rows[rows.length - 1]);
        }
      }
    }
    return rows;
  },
};

/** `qcode --help`: how long a user waits for the CLI to answer at all (issue 2 asks for 150 ms). */
const helpSuite = {
  name: 'help',
  run(opts) {
    const target = 0.15;
    const run = bestOf(Math.max(opts.runs, 5), process.execPath, [qcode, '--help']);
    const row = {
      suite: 'help',
      case: 'qcode --help',
      size_mb: NaN,
      seconds: run.seconds,
      mb_s: NaN,
      rss_mb: run.rssMb,
      baseline: 'target 150 ms',
      baseline_seconds: target,
      ratio: run.seconds / target,
    };
    printRow(row);
    return [row];
  },
};

/** A ratings file of `units` units × 2 coders (30% prevalence, 90% agreement), generated from a fixed seed. */
function ensureRatings(units) {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, `ratings-${units / 1e6}m.csv`);
  if (existsSync(file)) return file;
  process.stderr.write(`generating ${path.relative(root, file)} …\n`);
  const rand = prng(4242);
  const fd = openSync(`${file}.tmp`, 'w');
  let batch = ['unit,a,b'];
  for (let u = 0; u < units; u++) {
    const truth = rand() < 0.3 ? 1 : 0;
    batch.push(`u${u},${truth},${rand() < 0.9 ? truth : 1 - truth}`);
    if (batch.length >= 100_000) {
      writeSync(fd, `${batch.join('\n')}\n`);
      batch = [];
    }
  }
  if (batch.length) writeSync(fd, `${batch.join('\n')}\n`);
  closeSync(fd);
  renameSync(`${file}.tmp`, file);
  return file;
}

/**
 * `qcode agree --ratings` on 1,000,000 units × 2 coders with 1,000 bootstrap
 * resamples, the whole process (issue 12's target: under 1.5 s and 250 MB),
 * beside statsmodels reading the same file and computing Cohen's and Fleiss'
 * κ (scripts/bench-agreement.py; Debian python3-statsmodels). Then the core
 * alone, from scripts/bench-agreement.mjs.
 */
const agreeSuite = {
  name: 'agree',
  async run(opts) {
    const rows = [];
    const units = 1_000_000;
    const file = ensureRatings(units);
    const mb = statSync(file).size / 1e6;
    warmPageCache(file);
    const python = '/usr/bin/python3';
    const hasStatsmodels = existsSync(python) && spawnSync(python, ['-c', 'import statsmodels, pandas']).status === 0;
    if (!hasStatsmodels) process.stderr.write('python3-statsmodels not installed (Debian: apt-get install python3-statsmodels); no baseline\n');
    const base = hasStatsmodels ? bestOf(opts.runs, python, [path.join(root, 'scripts', 'bench-agreement.py'), file]) : null;
    const run = bestOf(opts.runs, process.execPath, [qcode, 'agree', '--ratings', file, '--bootstrap', '1000', '--json']);
    const row = {
      suite: 'agree',
      case: `1M × 2 ratings, --bootstrap 1000`,
      size_mb: mb,
      seconds: run.seconds,
      mb_s: mb / run.seconds,
      rss_mb: run.rssMb,
      baseline: base ? 'statsmodels κ + Fleiss κ' : '',
      baseline_seconds: base ? base.seconds : NaN,
      baseline_rss_mb: base ? base.rssMb : NaN,
      ratio: base ? run.seconds / base.seconds : NaN,
    };
    printRow(row);
    rows.push(row);
    if (base) process.stdout.write(`       statsmodels peak RSS ${base.rssMb.toFixed(0)} MB; target for qcode: < 1.5 s and < 250 MB\n`);

    let r;
    try {
      const { benchAgreement } = await import('./bench-agreement.mjs');
      r = await benchAgreement();
    } catch (err) {
      process.stderr.write(`agree core timing could not run: ${String(err.message).split('\n')[0]}\n`);
      return rows;
    }
    const core = (label, ms) => ({
      suite: 'agree',
      case: `${r.units / 1e6}M units core, ${label}`,
      size_mb: NaN,
      seconds: ms / 1000,
      mb_s: NaN,
      rss_mb: NaN,
      baseline: '',
      baseline_seconds: NaN,
      ratio: NaN,
    });
    for (const c of [core('every coefficient', r.allCoefficientsMs), core(`+${r.resamples} bootstrap`, r.withBootstrapMs)]) {
      printRow(c);
      rows.push(c);
    }
    return rows;
  },
};

// ----------------------------------------------------------------- commands

/** The commands measured against `qcode code` (issue 15), with their arguments. */
const COMMANDS = [
  ['validate', ['validate']],
  ['segment', ['segment', '--force']],
  ['freq', ['freq', '--coder', 'auto']],
  ['export long', ['export', '--format', 'long', '--force']],
  ['export wide', ['export', '--format', 'wide', '--force']],
  ['export jsonl', ['export', '--format', 'jsonl', '--force']],
  ['agree', ['agree', '--coders', 'auto,bob']],
  ['disagreements', ['disagreements', '--coders', 'auto,bob']],
  ['sample', ['sample', '--size', '100', '--seed', '1', '--force']],
  ['kwic', ['kwic', 'tariff']],
  ['themes', ['themes', '--coder', 'auto']],
  ['cooccur', ['cooccur', '--coder', 'auto']],
  ['saturation', ['saturation', '--coder', 'auto']],
  ['evaluate', ['evaluate', '--gold', 'bob']],
  ['report', ['report', '--coders', 'auto,bob', '--force']],
  ['export qdpx', ['export', '--format', 'qdpx', '--coder', 'bob', '--force']],
  ['export xlsx', ['export', '--format', 'xlsx', '--force']],
  // A figure's file named in the corpus' out folder (given as a function of it).
  ['plot frequencies', (out) => ['plot', 'frequencies', '--coder', 'auto', '-o', path.join(out, 'figures', 'frequencies.svg'), '--force']],
  ['plot reliability', (out) => ['plot', 'reliability', '--coders', 'auto,bob', '-o', path.join(out, 'figures', 'reliability.svg'), '--force']],
  // The double-coding round at scale: a sheet of the sample just drawn, filled in by a coder and imported; bob's file rebased; a span coder's spans made unit codings.
  ['sheet', ['sheet', '--coder', 'carol', '--format', 'csv', '--force']],
  ['import', (out) => ['import', path.join(out, 'sheets', 'carol-filled.csv'), '--coder', 'carol', '--force'], (out) => fillSheet(path.join(out, 'sheets', 'carol.csv'), path.join(out, 'sheets', 'carol-filled.csv'))],
  ['rebase', ['rebase', 'bob']],
  ['units', ['units', '--from-spans', 'sam', '--force'], (out, corpus) => writeSpanCoder(corpus, path.join(out, 'codings', 'spans', 'sam.csv'))],
  // Last: it writes a coder (gold) into the project, which no command above reads.
  ['adjudicate', ['adjudicate', '--coders', 'auto,bob', '--as', 'gold', '--prefer', 'auto', '--force']],
];
/** Issue 15's bounds: peak RSS, and time over `qcode code` (segment has the tighter one). */
const RSS_LIMIT_MB = 500;
const ratioLimit = (name) => (name === 'segment' ? 1.5 : 3);

/**
 * A second coder for agree, disagreements and evaluate: the auto coder's rows
 * renamed `bob`, with every ninth uncoded row given a code (deterministic, so
 * the two coders differ in a known way). Streams, as the file can be gigabytes.
 */
async function writeSecondCoder(src, dst) {
  const { createReadStream, createWriteStream } = await import('node:fs');
  const readline = (await import('node:readline')).default;
  const out = createWriteStream(`${dst}.tmp`);
  let i = 0;
  for await (const line of readline.createInterface({ input: createReadStream(src), crlfDelay: Infinity })) {
    if (i++ === 0) {
      out.write(`${line}\n`);
      continue;
    }
    const f = line.split(',');
    f[3] = 'bob';
    if (!f[5] && i % 9 === 0) {
      f[4] = 'cat0';
      f[5] = 'code-0-0';
    }
    if (!out.write(`${f.join(',')}\n`)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r, j) => out.end((err) => (err ? j(err) : r())));
  renameSync(`${dst}.tmp`, dst);
}

/** A CSV field, quoted where it must be. */
const csvField = (v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/**
 * A coder's filled-in sheet: `qcode sheet`'s CSV with the first code marked
 * on every second segment (the rest reviewed, no code), as a coder hands it
 * back. The sheet is the sample's hundred rows: read whole.
 */
async function fillSheet(src, dst) {
  const { readFileSync } = await import('node:fs');
  const { parse } = await import('csv-parse/sync');
  const rows = parse(readFileSync(src, 'utf8').replace(/^\uFEFF/, ''), { relax_column_count: true });
  const codeCol = rows[0].findIndex((h) => h.startsWith('code-'));
  for (let i = 2; i < rows.length; i++) if (i % 2 === 0) rows[i][codeCol] = '1';
  writeFileSync(dst, `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\n')}\n`);
}

/**
 * A span coder (`sam`) for units --from-spans: one span on the first 40
 * code points of every tenth document, code-0-0, its text as the document
 * has it (NFC): 28,000 spans on the gigabyte, a large QDA project (the span
 * file is read whole, about 2 kB of memory a span). Streams the corpus, as
 * it can be gigabytes.
 */
async function writeSpanCoder(corpus, dst) {
  const { createReadStream, createWriteStream } = await import('node:fs');
  const readline = (await import('node:readline')).default;
  mkdirSync(path.dirname(dst), { recursive: true });
  const out = createWriteStream(`${dst}.tmp`);
  out.write('doc_id,start,end,code,text,memo\n');
  let n = 0;
  for await (const line of readline.createInterface({ input: createReadStream(corpus), crlfDelay: Infinity })) {
    if (!line.trim() || n++ % 10 !== 0) continue;
    const doc = JSON.parse(line);
    const text = Array.from(String(doc.text).normalize('NFC').replace(/\r\n?/g, '\n').slice(0, 80)).slice(0, 40).join('');
    const cps = Array.from(text).length;
    if (cps === 0) continue;
    if (!out.write(`${csvField(doc.id)},0,${cps},code-0-0,${csvField(text)},\n`)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r, j) => out.end((err) => (err ? j(err) : r())));
  renameSync(`${dst}.tmp`, dst);
}

/**
 * Runs a qcode command once under /usr/bin/time -v (and `timeout`, so a run
 * that never ends is stopped and the table goes on), stdout discarded: kwic
 * on a gigabyte prints a lot. Never throws: a failed run is a row with its
 * exit status and first diagnostic.
 */
function timedCommand(args, timeoutSeconds) {
  const hasTimeout = existsSync('/usr/bin/timeout');
  const prefix = hasTimeout ? ['/usr/bin/timeout', String(timeoutSeconds)] : [];
  // What the commands before wrote (gigabytes of exports) is flushed first, untimed: its writeback stalled the next command's own writes (report at 1 GB: 99.6 s without this, 74.1 s with it, against code's 26.1 and 25.5 s).
  spawnSync('sync');
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-v', ...prefix, process.execPath, qcode, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  const status = /Exit status: (\d+)/.exec(r.stderr ?? '');
  const problem = /QC\d{3}[^\n]*/.exec(r.stderr ?? '');
  const exit = status ? Number(status[1]) : r.status;
  return {
    seconds,
    rssMb: rss ? Number(rss[1]) / 1024 : NaN,
    exit,
    problem: exit === 124 ? `stopped after ${timeoutSeconds} s` : exit !== 0 ? `exit ${exit}${problem ? `: ${problem[0]}` : ''}`.slice(0, 80) : '',
  };
}

/**
 * Every command on the same corpus, beside `qcode code` on it (issue 15: each
 * within 3× the time of code, segment within 1.5×, all under 500 MB peak RSS).
 * Corpora: --sizes (many news documents, sentence units) and one document of
 * --huge-doc MB with no paragraph break (0 leaves it out). Each command runs
 * once (--runs counts only when given): at a gigabyte a run takes minutes.
 * Rows over a bound are marked `!` in the table.
 */
const commandsSuite = {
  name: 'commands',
  async run(opts) {
    const rows = [];
    const runs = opts.runsGiven ? opts.runs : 1;
    const corpora = opts.sizes.map((size) => ({ label: `${size}mb`, size, corpus: ensureData(size).corpus }));
    if (opts.hugeDoc > 0) {
      const file = path.join(dataDir, `news-one-document-${opts.hugeDoc}mb.jsonl`);
      if (!existsSync(file)) {
        process.stderr.write(`generating ${path.relative(root, file)} …\n`);
        generateHugeDocument(file, opts.hugeDoc);
      }
      corpora.push({ label: `one ${opts.hugeDoc}mb document`, size: opts.hugeDoc, corpus: file, huge: true });
    }
    const codebook = path.join(dataDir, 'codebook.yaml');
    generateCodebook(codebook);
    for (const c of corpora) {
      const name = c.huge ? `one-document-${c.size}` : `${c.size}`;
      const project = path.join(dataDir, `project-commands-${name}`);
      const out = path.join(dataDir, `out-commands-${name}`);
      mkdirSync(project, { recursive: true });
      writeFileSync(
        path.join(project, 'qcode.yaml'),
        `codebook: ${JSON.stringify(codebook)}\ncorpus: ${JSON.stringify(c.corpus)}\nunit: sentence\nout: ${JSON.stringify(out)}\n`,
      );
      const mb = statSync(c.corpus).size / 1e6;
      warmPageCache(c.corpus);
      // The fastest run, with the highest peak RSS of all (memory is not noise).
      const best = (args) => {
        let b = null;
        let rssMb = 0;
        for (let k = 0; k < runs; k++) {
          const r = timedCommand(args, opts.timeout);
          rssMb = Math.max(rssMb, r.rssMb);
          if (b === null || r.seconds < b.seconds) b = r;
        }
        return { ...b, rssMb };
      };
      const code = best(['code', '-C', project, '--force', '-q']);
      if (code.exit !== 0) throw new Error(`qcode code failed on ${c.label}: ${code.problem}`);
      await writeSecondCoder(path.join(out, 'codings', 'auto.csv'), path.join(out, 'codings', 'bob.csv'));
      const row = (command, r) => {
        const ratio = command === 'code' ? 1 : r.seconds / code.seconds;
        const over = r.rssMb > RSS_LIMIT_MB || (command !== 'code' && ratio > ratioLimit(command)) || r.problem !== '';
        return {
          suite: 'commands',
          case: command,
          corpus: c.label,
          size_mb: mb,
          seconds: r.seconds,
          mb_s: mb / r.seconds,
          rss_mb: r.rssMb,
          exit: r.exit,
          problem: r.problem,
          baseline: 'qcode code',
          baseline_seconds: code.seconds,
          ratio,
          over,
        };
      };
      rows.push(row('code', code));
      printCommandRow(rows[rows.length - 1]);
      for (const [command, args, prepare] of COMMANDS) {
        await prepare?.(out, c.corpus);
        rows.push(row(command, best([...(typeof args === 'function' ? args(out) : args), '-C', project])));
        printCommandRow(rows[rows.length - 1]);
      }
    }
    printCommandTable(rows, corpora.map((c) => c.label));
    return rows;
  },
};

const COMMAND_COLUMNS = [
  ['command', 14, (r) => r.case],
  ['corpus', 22, (r) => r.corpus],
  ['seconds', 8, (r) => r.seconds.toFixed(2)],
  ['peak RSS MB', 12, (r) => (Number.isNaN(r.rss_mb) ? '?' : r.rss_mb.toFixed(0))],
  ['x code', 7, (r) => `${r.ratio.toFixed(2)}x`],
  ['', 2, (r) => (r.over ? '!' : '')],
  ['problem', 30, (r) => r.problem],
];
let commandHeaderPrinted = false;
function printCommandRow(r) {
  if (!commandHeaderPrinted) {
    process.stdout.write(`${COMMAND_COLUMNS.map(([h, w]) => h.padEnd(w)).join(' ')}\n`);
    commandHeaderPrinted = true;
  }
  process.stdout.write(`${COMMAND_COLUMNS.map(([, w, f]) => String(f(r)).padEnd(w)).join(' ')}\n`.trimEnd() + '\n');
}

/** The command × corpus table in Markdown: seconds, peak RSS, ratio to code; `!` over a bound. */
function printCommandTable(rows, labels) {
  const cell = (r) => (r ? `${r.seconds.toFixed(1)} s, ${r.rss_mb.toFixed(0)} MB, ${r.ratio.toFixed(1)}×${r.over ? ' !' : ''}${r.problem ? ` (${r.problem})` : ''}` : '');
  const lines = [`| command | ${labels.join(' | ')} |`, `|---|${labels.map(() => '---').join('|')}|`];
  for (const command of ['code', ...COMMANDS.map(([c]) => c)]) {
    lines.push(`| ${command} | ${labels.map((l) => cell(rows.find((r) => r.case === command && r.corpus === l))).join(' | ')} |`);
  }
  process.stdout.write(
    `\ncommand × corpus: wall seconds, peak RSS, time over \`qcode code\` on the same corpus; ! = over ${RSS_LIMIT_MB} MB, over 3× (segment 1.5×) or failed\n${lines.join('\n')}\n`,
  );
}

// -------------------------------------------------------------------- table

const COLUMNS = [
  ['suite', 6, (r) => r.suite],
  ['case', 30, (r) => r.case],
  ['MB', 7, (r) => (Number.isNaN(r.size_mb) ? '-' : r.size_mb.toFixed(0))],
  ['seconds', 8, (r) => r.seconds.toFixed(2)],
  ['MB/s', 7, (r) => (Number.isNaN(r.mb_s) ? '-' : r.mb_s.toFixed(1))],
  ['peak RSS MB', 12, (r) => (Number.isNaN(r.rss_mb) ? '?' : r.rss_mb.toFixed(0))],
  ['matches', 9, (r) => (r.matches === undefined ? '-' : String(r.matches))],
  ['threads', 8, (r) => (r.threads === undefined ? '-' : String(r.threads))],
  ['baseline s', 11, (r) => (Number.isNaN(r.baseline_seconds) ? '-' : r.baseline_seconds.toFixed(2))],
  ['baseline MB/s', 14, (r) => (Number.isNaN(r.baseline_seconds) || Number.isNaN(r.size_mb) ? '-' : (r.size_mb / r.baseline_seconds).toFixed(1))],
  ['time ratio', 10, (r) => (Number.isNaN(r.ratio) ? '-' : `${r.ratio.toFixed(2)}x`)],
  ['cpu ratio', 9, (r) => (r.cpu_ratio === undefined || Number.isNaN(r.cpu_ratio) ? '-' : `${r.cpu_ratio.toFixed(2)}x`)],
];

let headerPrinted = false;
function printRow(r) {
  if (!headerPrinted) {
    process.stdout.write(`${COLUMNS.map(([h, w]) => h.padEnd(w)).join(' ')}\n`);
    headerPrinted = true;
  }
  process.stdout.write(`${COLUMNS.map(([, w, f]) => String(f(r)).padEnd(w)).join(' ')}\n`);
}

// Add suites here; each prints its rows as they finish and returns them.
const SUITES = [codeSuite, helpSuite, agreeSuite, commandsSuite];

const opts = parseArgs(process.argv.slice(2));
if (!existsSync(qcode)) throw new Error('dist/qcode.js is missing: run npm run build first');
process.stdout.write(
  `qcode bench on ${availableParallelism()} cores; best of ${opts.runs} runs, corpus in the page cache; ratio = qcode time / baseline time\n`,
);
const rows = [];
for (const suite of SUITES) if (!opts.suites || opts.suites.includes(suite.name)) rows.push(...(await suite.run(opts)));
writeFileSync(path.join(dataDir, 'results.json'), `${JSON.stringify(rows, null, 2)}\n`);
