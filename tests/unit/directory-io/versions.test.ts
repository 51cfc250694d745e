import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportHsdsPackage } from '@shared/hsds/export';
import { noteMessage } from '@shared/hsds/import-notes';
import { planImport } from '@shared/hsds/import-plan';
import { parseHsdsPackage } from '@shared/hsds/import-read';
import { detectHsdsVersion, tableSource } from '@shared/hsds/import-versions';
import { shippedDirectory, specCsvPackage } from './fixtures';

const older = resolve(import.meta.dirname, '../../fixtures/hsds-older');

/** A package folder: file name -> text. */
function olderPackage(version: '1.1' | '2.0'): Record<string, string> {
  const folder = resolve(older, `hsds-${version}`);
  return Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(resolve(folder, name), 'utf8')]));
}

const asMap = (files: Record<string, string>) => new Map(Object.entries(files));
const without = (files: Record<string, string>, ...names: string[]) => Object.fromEntries(Object.entries(files).filter(([name]) => !names.includes(name)));
const shipped = shippedDirectory();

describe('which HSDS version a package is', () => {
  it('tells 1.1, 2.0 and 3.0 apart by their tables, with or without datapackage.json', () => {
    const v11 = olderPackage('1.1');
    const v20 = olderPackage('2.0');
    const v30 = specCsvPackage();
    const descriptor = (files: Record<string, string>) => JSON.parse(files['datapackage.json']!) as unknown;
    expect(detectHsdsVersion(asMap(v11), descriptor(v11))).toBe('1.1');
    expect(detectHsdsVersion(asMap(without(v11, 'datapackage.json')), undefined)).toBe('1.1');
    expect(detectHsdsVersion(asMap(v20), descriptor(v20))).toBe('2.0');
    expect(detectHsdsVersion(asMap(without(v20, 'datapackage.json')), undefined)).toBe('2.0');
    expect(detectHsdsVersion(asMap(v30), descriptor(v30))).toBe('3.0');
    expect(detectHsdsVersion(asMap(exportHsdsPackage({ entries: shipped.entries.slice(0, 3), organizations: shipped.organizations })), undefined)).toBe('3.0');
  });

  it('with only the tables 1.1 and 2.0 share, goes by the version datapackage.json states, then by field names', () => {
    const shared = without(olderPackage('2.0'), 'service_attributes.csv', 'other_attributes.csv', 'schedules.csv', 'taxonomy_terms.csv', 'datapackage.json');
    expect(detectHsdsVersion(asMap(shared), { version: '2.0.1' })).toBe('2.0');
    expect(detectHsdsVersion(asMap(shared), { version: '1.1.1' })).toBe('1.1');
    // No stated version (or a publisher's own data version): the older field names say "before 3.0", read as 1.1.
    expect(detectHsdsVersion(asMap(shared), { version: '2026.4' })).toBe('1.1');
    expect(detectHsdsVersion(asMap({ 'organizations.csv': 'id,name,description,url\r\n' }), undefined)).toBe('1.1');
    expect(detectHsdsVersion(asMap({ 'organizations.csv': 'id,name,description,website\r\n' }), undefined)).toBe('3.0');
    expect(detectHsdsVersion(asMap({ 'services.csv': 'id,name,status\r\n' }), { version: '3.0.0' })).toBe('3.0');
  });

  it('maps each older file to the 3.0 table it feeds, and leaves the rest unread', () => {
    expect(tableSource('1.1', 'physical_addresses.csv')).toMatchObject({ table: 'addresses', fixed: { address_type: 'physical' } });
    expect(tableSource('2.0', 'folder/postal_addresses.csv')).toMatchObject({ table: 'addresses', fixed: { address_type: 'postal' } });
    expect(tableSource('1.1', 'regular_schedules.csv')).toMatchObject({ table: 'schedules' });
    expect(tableSource('2.0', 'regular_schedules.csv')).toBeUndefined();
    expect(tableSource('3.0', 'services_at_location.csv')).toBeUndefined();
    expect(tableSource('1.1', 'service_at_location.csv')).toBeUndefined();
    for (const file of ['programs.csv', 'services_taxonomy.csv', 'taxonomy.csv', 'service_attributes.csv', 'other_attributes.csv', 'holiday_schedules.csv']) {
      expect(tableSource('1.1', file)).toBeUndefined();
      expect(tableSource('2.0', file)).toBeUndefined();
    }
  });
});

