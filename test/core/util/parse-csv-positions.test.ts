import { describe, expect, it } from 'vitest';
import { parseCsvWithPositions } from '../../../src/core/util/parse-csv-positions.js';

describe('parseCsvWithPositions', () => {
  it('reads a quoted field with doubled quotes and line breaks, and counts its lines for the fields after it', () => {
    const r = parseCsvWithPositions('id,text,code\ns1,"say ""hi""\nnext line\n""end""",x\ns2,"",y\n');
    expect(r.errors).toEqual([]);
    expect(r.rows.map((row) => row.fields)).toEqual([['id', 'text', 'code'], ['s1', 'say "hi"\nnext line\n"end"', 'x'], ['s2', '', 'y']]);
    expect(r.rows[1]!.positions[2]).toEqual({ line: 4, col: 10 });
    expect(r.rows[2]!.line).toBe(5);
  });

  it('reads a cell holding a whole long document (a coding sheet at the document unit) as one field', () => {
    const text = `${'Tariffs rose "again", said the minister.\n'.repeat(50_000)}`;
    const csv = `segment_id,text,tariff\nlong:d,"${text.replaceAll('"', '""')}",1\n`;
    const r = parseCsvWithPositions(csv);
    expect(r.rows[1]!.fields).toEqual(['long:d', text, '1']);
    expect(r.rows[1]!.positions[2]!.line).toBe(50_002);
  });

  it('keeps what follows a closing quote, and says so when a quote is never closed', () => {
    expect(parseCsvWithPositions('"a"b,c\n').rows[0]!.fields).toEqual(['ab', 'c']);
    const open = parseCsvWithPositions('x,"never\nclosed');
    expect(open.rows[0]!.fields).toEqual(['x', 'never\nclosed']);
    expect(open.errors).toEqual([{ line: 1, col: 3, message: 'a quoted field is never closed' }]);
  });
});
