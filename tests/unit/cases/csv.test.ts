import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { casesToHtcdsCsv, changeCaseStatus, createNote, extensionPrefix, htcdsCsvColumns, htcdsFields, htcdsStatusOf } from '@shared/cases';
import { parseCsv } from '@shared/hsds/csv';
import { sampleCase } from './fixtures';

// The HTCDS 2.0 field standards sheet (IOM, CC BY 4.0), copied unchanged from UNMigration/HTCDS.
// "Field Name including Prefix" is its 7th column.
const standardsCsv = readFileSync(resolve(import.meta.dirname, 'htcds-field-standards.csv'), 'utf8');
const htcdsNames = new Set([...standardsCsv.matchAll(/^(?:[^,\n]*,){6}([a-z]{3}_[A-Za-z]+),/gm)].map((match) => match[1]));

const record = changeCaseStatus(sampleCase({ alias: 'Amira "Mimi", from Lagos', tags: ['housing'] }), 'referred', '2026-04-02T09:30:00.000Z');
const notes = [
  createNote({ id: 'n1', caseId: record.id, text: 'Said the employer kept her passport.\nFollow up Tuesday.', now: '2026-03-15T08:00:00.000Z' }),
  createNote({ id: 'n2', caseId: 'someone-else', text: 'Not this case', now: '2026-03-15T08:00:00.000Z' }),
];

function table(deidentified: boolean, cases = [record]): Array<Record<string, string>> {
  const result = parseCsv(casesToHtcdsCsv(cases, { deidentified, notes }), cases.length);
  if (!result.ok) throw new Error(JSON.stringify(result));
  const { header, records } = result.table;
  return records.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]!])));
}

describe('HTCDS CSV export', () => {
  it('names columns by HTCDS field, with wp_ only where HTCDS has no field', () => {
    const columns = htcdsCsvColumns(false);
    expect(htcdsNames.size).toBe(83);
    for (const column of columns) {
      const name = column.replace(/\[(Transit|Exploitation)\]$/, '');
      expect(name.startsWith(extensionPrefix) || htcdsNames.has(name), column).toBe(true);
    }
    for (const mapping of Object.values(htcdsFields)) {
      if (mapping.htcdsName) expect(htcdsNames.has(mapping.htcdsName), mapping.htcdsName).toBe(true);
      else expect(mapping.column.startsWith(extensionPrefix)).toBe(true);
    }
    expect(columns).toEqual(expect.arrayContaining(['prs_Gender', 'prs_Citizenship', 'vic_TypeOfExploitation', 'vic_MethodsOfControl', 'spl_Type', 'cas_Status', 'con_Consent']));
  });

  it('writes one row per case with HTCDS values', () => {
    const [row] = table(false);
    expect(row).toMatchObject({
      wp_CaseCode: 'WP-2026-0001',
      cas_Status: 'ClosedReferred',
      cas_OutgoingReferralDate: '2026-04-02',
      prs_Gender: 'Feminine',
      wp_BirthYear: '2001',
      wp_AgeGroup: '24-26',
      wp_IsChild: 'false',
      prs_Citizenship: 'NG',
      'hte_Country[Transit]': 'NE;LY',
      'hte_Country[Exploitation]': 'IT',
      vic_TypeOfExploitation: 'SexualExploitation;ForcedLabour',
      vic_ForcedLabourIndustry: 'I_AccommodationAndFoodServiceActivities',
      vic_MethodsOfControl: 'DebtBondage;WithholdsDocuments',
      spl_Type: 'Health;Legal',
      con_Consent: 'true',
      wp_ConsentToShare: 'false',
    });
    expect(Object.values(htcdsStatusOf)).toEqual(['Active', 'ClosedReferred', 'Closed']);
    expect(table(false, [record, sampleCase({ id: 'b' })])).toHaveLength(2);
  });

  it('quotes commas, quotes and line breaks, and keeps them intact', () => {
    const text = casesToHtcdsCsv([record], { deidentified: false, notes });
    expect(text).toContain('"Amira ""Mimi"", from Lagos"');
    expect(text.endsWith('\r\n')).toBe(true);
    const [row] = table(false);
    expect(row!.wp_Alias).toBe('Amira "Mimi", from Lagos');
    expect(row!.cco_CaseComment).toBe('2026-03-15: Said the employer kept her passport.\nFollow up Tuesday.');
  });

  it('guards cells against formula injection (the CSV writer, tests/unit/shared/csv.test.ts)', () => {
    const [row] = table(false, [sampleCase({ alias: '=HYPERLINK("http://x")' })]);
    expect(row!.wp_Alias).toBe(`'=HYPERLINK("http://x")`);
  });

  it('de-identified: drops alias, notes, free text and code, and coarsens dates and birth year', () => {
    const text = casesToHtcdsCsv([record], { deidentified: true, notes });
    for (const secret of ['Amira', 'Mimi', 'Lagos', 'passport', 'Tuesday', 'housing', 'caseworker A', 'WP-2026-0001', '2001', '2026-03-14', '2026-04-02']) {
      expect(text).not.toContain(secret);
    }
    const [row] = table(true);
    for (const dropped of ['wp_Alias', 'cco_CaseComment', 'wp_CaseCode', 'cas_CaseOwner', 'wp_Tags', 'wp_BirthYear']) {
      expect(row).not.toHaveProperty(dropped);
    }
    expect(row).toMatchObject({
      wp_CreatedDate: '2026-03',
      cas_OutgoingReferralDate: '2026-04',
      wp_IdentifiedDate: '2026-03',
      wp_AgeGroup: '24-26',
      prs_Gender: 'Feminine',
      vic_TypeOfExploitation: 'SexualExploitation;ForcedLabour',
    });
  });
});
