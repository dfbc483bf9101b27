import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatTables } from '../../src/core/format/format-table.js';
import type { Table } from '../../src/core/format/table.js';
import { codedDemo } from '../helpers/coded-demo.js';
import { runQcode } from '../helpers/run-cli.js';

// Every LaTeX output of the demo study, \input into a minimal document that
// loads only booktabs and longtable, compiled by pdfLaTeX (and XeLaTeX and
// LuaLaTeX where installed): no error, and the default (summary) tables fit
// the page. One document per engine and view, compiled in parallel.
const has = (engine: string) => spawnSync(engine, ['--version']).status === 0;
const engines = ['pdflatex', 'xelatex', 'lualatex'].filter(has);
if (!engines.includes('pdflatex')) {
  console.warn('LaTeX compile test skipped: pdflatex is not installed (apt-get install texlive-latex-base texlive-latex-recommended)');
}

/** Text no LaTeX engine sets as it is: every special character, symbols, scripts pdfLaTeX has no glyph for. */
const hostile: Table = {
  title: 'Hostile text: \\ & % $ # _ { } ~ ^ | < > [x] -- `q` «comillas» χ² p ≤ .05 → ±1',
  columns: [
    { key: 'label', label: '[1] Label' },
    { key: 'text', label: 'Text with κ, α, π, Δ and Ω' },
  ],
  rows: [
    ['[start]', 'Москва 北京 😀 Ąžuolas Þór ŋ \u200b zero-width, tab\tand\nnewline'],
    ['a_b', '100% of $5 at #3 & {x} ~ y^2 \\ z'],
  ],
  footnotes: ['[1] a note that starts with a bracket', 'χ²(2) = 4.2, p = .12; 10⁻³ ≥ x₁'],
};

const outputs: Record<'summary' | 'detail', Record<string, string>> = { summary: {}, detail: {} };

function document(view: 'summary' | 'detail'): string {
  const parts = Object.keys(outputs[view]).map((name) => `\\section*{${name}}\n\\input{${view}-${name}.tex}\n\\clearpage`);
  return ['\\documentclass{article}', '\\usepackage{booktabs,longtable}', '\\begin{document}', ...parts, '\\end{document}', ''].join('\n');
}

const run = promisify(execFile);
async function compile(dir: string, engine: string, view: 'summary' | 'detail'): Promise<string> {
  const job = `${engine}-${view}`;
  writeFileSync(path.join(dir, `${job}.tex`), document(view));
  await run(engine, ['-interaction=nonstopmode', '-halt-on-error', `${job}.tex`], { cwd: dir }).catch(() => undefined);
  return readFileSync(path.join(dir, `${job}.log`), 'latin1');
}

const errors = (log: string) => log.split('\n').filter((l) => l.startsWith('!'));
const overfull = (log: string) =>
  [...log.matchAll(/Overfull \\hbox \(([\d.]+)pt too wide\)[^\n]*/g)].filter((m) => Number(m[1]) > 1).map((m) => m[0]);

describe.skipIf(!engines.includes('pdflatex'))('LaTeX outputs compile', () => {
  const logs = new Map<string, string>();

  beforeAll(async () => {
    const demo = await codedDemo();
    const commands: Record<string, string[]> = {
      agree: ['agree', '--coders', 'coder-a,coder-b'],
      'agree-bootstrap': ['agree', '--coders', 'coder-a,coder-b', '--bootstrap', '50', '--seed', '2026'],
      freq: ['freq', '--coder', 'auto'],
      'freq-by-type': ['freq', '--coder', 'auto', '--by', 'type'],
      'freq-by-doc': ['freq', '--coder', 'auto', '--by', 'doc'],
      'freq-by-month': ['freq', '--coder', 'auto', '--by', 'date', '--bin', 'month'],
      cooccur: ['cooccur', '--coder', 'auto'],
      evaluate: ['evaluate', '--gold', 'gold'],
      themes: ['themes', '--coder', 'auto'],
      codebook: ['codebook', 'export'],
    };
    const tex = mkdtempSync(path.join(tmpdir(), 'qcode-latex-'));
    for (const [name, args] of Object.entries(commands)) {
      for (const view of ['summary', 'detail'] as const) {
        if (name === 'codebook' && view === 'detail') continue;
        const r = await runQcode([...args, '--format', 'latex', '-q', ...(view === 'detail' && name !== 'codebook' ? ['--detail'] : [])], { cwd: demo });
        expect(r.code, `${name}: ${r.stderr}`).toBe(0);
        outputs[view][name] = r.stdout;
        writeFileSync(path.join(tex, `${view}-${name}.tex`), r.stdout);
      }
    }
    const hostileTex = formatTables([hostile], 'latex', { heading: 'Hostile', footer: ['[2] footer note after a table'] });
    outputs.summary.hostile = hostileTex;
    writeFileSync(path.join(tex, 'summary-hostile.tex'), hostileTex);
    const jobs = engines.flatMap((engine) => (['summary', 'detail'] as const).map((view) => [engine, view] as const));
    const results = await Promise.all(jobs.map(([engine, view]) => compile(tex, engine, view)));
    jobs.forEach(([engine, view], i) => logs.set(`${engine}-${view}`, results[i]!));
  }, 120_000);

  for (const engine of engines) {
    for (const view of ['summary', 'detail'] as const) {
      it(`${engine}: every ${view} output compiles without an error`, () => {
        const log = logs.get(`${engine}-${view}`)!;
        expect(errors(log)).toEqual([]);
        expect(log).toMatch(/Output written on/);
      });
    }
  }

  it('the summary tables (LaTeX’s default) fit the page: no overfull line', async () => {
    expect(overfull(logs.get('pdflatex-summary')!)).toEqual([]);
  });

  it('says what the preamble needs, and sets symbols as math', async () => {
    for (const [name, tex] of Object.entries(outputs.summary)) expect(tex, name).toMatch(/^(% .*\n)*% [^\n]*Preamble: /);
    expect(outputs.summary['freq-by-type']).toContain('$\\chi^{2}$');
    expect(outputs.summary.agree).toContain('Cohen’s $\\kappa$');
    expect(outputs.summary['freq-by-doc']).toContain('\\begin{longtable}');
    expect(outputs.summary['freq-by-doc']).toMatch(/Preamble: \\usepackage\{booktabs,longtable\}/);
    expect(outputs.summary.hostile).toContain('\\providecommand{\\qcodeglyph}');
    expect(outputs.summary['freq-by-month']).toMatch(/2026-01.*2026-02/);
  });
});
