/** Where the evidence goes: beside the coding file, `<name>.matches.csv`. */
export function evidencePathFor(codingFile: string): string {
  return `${codingFile.replace(/\.(csv|jsonl)$/i, '')}.matches.csv`;
}
