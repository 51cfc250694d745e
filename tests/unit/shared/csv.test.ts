import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { correctionListCsv } from '@renderer/features/directory/corrections';
import { casesToHtcdsCsv } from '@shared/cases';
import { guardCell, unguardCell, writeCsv } from '@shared/csv';
import { parseCsv } from '@shared/hsds/csv';
import { exportHsdsPackage } from '@shared/hsds/export';
import { sampleCase } from '../cases/fixtures';
import { directoryEntry } from '../../support/directory';

const formulas = ['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', "'=1+1", "''@x"];

describe('CSV writer', () => {
  it('quotes fields with a comma, quote or line break, doubles quotes and ends every line with CRLF (RFC 4180)', () => {
    expect(
      writeCsv(
        ['id', 'text'],
        [
          ['1', 'a, b'],
          ['2', 'say "hi"'],
          ['3', 'two\nlines'],
          ['4', 'cr\r'],
          ['5', ''],
        ],
      ),
    ).toBe('id,text\r\n1,"a, b"\r\n2,"say ""hi"""\r\n3,"two\nlines"\r\n4,"cr\r"\r\n5,\r\n');
  });

  it.each(formulas)('guards %j, which a spreadsheet would run as a formula, reversibly', (value) => {
    expect(guardCell(value)).toBe(`'${value}`);
    expect(unguardCell(guardCell(value))).toBe(value);
    expect(
      writeCsv(['a'], [[value]])
        .split('\r\n')[1]!
        .replace(/^"/, ''),
    ).toMatch(/^'/);
  });

  it('leaves every other cell as it is', () => {
    for (const value of ['Amira', '2026-04', "'s-Hertogenbosch", 'a=b', ' =1', '', '١٢٣']) {
      expect(guardCell(value)).toBe(value);
      expect(unguardCell(value)).toBe(value);
    }
    expect(writeCsv(['a', 'b', 'c', 'd'], [['=SUM(A1)', '+44 1', '-1', '@x']])).toBe("a,b,c,d\r\n'=SUM(A1),'+44 1,'-1,'@x\r\n");
  });

  it('writes what the HSDS reader reads back, for any table of strings', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 4 })
          .chain((width) =>
            fc.tuple(
              fc.array(fc.string({ minLength: 1 }), { minLength: width, maxLength: width }),
              fc.array(fc.array(fc.string(), { minLength: width, maxLength: width }), { maxLength: 5 }),
            ),
          ),
        ([header, records]) => {
          // A record of one empty field is a blank line, which readers skip; CSV cannot say otherwise.
          const kept = records.filter((r) => !(r.length === 1 && r[0] === ''));
          const result = parseCsv(writeCsv(header, kept), 100);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.table.header.map(unguardCell)).toEqual(header);
          expect(result.table.records.map((r) => r.map(unguardCell))).toEqual(kept);
        },
      ),
    );
  });

  /** The cell `column` of the first record of a CSV file. */
  function cell(csv: string, column: string): string {
    const result = parseCsv(csv, 10);
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.table.records[0]![result.table.header.indexOf(column)]!;
  }

  it.each(formulas)('guards %j alike in the case export, the HSDS package and the correction list', (value) => {
    expect(cell(casesToHtcdsCsv([sampleCase({ alias: value })], { deidentified: false }), 'wp_Alias')).toBe(guardCell(value));
    const entry = directoryEntry({ name: value, phones: [{ number: '+1 555 0100', type: 'voice', description: null, emergencyRoles: [] }] });
    expect(cell(exportHsdsPackage({ entries: [entry], organizations: [] })['services.csv']!, 'name')).toBe(guardCell(value));
    const report = { id: 'r', entryId: entry.id, number: '+1 555 0100', date: '2026-12-06', note: value };
    const directory = { entries: [entry], origins: new Map(), shippedEntryIds: new Set([entry.id]) };
    expect(cell(correctionListCsv([report], directory), 'note')).toBe(guardCell(value));
  });
});
