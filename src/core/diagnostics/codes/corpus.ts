import type { CodeTable } from '../code-table.js';

/** QC3xx: corpora and segments. */
export const corpusCodes = {
  QC301: {
    title: 'unsupported corpus',
    description: 'The corpus path is neither a folder of .txt/.md files nor a .csv or .jsonl file.',
    hint: 'Point corpus: (or --corpus) at a folder of .txt/.md files, a .csv or a .jsonl file.',
  },
  QC302: {
    title: 'invalid UTF-8',
    description: 'A file holds bytes that are not valid UTF-8; the message names the byte offset.',
    hint: 'Re-save the file as UTF-8 (in most editors: Save with encoding → UTF-8).',
  },
  QC303: {
    title: 'duplicate document id',
    description: 'Two documents have the same id.',
    hint: 'Give each document a unique id (front matter id:, the id column, or the file name).',
  },
  QC304: {
    title: 'empty document',
    description: 'A document has no text, so it yields no segments.',
    hint: 'Add the text or remove the document from the corpus.',
  },
  QC305: {
    title: 'wrong number of CSV fields',
    description: 'A CSV row has more or fewer fields than the header.',
    hint: 'Quote fields that contain commas, quotes or line breaks ("a, b"; "say ""hi""").',
  },
  QC306: {
    title: 'missing id or text column',
    description: 'A CSV or JSONL corpus lacks the id or text column.',
    hint: 'Name the columns id and text, or map them with --id-column and --text-column (or id_column/text_column in qcode.yaml).',
  },
  QC307: {
    title: 'invalid JSONL line',
    description: 'A line of a JSONL corpus is not a JSON object.',
    hint: 'Each line must be one JSON object such as {"id": "d1", "text": "…"}.',
  },
  QC308: {
    title: 'invalid front matter',
    description: "A document's YAML front matter is not a mapping or has a value of the wrong kind.",
    hint: 'Front matter sits between two --- lines at the top of the file and holds key: value pairs.',
  },
  QC309: {
    title: 'invalid document id',
    description: 'A document id is empty or contains white space or a colon (segment ids are <doc_id>:<unit><n>).',
    hint: 'Use letters, digits, dots, dashes and underscores in document ids.',
  },
  QC310: {
    title: 'empty corpus',
    description: 'The corpus holds no documents.',
    hint: 'Add .txt or .md files to the corpus folder, or rows to the corpus file.',
  },
} as const satisfies CodeTable;
