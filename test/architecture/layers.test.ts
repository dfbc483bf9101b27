import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, folderGraph, importsOf, listSourceFiles } from './import-graph.js';

// House rule 1: src/core is pure, src/io alone does files, src/cli alone sees
// argv, streams, colour and exit codes. Imports only point inward
// (cli → io → core), core folders import each other without cycles, and the
// model module, which every folder may import, imports nothing of ours.
const root = path.resolve(import.meta.dirname, '../../src');
const coreRoot = path.join(root, 'core');

const layerOf = (file: string) => path.relative(root, file).split(path.sep)[0];
const ALLOWED: Record<string, string[]> = { core: ['core'], io: ['core', 'io'], cli: ['core', 'io', 'cli'] };

const coreForbiddenModules = [
  /^(node:)?(fs|fs\/promises|child_process|worker_threads|readline|tty|net|http|https|os|process)$/,
  /^chalk$/,
  /^commander$/,
];

describe('cycle finder', () => {
  it('finds a cycle in a cyclic fixture graph and none in an acyclic one', () => {
    const cyclic = new Map([
      ['codebook', new Set(['match'])],
      ['match', new Set(['segment'])],
      ['segment', new Set(['codebook', 'model'])],
      ['model', new Set<string>()],
    ]);
    expect(findCycles(cyclic)).toEqual([['codebook', 'match', 'segment', 'codebook']]);
    cyclic.get('segment')!.delete('codebook');
    expect(findCycles(cyclic)).toEqual([]);
  });

  it('finds every cycle once, including two-node and overlapping ones', () => {
    const g = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['a', 'c'])],
      ['c', new Set(['a'])],
    ]);
    expect(findCycles(g)).toEqual([
      ['a', 'b', 'a'],
      ['a', 'b', 'c', 'a'],
    ]);
  });
});

describe('layering', () => {
  const all = listSourceFiles(root);

  it('finds the source tree', () => {
    expect(all.length).toBeGreaterThan(5);
  });

  it('has no import cycle between core folders', () => {
    expect(findCycles(folderGraph(coreRoot))).toEqual([]);
  });

  it('has no import cycle between the files of any one core folder', () => {
    for (const [folder] of folderGraph(coreRoot)) {
      const dir = path.join(coreRoot, folder);
      if (!dir.endsWith('.ts')) expect(findCycles(folderGraph(dir)), `files of core/${folder}`).toEqual([]);
    }
  });

  it('the model module imports nothing of ours', () => {
    for (const file of listSourceFiles(path.join(coreRoot, 'model'))) {
      const outside = importsOf(readFileSync(file, 'utf8')).filter(
        (s) => s.startsWith('.') && !path.resolve(path.dirname(file), s).startsWith(path.join(coreRoot, 'model')),
      );
      expect(outside, path.relative(root, file)).toEqual([]);
    }
  });

  for (const file of all) {
    const rel = path.relative(root, file);
    const layer = layerOf(file)!;
    it(`${rel} respects its layer`, () => {
      const src = readFileSync(file, 'utf8');
      for (const spec of importsOf(src)) {
        if (spec.startsWith('.')) {
          const target = layerOf(path.resolve(path.dirname(file), spec));
          expect(ALLOWED[layer], `${rel} imports ${spec}`).toContain(target);
        } else if (layer === 'core') {
          for (const re of coreForbiddenModules) expect(spec, `${rel} imports ${spec}`).not.toMatch(re);
        } else if (layer === 'io') {
          expect(spec, `${rel} imports ${spec}`).not.toMatch(/^(chalk|commander)$/);
        }
      }
      if (layer === 'core') {
        expect(src, `${rel} uses Math.random`).not.toMatch(/Math\.random\s*\(/);
        expect(src, `${rel} reads the clock`).not.toMatch(/Date\.now\s*\(|new Date\(\s*\)|performance\.now/);
        expect(src, `${rel} touches process`).not.toMatch(/\bprocess\.(env|argv|exit|stdout|stderr|stdin|cwd)/);
      }
      if (layer !== 'cli' || !rel.endsWith('bin.ts')) {
        expect(src, `${rel} exits the process`).not.toMatch(/process\.exit\s*\(/);
      }
    });
  }
});
