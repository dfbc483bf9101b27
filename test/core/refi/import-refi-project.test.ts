import { describe, expect, it } from 'vitest';
import { importRefiProject } from '../../../src/core/refi/import-refi-project.js';
import { parseRefiProject } from '../../../src/core/refi/parse-refi-project.js';
import { parseXml } from '../../../src/io/refi/parse-xml.js';

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

// A project exercising what real exports do: cases with variables, "key: value" sets, a
// whole-source coding, a coding naming a user the selection does not, a user missing from
// <Users>, a coding naming nobody, a repeated coding, a selection past the end, an unknown code.
const QDE = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="t" origin="SomeTool 1.0">
  <Users><User guid="${G(1)}" name="Anna Ö"/><User guid="${G(2)}" name="ben"/></Users>
  <CodeBook><Codes>
    <Code guid="${G(10)}" name="Topic" isCodable="false">
      <Code guid="${G(11)}" name="Trade" isCodable="true" color="#F80"><Description>About trade.

Include:
- tariffs</Description></Code>
      <Code guid="${G(12)}" name="Farms" isCodable="true"><Code guid="${G(13)}" name="Dairy" isCodable="true"/></Code>
    </Code>
    <Code guid="${G(14)}" name="Other" isCodable="true"/>
  </Codes></CodeBook>
  <Variables><Variable guid="${G(20)}" name="Age group" typeOfVariable="Text"/></Variables>
  <Cases><Case guid="${G(30)}" name="Respondent 1"><VariableValue><VariableRef targetGUID="${G(20)}"/><TextValue>30-39</TextValue></VariableValue><SourceRef targetGUID="${G(40)}"/></Case></Cases>
  <Sources>
    <TextSource guid="${G(40)}" name="Interview 1.docx" plainTextPath="internal://${G(40)}.txt">
      <PlainTextSelection guid="${G(50)}" startPosition="0" endPosition="5" creatingUser="${G(2)}">
        <Description>first words</Description>
        <Coding guid="${G(51)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(11)}"/></Coding>
        <Coding guid="${G(52)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(11)}"/></Coding>
        <Coding guid="${G(53)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(99)}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${G(54)}" startPosition="6" endPosition="11"><Coding guid="${G(55)}"><CodeRef targetGUID="${G(13)}"/></Coding></PlainTextSelection>
      <PlainTextSelection guid="${G(56)}" startPosition="6" endPosition="99" creatingUser="${G(3)}"><Coding guid="${G(57)}"><CodeRef targetGUID="${G(14)}"/></Coding></PlainTextSelection>
      <Coding guid="${G(58)}" creatingUser="${G(2)}"><CodeRef targetGUID="${G(14)}"/></Coding>
    </TextSource>
    <TextSource guid="${G(41)}" name="notes"><PlainTextContent>Inline text.</PlainTextContent>
      <PlainTextSelection guid="${G(59)}" startPosition="0" endPosition="6" creatingUser="${G(3)}"><Coding guid="${G(60)}"><CodeRef targetGUID="${G(12)}"/></Coding></PlainTextSelection>
    </TextSource>
  </Sources>
  <Sets><Set guid="${G(70)}" name="region: north"><MemberSource targetGUID="${G(40)}"/></Set><Set guid="${G(71)}" name="Pilot"><MemberSource targetGUID="${G(41)}"/></Set></Sets>
</Project>`;

function run() {
  const parsed = parseRefiProject(parseXml(QDE, 'p.qde'), 'p.qde');
  expect(parsed.diagnostics).toEqual([]);
  return importRefiProject(parsed.project!, new Map([[G(40), 'Hello world, again.\r\n']]), { file: 'p.qde', name: 't' });
}

describe('importing a REFI project', () => {
  it('maps the code tree: a parent becomes a category, deeper levels flattened with their path', () => {
    const { codebook } = run();
    expect(codebook.categories.map((c) => [c.id, c.codes.map((k) => `${k.id}=${k.label}`)])).toEqual([
      ['topic', ['trade=Trade', 'farms=Farms', 'dairy=Farms / Dairy']],
      ['codes', ['other=Other']],
    ]);
    expect(codebook.categories[0]!.codes[0]).toMatchObject({ definition: 'About trade.', include: ['tariffs'], color: '#FF8800', guid: G(11) });
  });

  it('makes documents with metadata from cases, variables and sets', () => {
    const { documents } = run();
    expect(documents.map((d) => [d.id, d.text, d.metadata])).toEqual([
      ['interview-1', 'Hello world, again.\n', { title: 'Interview 1.docx', case: 'Respondent 1', age_group: '30-39', region: 'north', guid: G(40) }],
      ['notes', 'Inline text.', { sets: 'Pilot', guid: G(41) }],
    ]);
  });

  it('gives each coding to the user its Coding names, else its selection’s, and reports what it could not place', () => {
    const { coders, diagnostics, report } = run();
    expect(coders.map((c) => [c.coder, c.spans.map((s) => `${s.doc_id}[${s.start},${s.end})${s.code}:${s.text}`)])).toEqual([
      ['Anna-O', ['interview-1[0,5)trade:Hello']],
      ['ben', ['interview-1[0,20)other:Hello world, again.\n']],
      ['unattributed', ['interview-1[6,11)dairy:world']],
      ['user-00000000', ['notes[0,6)farms:Inline']],
    ]);
    expect(coders[0]!.spans[0]!.memo).toBe('first words');
    expect(report).toMatchObject({ duplicatesMerged: 1, coderConflicts: 2, codingsRead: 7, codingsImported: 4 });
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['QC805', 'QC806', 'QC808', 'QC812']);
  });
});
