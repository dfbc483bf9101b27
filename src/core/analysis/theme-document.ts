import { normalizeText } from '../corpus/normalize-text.js';
import type { DocumentCoder, TextBytes } from '../match/code-document.js';
import { decodeJsonString } from '../match/decode-json-slice.js';
import { countListedMatches } from '../match/evidence.js';
import { TokenLog } from '../match/match-run.js';
import { logWords, SegmentWordCursor } from '../match/scan-words.js';
import type { ContentTermCounter } from './content-terms.js';

/** Where a segment lies in its document (code points) and its text. */
interface SegmentAt {
  start: number;
  end: number;
  text: string;
}

/**
 * One document of a themes pass, scanned once: the scan that finds the
 * matcher's matches (the auto-coder's, for exemplar ranking) also logs every
 * word, and each segment's content terms are read off that log
 * (SegmentWordCursor), not from a scan of its own. Without a coder (no
 * exemplars) the words alone are scanned. Segments are asked in document
 * order; a segment whose edges cut a word is scanned alone, as before.
 */
export class ThemeDocument {
  private readonly log = new TokenLog();
  private words: SegmentWordCursor | null = null;

  constructor(
    private readonly counter: ContentTermCounter,
    private readonly coder: DocumentCoder | null,
  ) {}

  /** Scans the next document's (normalised) text. */
  begin(text: string): void {
    if (this.coder) this.coder.scanText(text, this.log);
    else logWords(text, this.log);
    this.words = new SegmentWordCursor(text, this.log);
  }

  /**
   * begin for a text's bytes (a JSONL line's text field where it lies): the
   * coder scans them in place when they are the normalised text, so the
   * common document is neither parsed with its line nor encoded again.
   */
  beginBytes(source: TextBytes): void {
    if (!this.coder) return this.begin(normalizeText(decodeJsonString(source.buf, source.from, source.to, false)));
    const text = this.coder.scanBytes(source, this.log);
    this.words = new SegmentWordCursor(text, this.log, this.coder.codePoints);
  }

  /** The text [start, end) (code points) of the document begun, cut with the word cursor's own code-point cursor (one look for surrogates a document). */
  slice(start: number, end: number): string {
    const words = this.words!;
    return words.text.slice(words.unitAt(start), words.unitAt(end));
  }

  /** Scratch for a segment's terms: the callers (ThemeCounts, ExemplarCandidates, ExemplarPicker) use them at once or copy them. */
  private readonly scratch: number[] = [];

  /** The segment's content terms in text order, by number (ContentTermCounter.termIds of its text); `count`: their spellings are counted. The array is reused by the next call. */
  terms(segment: SegmentAt, count: boolean): number[] {
    const words = this.words!;
    if (words.range(segment.start, segment.end)) return this.counter.logTermIds(this.log, words.from, words.to, count, this.scratch);
    return count ? this.counter.termIds(segment.text) : this.counter.lookupIds(segment.text);
  }

  /** The segment's matches per code, as its evidence lists them (needs a coder; segments in document order). */
  matches(segment: SegmentAt): (code: string) => number {
    const coder = this.coder!;
    const counts = countListedMatches(coder.m, coder.resolve(segment.start, segment.end, coder.m.regexPatterns.length > 0 ? segment.text : null));
    return (code) => counts.get(code) ?? 0;
  }
}
