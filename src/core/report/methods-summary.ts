import type { MetricValue } from '../agreement/agreement-result.js';
import { intervalOf, isBootstrapInterval } from '../agreement/metric-interval.js';
import { isMissing, type ReportInput } from './report-input.js';

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const count = (n: number) => NUMBER_WORDS[n] ?? String(n);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const fmt = (v: MetricValue | undefined) => (typeof v === 'number' ? v.toFixed(2) : '—');
const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * The methods paragraph of a study, from its outputs: corpus, sample design,
 * pooled reliability with intervals, adjudication and the auto-coder's
 * evaluation, and the most frequent code per category. What `npm start`
 * prints for the demo and the report's first section.
 */
export function formatMethodsSummary(input: ReportInput): string[] {
  const unit = input.unit;
  const lines: string[] = [];
  const sample = isMissing(input.sample) ? null : input.sample;
  const key = sample?.stratify && sample.stratify !== 'doc' ? sample.stratify : null;
  const groups = key ? [...new Set(input.documents.map((d) => d.metadata[key] ?? ''))].sort() : [];
  const docsIn = (g: string) => input.documents.filter((d) => (d.metadata[key!] ?? '') === g).length;
  const byGroup = (f: (g: string) => number) => (key ? ` (${groups.map((g) => `${f(g)} ${g}`).join(', ')})` : '');
  lines.push(
    `The corpus holds ${plural(input.documents.length, 'document')}${byGroup(docsIn)}, segmented into ${plural(input.segmentCount, unit)}${byGroup((g) => sample!.strata[g]?.segments ?? 0)}.`,
  );
  if (!isMissing(input.reliability)) {
    const { result } = input.reliability;
    if (sample) {
      const share = ((100 * sample.sampled) / sample.population).toFixed(0);
      const design = sample.stratify
        ? `stratified by ${sample.stratify} with proportional allocation: ${Object.keys(sample.strata)
            .sort()
            .map((g) => `${sample.strata[g]!.sampled} ${g}`)
            .join(', ')}`
        : 'simple random sample';
      lines.push(
        `${capital(count(result.coders.length))} coders independently double-coded a random ${share}% sample of ${plural(sample.sampled, unit)} (seed ${sample.seed ?? 'not recorded'}; ${design}).`,
      );
    }
    const pooled = result.results.find((r) => r.scope === 'pooled') ?? result.results[0];
    if (pooled) {
      const range = (k: 'cohen_kappa' | 'krippendorff_alpha') => {
        const ci = intervalOf(pooled, k);
        const how = isBootstrapInterval(pooled, k) ? 'bootstrap ' : '';
        return ci ? ` (${how}95% CI ${fmt(ci[0])}–${fmt(ci[1])})` : '';
      };
      const kappa = 'cohen_kappa' in pooled.metrics ? `Cohen's κ = ${fmt(pooled.metrics.cohen_kappa)}${range('cohen_kappa')} and ` : '';
      lines.push(`Pooled over all ${pooled.n} ${unit} × code decisions, ${kappa}Krippendorff's α (nominal) = ${fmt(pooled.metrics.krippendorff_alpha)}${range('krippendorff_alpha')}.`);
    }
  }
  if (!isMissing(input.evaluation)) {
    const e = input.evaluation;
    lines.push(
      `Disagreements were settled into a consensus coder (${e.gold}), against which the dictionary auto-coder was evaluated: micro-averaged precision ${fmt(e.micro.precision.value)}, recall ${fmt(e.micro.recall.value)}, F1 ${fmt(e.micro.f1.value)} over ${plural(e.segments, unit)}.`,
    );
  }
  const top = input.codebook.categories.flatMap((c) => {
    const rows = input.frequencies.rows.filter((r) => r.category === c.id && r.code !== null && r.segments > 0);
    const best = rows.reduce<(typeof rows)[number] | null>((a, r) => (!a || r.segments > a.segments ? r : a), null);
    return best ? [`${c.id}: ${best.code} (${plural(best.segments, unit)}, ${(100 * best.segment_share).toFixed(1)}%)`] : [];
  });
  const reviewed = input.frequencies.groups.reduce((n, g) => n + g.segments, 0);
  if (top.length) lines.push(`Most frequent code per category (coder ${input.coder}, ${reviewed} ${unit}s reviewed): ${top.join('; ')}.`);
  return lines;
}
