/**
 * The report's stylesheet: system fonts (nothing to fetch), a readable
 * measure on a laptop, compact tables, and for print: A4/letter margins, no
 * figure or table split across pages, links shown as text.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --accent: #0072B2; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 64rem; padding: 1.5rem 2rem 4rem; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .75rem; padding-top: .5rem; border-top: 1px solid var(--rule); }
h3 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
.meta, .notes, figcaption, .missing { color: var(--muted); }
.notes { font-size: .85rem; margin: .35rem 0 0; }
.missing { font-style: italic; }
a { color: var(--accent); }
nav ol { columns: 2; list-style: none; padding-left: 0; margin: 0; }
code { font-size: .9em; background: #f3f3f3; padding: 0 .2em; border-radius: 3px; }
.table-wrap { overflow-x: auto; margin: 1rem 0 1.5rem; }
table { border-collapse: collapse; font-size: .875rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding-bottom: .4rem; caption-side: top; }
th, td { padding: .25rem .6rem; text-align: left; vertical-align: top; border-bottom: 1px solid #eee; }
thead th { border-bottom: 1.5px solid var(--ink); }
tbody tr:last-child th, tbody tr:last-child td { border-bottom: 1.5px solid var(--ink); }
tbody th { font-weight: normal; }
.num { text-align: right; white-space: nowrap; }
figure.chart { margin: 1.5rem 0; }
/* Figures are drawn at a journal column's width in points: scaled up to be read on a screen. */
figure.chart .svg svg { width: 100%; height: auto; display: block; }
figure.chart .svg { max-width: 36rem; }
figcaption { font-size: .9rem; margin-top: .5rem; max-width: 48rem; }
details { margin-top: .5rem; font-size: .9rem; }
summary { cursor: pointer; color: var(--accent); }
@media (max-width: 40rem) { body { padding: 1rem; } nav ol { columns: 1; } }
@media print {
  @page { margin: 18mm 16mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-before: auto; break-after: avoid; border-top: none; }
  h3 { break-after: avoid; }
  figure, table, .table-wrap { break-inside: avoid; }
  figure.chart .svg { max-width: 12cm; }
  .table-wrap { overflow: visible; }
  details { display: none; }
  a { color: inherit; text-decoration: none; }
  nav { break-after: page; }
}
`;