describe('importing an older HSDS package', () => {
  it('reads an HSDS 1.1 package as 1.1: entries, organization, 24/7 from one schedule row per day, and says what it left out', () => {
    const plan = planImport(parseHsdsPackage(olderPackage('1.1')), shipped.entries, shipped.organizations);
    expect(plan.errors).toEqual([]);
    expect(plan).toMatchObject({ ok: true, readAs: '1.1' });
    const byName = new Map(plan.toAdd.map((entry) => [entry.name, entry]));
    expect([...byName.keys()].sort()).toEqual(['Riverside Legal Advice Clinic', 'Riverside Modern Slavery Helpline']);
    const helpline = byName.get('Riverside Modern Slavery Helpline')!;
    expect(helpline).toMatchObject({ countries: ['GB'], languages: ['en', 'pl', 'ro'], is24x7: true, url: 'https://riverside-help.example.org/helpline' });
    expect(helpline.phones.map((phone) => [phone.number, phone.type])).toEqual([
      ['0808 157 0123', 'voice'],
      ['01632 960123', 'text'],
    ]);
    const clinic = byName.get('Riverside Legal Advice Clinic')!;
    // Its country comes from the address of its location, through services_at_location.csv and physical_addresses.csv.
    expect(clinic).toMatchObject({ countries: ['GB'], languages: ['en'], is24x7: null, emails: expect.arrayContaining(['appointments@riverside-help.example.org']) as string[] });
    expect(plan.organizations.toAdd).toHaveLength(1);
    expect(plan.organizations.toAdd[0]).toMatchObject({
      name: 'Riverside Migrant Help',
      website: 'https://riverside-help.example.org',
      headquarters: { city: 'Riverside', country: 'GB' },
    });
    const notes = plan.notes.map(noteMessage);
    expect(notes).toContain('Not imported: 1 service marked inactive or defunct.');
    const unread = plan.notes.find((note) => note.code === 'unreadTables');
    expect(unread?.values.files.split(', ').sort()).toEqual(['eligibility.csv', 'holiday_schedules.csv', 'metadata.csv', 'programs.csv', 'services_taxonomy.csv', 'taxonomy.csv']);
  });

  it('reads an HSDS 2.0 package as 2.0, with its RRULE schedules and attribute tables', () => {
    const plan = planImport(parseHsdsPackage(olderPackage('2.0')), shipped.entries, shipped.organizations);
    expect(plan.errors).toEqual([]);
    expect(plan).toMatchObject({ ok: true, readAs: '2.0' });
    expect(plan.toAdd.map((entry) => entry.name).sort()).toEqual(['Eastgate Labour Exploitation Advice Line', 'Eastgate Safe Housing Referrals']);
    const line = plan.toAdd.find((entry) => entry.name === 'Eastgate Labour Exploitation Advice Line')!;
    expect(line).toMatchObject({ countries: ['GB'], languages: ['en', 'lt'], is24x7: null });
    expect(plan.organizations.toAdd[0]).toMatchObject({ website: 'https://eastgate-rights.example.org', headquarters: { city: 'Eastgate', country: 'GB' } });
    const unread = plan.notes.find((note) => note.code === 'unreadTables');
    expect(unread?.values.files.split(', ').sort()).toEqual(['funding.csv', 'other_attributes.csv', 'service_attributes.csv', 'taxonomy_terms.csv']);
  });

  it("imports the same 1.1 package again as unchanged: the ids are the package's own", () => {
    const first = planImport(parseHsdsPackage(olderPackage('1.1')), [], []);
    const again = planImport(parseHsdsPackage(olderPackage('1.1')), first.toAdd, first.organizations.toAdd);
    expect(again).toMatchObject({ ok: true, toAdd: [], toUpdate: [], unchanged: first.toAdd });
  });

  it('a problem in a 1.1 package names the 1.1 file and row, and the plan still says it was read as 1.1', () => {
    const files = olderPackage('1.1');
    const lines = files['phones.csv']!.split('\r\n');
    lines[2] = lines[2]!.replace('01632 960123', '');
    const plan = planImport(parseHsdsPackage({ ...files, 'phones.csv': lines.join('\r\n') }), []);
    expect(plan).toMatchObject({ ok: false, readAs: '1.1', errors: [{ file: 'phones.csv', row: 3, field: 'number', code: 'required' }] });
  });

  it('reads 1.1 weekdays as numbers (1 = Monday) or names', () => {
    const files = olderPackage('1.1');
    const header = 'id,service_id,weekday,opens_at,closes_at';
    const service = files['services.csv']!.split('\r\n')[1]!.split(',')[0]!;
    const days = ['1', 'tuesday', 'Wed', '4', 'FRIDAY', 'sat', '7'];
    const rows = days.map((day, i) => `00000000-0000-4000-8000-00000000000${i},${service},${day},00:00,24:00`);
    const plan = planImport(parseHsdsPackage({ ...files, 'regular_schedules.csv': [header, ...rows].join('\r\n') }), []);
    expect(plan.toAdd.find((entry) => entry.id === service)?.is24x7).toBe(true);
    // Six days are not every day.
    const six = planImport(parseHsdsPackage({ ...files, 'regular_schedules.csv': [header, ...rows.slice(1)].join('\r\n') }), []);
    expect(six.toAdd.find((entry) => entry.id === service)?.is24x7).toBeNull();
  });
});
