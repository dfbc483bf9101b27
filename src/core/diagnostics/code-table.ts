/** What the catalogue says about one code: the README/docs table row and the default hint. */
export interface CatalogueText {
  title: string;
  /** What the code means, in one sentence, for docs/errors.md. */
  description: string;
  /** The default hint printed under the message. */
  hint: string;
}

/** One area's codes. Area files declare theirs `as const satisfies CodeTable` so each code is a literal type. */
export type CodeTable = Readonly<Record<`QC${number}`, CatalogueText>>;
