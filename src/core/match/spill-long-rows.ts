import type { ByteRows } from '../util/byte-rows.js';

/** What coders append rows to: coding rows and evidence rows. */
export interface RowText {
  codings: ByteRows;
  evidence: ByteRows;
  /** Writes out the rows waiting (a document's so far): see spillLongRows. */
  spill?: () => void;
}

/** Rows a document may gather before they are written out in the middle of it. */
const SPILL_BYTES = 4 << 20;

/**
 * Between two rows of one document: when its rows waiting have grown large
 * (a 200 MB document's 1.8 million rows were 300 MB of buffer, twice that
 * while it grew), the sink writes them out. Rows are only ever appended, so
 * what is written stays written.
 */
export function spillLongRows(out: RowText): void {
  if (out.spill && out.codings.length + out.evidence.length >= SPILL_BYTES) out.spill();
}
