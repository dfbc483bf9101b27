import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QcodeError } from '../../../src/core/diagnostics/qcode-error.js';
import { importRefiProject } from '../../../src/core/refi/import-refi-project.js';
import { parseRefiProject } from '../../../src/core/refi/parse-refi-project.js';
import { parseSpanCsv } from '../../../src/core/spans/parse-span-file.js';
import { parseXml } from '../../../src/io/refi/parse-xml.js';

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const QDE = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="t"><Users><User guid="${G(1)}" name="a"/></Users>
<CodeBook><Codes><Code guid="${G(2)}" name="A" isCodable="true"><Code guid="${G(3)}" name="B" isCodable="true"/></Code></Codes></CodeBook>
<Sources><TextSource guid="${G(4)}" name="d"><PlainTextContent>Some text here.</PlainTextContent>
<PlainTextSelection guid="${G(5)}" startPosition="0" endPosition="4" creatingUser="${G(1)}"><Coding guid="${G(6)}"><CodeRef targetGUID="${G(3)}"/></Coding></PlainTextSelection>
</TextSource></Sources></Project>`;

/** Whatever the input, the outcome is a result or diagnostics: never a crash. */
function outcome(xml: string): string {
  try {
    const parsed = parseRefiProject(parseXml(xml, 'p.qde'), 'p.qde');
    if (parsed.project && !parsed.diagnostics.some((d) => d.severity === 'error')) importRefiProject(parsed.project, new Map(), { file: 'p.qde', name: 'p' });
    return 'ok';
  } catch (e) {
    if (e instanceof QcodeError) return e.diagnostics[0]!.code;
    throw e;
  }
}

describe('REFI parsing never crashes', () => {
  it('on a project cut short anywhere: it parses, or QC802 names the line', () => {
    fc.assert(
      fc.property(fc.nat(QDE.length), (cut) => {
        expect(['ok', 'QC801', 'QC802']).toContain(outcome(QDE.slice(0, cut)));
      }),
    );
  });

  it('on a project with any attribute value garbled', () => {
    const values = [...QDE.matchAll(/="([^"]*)"/g)];
    fc.assert(
      fc.property(fc.nat(values.length - 1), fc.string({ maxLength: 8 }), (i, junk) => {
        const m = values[i]!;
        const xml = QDE.slice(0, m.index! + 2) + junk.replace(/["<&]/g, '') + QDE.slice(m.index! + m[0].length - 1);
        expect(['ok', 'QC801', 'QC802', 'QC803']).toContain(outcome(xml));
      }),
    );
  });

  it('span files: any text gives rows or diagnostics', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('d', '1', ',', '"', '\n', 'x', ' ', 'é') }), (body) => {
        const r = parseSpanCsv(`doc_id,start,end,code,text,memo\n${body}`, 's.csv');
        expect(Array.isArray(r.rows) && Array.isArray(r.diagnostics)).toBe(true);
      }),
    );
  });
});
