import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { codedDemo } from '../helpers/coded-demo.js';
import { runQcode } from '../helpers/run-cli.js';

// `qcode plot` on the demo study: every kind as valid SVG with the marks its
// data call for, PNG and PDF made without a browser, byte-identical reruns.
let dir = '';
beforeAll(async () => {
  dir = await codedDemo();
}, 120_000);

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Every element of a parsed SVG, depth first, as [name, attributes, children]. */
function* elements(nodes: Node[]): Generator<[string, Record<string, string>, Node[]]> {
  for (const n of nodes) {
    const name = Object.keys(n).find((k) => k !== ':@');
    if (!name || name === '#text') continue;
    const children = n[name] as Node[];
    yield [name, n[':@'] ?? {}, children];
    yield* elements(children);
  }
}

function parseSvg(file: string): Node[] {
  const svg = readFileSync(path.join(dir, file), 'utf8');
  expect(XMLValidator.validate(svg)).toBe(true);
  return new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg) as Node[];
}

/** The drawn items of the mark group whose class names `layer`. */
function marks(tree: Node[], layer: string, item: string): number {
  for (const [name, attrs, children] of elements(tree)) {
    if (name === 'g' && (attrs.class ?? '').split(' ').includes(layer)) return [...elements(children)].filter(([n]) => n === item).length;
  }
  return 0;
}

async function plot(args: string[]) {
  const r = await runQcode(['plot', ...args, '-q'], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}

describe('qcode plot on the demo study', () => {
  it('reliability: one point per defined coefficient and one interval per defined interval, per code', async () => {
    await plot(['reliability', '--coders', 'coder-a,coder-b', '--bootstrap', '40', '--seed', '3', '-o', 'out/reliability.svg']);
    const agree = JSON.parse((await runQcode(['agree', '--coders', 'coder-a,coder-b', '--bootstrap', '40', '--seed', '3', '--json'], { cwd: dir })).stdout);
    const shown = agree.results.filter((r: { scope: string }) => r.scope !== 'mean');
    const keys = ['cohen_kappa', 'krippendorff_alpha', 'gwet_ac1'];
    let points = 0;
    let intervals = 0;
    for (const r of shown) {
      for (const k of keys) {
        if (typeof r.metrics[k] === 'number') points++;
        if (typeof r.metrics[k] === 'number' && (Array.isArray(r.metrics[`${k}_ci`]) || Array.isArray(r.metrics[`${k}_boot_ci`]))) intervals++;
      }
    }
    expect(intervals).toBeGreaterThan(shown.length); // κ and α intervals for most codes
    const tree = parseSvg('out/reliability.svg');
    expect(marks(tree, 'layer_1_marks', 'line')).toBe(intervals);
    expect(marks(tree, 'layer_2_marks', 'path')).toBe(points);
    const text = readFileSync(path.join(dir, 'out/reliability.svg'), 'utf8');
    for (const r of shown.filter((x: { scope: string }) => x.scope === 'code')) expect(text).toContain(`>${r.id}</text>`);
  });

  it('frequencies, by group and over time; co-occurrence; saturation; confusion: valid SVG with their marks', async () => {
    await plot(['frequencies', '--coder', 'auto', '-o', 'out/freq.svg']);
    expect(marks(parseSvg('out/freq.svg'), 'mark-rect', 'path')).toBe(9);
    await plot(['frequencies', '--coder', 'auto', '--by', 'type', '-o', 'out/freq-type.svg']);
    expect(marks(parseSvg('out/freq-type.svg'), 'mark-rect', 'path')).toBe(27);
    await plot(['frequencies', '--coder', 'auto', '--by', 'date', '--bin', 'quarter', '-o', 'out/time.svg']);
    const time = readFileSync(path.join(dir, 'out/time.svg'), 'utf8');
    expect(time).toContain('2026-Q1');
    expect(XMLValidator.validate(time)).toBe(true);
    await plot(['cooccurrence', '--coder', 'auto', '-o', 'out/co.svg']);
    expect(marks(parseSvg('out/co.svg'), 'mark-rect', 'path')).toBe(9 * 8);
    await plot(['saturation', '--coder', 'auto', '--order', 'date', '-o', 'out/saturation.svg']);
    const sat = JSON.parse((await runQcode(['saturation', '--coder', 'auto', '--order', 'date', '--json'], { cwd: dir })).stdout);
    const fresh = sat.steps.filter((x: { new_codes: string[] }) => x.new_codes.length > 0).length;
    expect(marks(parseSvg('out/saturation.svg'), 'layer_2_marks', 'path')).toBe(fresh);
    await plot(['confusion', '--coders', 'coder-a,coder-b', '-o', 'out/confusion.svg']);
    expect(XMLValidator.validate(readFileSync(path.join(dir, 'out/confusion.svg'), 'utf8'))).toBe(true);
  });

  it('PNG and PDF without a browser: the font embedded, no clock in the file, byte-identical reruns', async () => {
    await plot(['reliability', '--coders', 'coder-a,coder-b', '-o', 'out/r.png', '--dpi', '150']);
    const png = readFileSync(path.join(dir, 'out/r.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(300);
    await plot(['frequencies', '--coder', 'auto', '--by', 'type', '-o', 'out/f.pdf']);
    const pdf = readFileSync(path.join(dir, 'out/f.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
    await plot(['frequencies', '--coder', 'auto', '--by', 'type', '-o', 'out/f2.pdf']);
    expect(readFileSync(path.join(dir, 'out/f2.pdf')).equals(pdf)).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'out/manifest.json'), 'utf8'));
    expect(manifest.outputs['out/f.pdf'].command).toContain('qcode plot frequencies');
  });

  it('says what is wrong with a bad kind or file name', async () => {
    const r = await runQcode(['plot', 'pie', '-o', 'x.svg'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown figure 'pie'");
    const s = await runQcode(['plot', 'reliability', '-o', 'x.gif'], { cwd: dir });
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('.svg, .png or .pdf');
  });
});
