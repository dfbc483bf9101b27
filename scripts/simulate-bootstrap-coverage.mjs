// How often qcode's 95% intervals for Krippendorff's α cover the true α, by
// simulation: two coders rate n units of a binary variable with prevalence
// 95/5; each coder copies the true value with probability r, else draws from
// the prevalence. The true α is taken from a million units. Run:
//   node scripts/simulate-bootstrap-coverage.mjs [--n 40] [--datasets 400] [--resamples 500]
// The figure it prints backs the bootstrap caution in docs/reliability.md.
import { build } from 'esbuild';

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const n = Number(args.n ?? 40);
const datasets = Number(args.datasets ?? 400);
const resamples = Number(args.resamples ?? 500);
const prevalence = Number(args.prevalence ?? 0.05);
const reliability = Number(args.r ?? 0.8);

const out = await build({
  stdin: {
    contents: `export { computeAgreementMetrics } from './src/core/agreement/compute-agreement.ts';
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
const { computeAgreementMetrics, buildRatingsTable, createRng } = await import(
  `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`
);

const rng = createRng(2026);
const value = () => (rng.nextDouble() < prevalence ? 1 : 0);
const unit = () => {
  const truth = value();
  return [0, 1].map(() => (rng.nextDouble() < reliability ? truth : value()));
};
const table = (units) => buildRatingsTable(['a', 'b'], ['no', 'yes'], Array.from({ length: units }, unit));
const trueAlpha = computeAgreementMetrics(table(1_000_000), { level: 'nominal' }).metrics.krippendorff_alpha;

let boot = 0;
let wald = 0;
let bootDefined = 0;
let waldDefined = 0;
for (let i = 0; i < datasets; i++) {
  const m = computeAgreementMetrics(table(n), { level: 'nominal', bootstrap: { resamples, seed: i + 1 } }).metrics;
  const b = m.krippendorff_alpha_boot_ci;
  const w = m.krippendorff_alpha_ci;
  if (Array.isArray(b)) {
    bootDefined++;
    if (b[0] <= trueAlpha && trueAlpha <= b[1]) boot++;
  }
  if (Array.isArray(w)) {
    waldDefined++;
    if (w[0] <= trueAlpha && trueAlpha <= w[1]) wald++;
  }
}
const pct = (x, of) => `${((100 * x) / of).toFixed(1)}% of ${of}`;
console.log(`n = ${n}, prevalence ${1 - prevalence}/${prevalence}, copy rate ${reliability}: true α = ${trueAlpha.toFixed(4)}`);
console.log(`percentile bootstrap (${resamples} resamples) covered α in ${pct(boot, bootDefined)} data sets with an interval`);
console.log(`Wald t interval (Gwet's SE) covered α in ${pct(wald, waldDefined)} data sets with an interval`);
