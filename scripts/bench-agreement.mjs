// Times `qcode agree`'s core on 1,000,000 units × 2 coders with 1,000 bootstrap
// resamples of Krippendorff's α. Run: node scripts/bench-agreement.mjs
// (the lead's `npm run bench` can import and call benchAgreement()).
import { build } from 'esbuild';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

async function loadCore() {
  const out = await build({
    stdin: {
      contents: `
        export { computeAgreementMetrics } from './src/core/agreement/compute-agreement.ts';
        export { buildRatingsTable } from './src/core/agreement/ratings-table.ts';
        export { createRng } from './src/core/random/create-rng.ts';`,
      resolveDir: new URL('..', import.meta.url).pathname,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  const code = out.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

export async function benchAgreement({ units = 1_000_000, resamples = 1_000, seed = 1 } = {}) {
  const { computeAgreementMetrics, createRng } = await loadCore();
  const rng = createRng(seed);
  const data = new Int32Array(units * 2);
  for (let u = 0; u < units; u++) {
    const truth = rng.nextDouble() < 0.3 ? 1 : 0;
    data[2 * u] = truth;
    data[2 * u + 1] = rng.nextDouble() < 0.9 ? truth : 1 - truth;
  }
  const table = { coders: ['a', 'b'], categories: ['1', '0'], values: null, unitCount: units, data };
  const t0 = performance.now();
  const plain = computeAgreementMetrics(table, { level: 'nominal' });
  const t1 = performance.now();
  const boot = computeAgreementMetrics(table, { level: 'nominal', bootstrap: { resamples, seed } });
  const t2 = performance.now();
  return {
    units,
    resamples,
    allCoefficientsMs: t1 - t0,
    withBootstrapMs: t2 - t1,
    alpha: plain.metrics.krippendorff_alpha,
    alphaCi: boot.metrics.krippendorff_alpha_boot_ci,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchAgreement();
  const fmt = (ms) => `${(ms / 1000).toFixed(3)} s`;
  console.log(`agree: ${r.units.toLocaleString('en')} units × 2 coders`);
  console.log(`  every coefficient:                    ${fmt(r.allCoefficientsMs)}`);
  console.log(`  every coefficient + ${r.resamples} bootstrap α: ${fmt(r.withBootstrapMs)}`);
  console.log(`  α = ${r.alpha.toFixed(4)}, 95% CI [${r.alphaCi.map((x) => x.toFixed(4)).join(', ')}]`);
}
