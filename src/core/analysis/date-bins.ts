import type { Document } from '../model/document.js';
import { MISSING_GROUP } from './group-key.js';

export const DATE_BINS = ['month', 'quarter', 'year'] as const;
export type DateBin = (typeof DATE_BINS)[number];

/**
 * A date's period: `2026-01` (month), `2026-Q1` (quarter) or `2026` (year).
 * Reads ISO dates and their prefixes (2026-01-29, 2026-01, 2026, with a time
 * or not); anything else has no period (null). Periods sort as text.
 */
export function binDate(value: string, bin: DateBin): string | null {
  const m = /^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?\s*$/.exec(value);
  if (!m) return null;
  const year = m[1]!;
  if (bin === 'year') return year;
  if (m[2] === undefined) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return bin === 'month' ? `${year}-${String(month).padStart(2, '0')}` : `${year}-Q${Math.ceil(month / 3)}`;
}

/**
 * The documents with `key` replaced by its period, so frequencies by that key
 * are frequencies over time; a missing or unreadable date is MISSING_GROUP.
 */
export function binDocuments<D extends Pick<Document, 'metadata'>>(documents: readonly D[], key: string, bin: DateBin): D[] {
  return documents.map((d) => ({ ...d, metadata: { ...d.metadata, [key]: binDate(d.metadata[key] ?? '', bin) ?? MISSING_GROUP } }));
}
