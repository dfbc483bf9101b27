/** The files `qcode init` writes, relative to the new project folder. */
export function formatStarterProject(name: string): { path: string; content: string }[] {
  const safe = name.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'my-study';
  return [
    {
      path: 'qcode.yaml',
      content: `# qcode project file: where the inputs are, and defaults for every command.
codebook: codebook.yaml   # the codebook (categories, codes, patterns)
corpus: corpus            # a folder of .txt/.md documents, or a .csv/.jsonl file
unit: sentence            # unit of coding: document, paragraph or sentence
out: out                  # where outputs (segments, codings, tables) go
`,
    },
    {
      path: 'codebook.yaml',
      content: `# A qcode codebook. Run \`qcode codebook schema\` for every allowed key,
# and \`qcode validate\` to check this file and the corpus together.
name: ${safe}
version: 0.1.0            # semver: bump it when codes change
title: My study
description: What the study codes, and why.
language: en              # default language of the documents (BCP 47)
unit: sentence
categories:
  - id: topic
    label: Topic
    description: What a segment is about.
    exclusive: false      # true: at most one code of this category per segment
    codes:
      - id: economy
        label: Economy
        definition: The segment discusses jobs, growth, prices, trade or the budget.
        include:
          - Statements about economic conditions or policy.
        exclude:
          - Passing mentions of money with no economic claim.
        examples:
          - Exports grew for the third quarter in a row.
        counterexamples:
          - The minister's car was expensive.
        patterns:         # words, phrases, * wildcards, or /regex/flags
          - economy
          - econom*
          - trade
          - jobs
        color: "#1f77b4"
`,
    },
    {
      path: 'corpus/example.md',
      content: `---
id: example-1
title: An example document
date: 2026-01-01
type: news
source: Example
language: en
---
The economy grew faster than expected. Officials said exports drove the gains.

Trade talks resume next week.
`,
    },
    { path: 'out/.gitkeep', content: '' },
  ];
}
