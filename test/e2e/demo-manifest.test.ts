import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module without types, shared with `npm start`.
import { demoSteps } from '../../scripts/demo-steps.mjs';
import { copyDemo, runQcode } from '../helpers/run-cli.js';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));

describe('npm start', () => {
  it('every file the demo writes into out/ has its entry in out/manifest.json', async () => {
    const dir = copyDemo();
    for (const step of demoSteps({ bootstrap: 20 }) as string[][]) {
      const r = await runQcode(step, { cwd: dir });
      expect(r.code, `qcode ${step.join(' ')}\n${r.stderr}`).toBe(0);
    }
    const outputs = JSON.parse(readFileSync(path.join(dir, 'out/manifest.json'), 'utf8')).outputs as Record<string, { sha256: string }>;
    // out/.index holds the segment index, a cache of the segmentation and not an output: it has no entry.
    const written = files(path.join(dir, 'out'))
      .map((f) => path.relative(dir, f).split(path.sep).join('/'))
      .filter((f) => f !== 'out/manifest.json' && !f.startsWith('out/.index/'));
    expect(files(path.join(dir, 'out/.index')).length).toBeGreaterThan(0);
    expect(written.length).toBeGreaterThan(25);
    expect(written.filter((f) => !outputs[f])).toEqual([]);
    // And each entry is of the file as it is.
    const { createHash } = await import('node:crypto');
    for (const f of written) expect(outputs[f]!.sha256, f).toBe(createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex'));
  });
});
