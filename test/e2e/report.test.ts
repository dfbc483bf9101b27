import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codedDemo } from '../helpers/coded-demo.js';
import { REPO, runQcode } from '../helpers/run-cli.js';

// `qcode report` on the demo study: one self-contained HTML file, checked as
// text (no reference outside the file, accessible structure, byte-identical
// rerun) and in headless Chromium (no console error, no request leaving the
// file, every chart drawn), with a 1280×800 screenshot and a PDF print in
// test-artifacts/ for people to look at.
const CHROMIUM = process.env.QCODE_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`report browser test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set QCODE_CHROMIUM)`);
const ARTIFACTS = path.join(REPO, 'test-artifacts');

let dir = '';
let html = '';
let browser: Promise<{ browser: Browser; page: Page }> | undefined;
beforeAll(async () => {
  // Chromium starts with its page (seconds, in its own processes) while the demo is coded and
  // reported in this one; a failed start fails the browser test, which awaits it.
  if (hasChromium) {
    browser = launchChromium();
    browser.catch(() => undefined);
  }
  dir = await codedDemo();
  const r = await runQcode(['report', '--coder', 'auto', '--bootstrap', '50', '--seed', '2026', '-q'], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  html = readFileSync(path.join(dir, 'out/report.html'), 'utf8');
}, 120_000);
afterAll(async () => {
  await (await browser?.catch(() => undefined))?.browser.close();
});

async function launchChromium(): Promise<{ browser: Browser; page: Page }> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { browser, page: await browser.newPage({ viewport: { width: 1280, height: 800 } }) };
}

describe('qcode report', () => {
  it('is one file under 3 MB that refers to nothing outside itself, in the manifest, the same on a rerun', async () => {
    expect(statSync(path.join(dir, 'out/report.html')).size).toBeLessThan(3 * 1024 * 1024);
    expect(html).not.toMatch(/<(script|link|iframe|img)\b/i);
    expect(html).not.toMatch(/(src|href)="(?!#)/i);
    expect(html).not.toMatch(/url\((?!#)/i);
    expect(html).toContain("default-src 'none'");
    const manifest = JSON.parse(readFileSync(path.join(dir, 'out/manifest.json'), 'utf8'));
    expect(manifest.outputs['out/report.html'].command).toContain('qcode report');
    await runQcode(['report', '--coder', 'auto', '--bootstrap', '50', '--seed', '2026', '-q'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'out/report.html'), 'utf8')).toBe(html);
  });

  it('has every section, headings in order, tables with headers, charts with text alternatives', async () => {
    for (const id of ['methods', 'codebook', 'sample', 'reliability', 'evaluation', 'frequencies', 'cooccurrence', 'themes', 'provenance']) {
      expect(html).toContain(`<section id="${id}"`);
      expect(html).toContain(`href="#${id}"`);
    }
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    levels.forEach((l, i) => i > 0 && expect(l - levels[i - 1]!).toBeLessThanOrEqual(1));
    const tables = html.split('<table>').length - 1;
    expect(html.split('<th scope="col"').length - 1).toBeGreaterThanOrEqual(tables);
    const charts = [...html.matchAll(/<svg role="img" aria-labelledby="([^"]+)"/g)].map((m) => m[1]);
    expect(charts).toEqual(['figure-reliability-caption', 'figure-confusion-caption', 'figure-frequencies-caption', 'figure-timeline-caption', 'figure-cooccurrence-caption']);
    for (const id of charts) expect(html).toContain(`<figcaption id="${id}">`);
    expect(html).toContain('Two coders independently double-coded a random 20% sample of 70 sentences (seed 2026');
    // The coder of the analyses and its coverage, in the header and the tables' captions.
    expect(html).toContain('coder auto: 350 of 350 segments reviewed ·');
    expect(html).toMatch(/<caption>Table \d+\. Code frequencies \(coder auto: 350 of 350 segments reviewed\)<\/caption>/);
  });

  it('analyses the auto-coder unless told otherwise, though an adjudicated gold coder exists', async () => {
    const r = await runQcode(['report', '--methods', '--bootstrap', '10'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('coder auto: 350 of 350 segments reviewed');
    expect(r.stdout).toContain('Most frequent code per category (coder auto, 350 sentences reviewed)');
    const gold = await runQcode(['report', '--methods', '--bootstrap', '10', '--coder', 'gold'], { cwd: dir });
    expect(gold.stdout).toContain('Most frequent code per category (coder gold, 70 sentences reviewed)');
  });

  it.skipIf(!hasChromium)('renders in headless Chromium: no console error, no request leaves the file, every chart drawn', async () => {
    const { page } = await browser!;
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(path.join(dir, 'out/report.html')).href;
    await page.goto(url, { waitUntil: 'load' });
    expect(problems).toEqual([]);
    expect(requests.filter((u) => u !== url && !u.startsWith('data:'))).toEqual([]);
    const sizes = await page.$$eval('figure.chart svg', (svgs) => svgs.map((s) => s.getBoundingClientRect()).map((r) => [r.width, r.height]));
    expect(sizes).toHaveLength(5);
    for (const [w, h] of sizes) expect(w! * h!).toBeGreaterThan(10_000);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'report-1280x800.png') });
    await page.pdf({ path: path.join(ARTIFACTS, 'report.pdf'), format: 'A4', printBackground: true });
    expect(statSync(path.join(ARTIFACTS, 'report.pdf')).size).toBeGreaterThan(10_000);
  });
});
