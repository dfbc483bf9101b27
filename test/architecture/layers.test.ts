import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// House rule 1: src/core is pure, src/io alone does files, src/cli alone sees
// argv, streams, colour and exit codes. Imports only point inward.
const root = path.resolve(import.meta.dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of src.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push((m[1] ?? m[2])!);
  }
  return found;
}

const layerOf = (file: string) => path.relative(root, file).split(path.sep)[0];

const coreForbiddenModules = [
  /^(node:)?(fs|fs\/promises|child_process|worker_threads|readline|tty|net|http|https|os|process)$/,
  /^chalk$/,
  /^commander$/,
];

describe('layering', () => {
  const all = files(root);

  it('finds the source tree', () => {
    expect(all.length).toBeGreaterThan(5);
  });

  for (const file of all) {
    const rel = path.relative(root, file);
    const layer = layerOf(file);
    it(`${rel} respects its layer`, () => {
      for (const spec of imports(file)) {
        if (spec.startsWith('.')) {
          const target = layerOf(path.resolve(path.dirname(file), spec));
          if (layer === 'core') expect(target, `${rel} imports ${spec}`).toBe('core');
          if (layer === 'io') expect(['core', 'io'], `${rel} imports ${spec}`).toContain(target);
        } else if (layer === 'core') {
          for (const re of coreForbiddenModules) expect(spec, `${rel} imports ${spec}`).not.toMatch(re);
        } else if (layer === 'io') {
          expect(spec, `${rel} imports ${spec}`).not.toMatch(/^(chalk|commander)$/);
        }
      }
      if (layer === 'core') {
        const src = readFileSync(file, 'utf8');
        expect(src, `${rel} uses Math.random`).not.toMatch(/Math\.random\s*\(/);
        expect(src, `${rel} reads the clock`).not.toMatch(/Date\.now\s*\(|new Date\(\s*\)|performance\.now/);
        expect(src, `${rel} touches process`).not.toMatch(/\bprocess\.(env|argv|exit|stdout|stderr|stdin|cwd)/);
      }
      if (layer !== 'cli' || !rel.endsWith('bin.ts')) {
        expect(readFileSync(file, 'utf8'), `${rel} exits the process`).not.toMatch(/process\.exit\s*\(/);
      }
    });
  }
});
