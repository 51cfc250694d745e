import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '@shared/hsds/csv';
import { importProblemCodes } from '@shared/hsds/import-problems';

describe('CSV reader (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes, line breaks, CRLF and a byte-order mark', () => {
    const result = parseCsv('\ufeffid,text\r\n1,"a, ""b""\r\nc"\r\n2,plain\n', 10);
    expect(result).toEqual({
      ok: true,
      table: {
        header: ['id', 'text'],
        records: [
          ['1', 'a, "b"\r\nc'],
          ['2', 'plain'],
        ],
        rows: [2, 3],
      },
    });
  });

  it('counts rows as a spreadsheet does: the header is row 1, a multi-line record is one row', () => {
    const result = parseCsv('a,b\n"x\ny",1\n2,3,4\n', 10);
    expect(result).toEqual({ ok: false, row: 3, problem: { code: 'fieldCount', values: { found: 3, expected: 2 } } });
  });

  it('reports an unclosed quote and text after a closing quote', () => {
    expect(parseCsv('a\n"open\n', 10)).toEqual({ ok: false, row: 2, problem: { code: 'csvUnclosedQuote' } });
    expect(parseCsv('a\n"x"y\n', 10)).toEqual({ ok: false, row: 2, problem: { code: 'csvTextAfterQuote' } });
    expect(parseCsv('', 10)).toEqual({ ok: false, row: 1, problem: { code: 'csvEmpty' } });
  });

  it('stops at the row limit', () => {
    expect(parseCsv('a\n1\n2\n3\n', 2)).toMatchObject({ ok: false, problem: { code: 'tooManyRows', values: { limit: 2 } } });
    expect(parseCsv('a\n1\n2\n', 2)).toMatchObject({ ok: true });
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const result = parseCsv(text, 50);
        if (!result.ok) expect(importProblemCodes).toContain(result.problem.code);
      }),
    );
  });
});
