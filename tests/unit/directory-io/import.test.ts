import { describe, expect, it } from 'vitest';
import { exportHsdsPackage } from '@shared/hsds/export';
import { describeProblem, parseHsdsJson, parseHsdsPackage } from '@shared/hsds/import-read';
import { applyImportPlan, planImport } from '@shared/hsds/import-plan';
import { shippedDirectory, shippedDirectoryText, specCsvPackage, specJsonExamples } from './fixtures';

const examples = specJsonExamples();
const counselling = 'ac148810-d857-441c-9679-408f346de14b';
const exampleOrganization = 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610';

describe('import of the HSDS 3.0 specification examples', () => {
  it.each(Object.keys(examples))('%s imports without errors', (file) => {
    const plan = planImport(parseHsdsJson(examples[file]!, file), []);
    expect(plan.errors.map(describeProblem)).toEqual([]);
    expect(plan.ok).toBe(true);
  });

  it.each(['service_full.json', 'organization_full.json', 'service_at_location_full.json', 'service_list.json', 'service_at_location_list.json', 'tabular.json'])(
    '%s gives the example service with its organization',
    (file) => {
      const plan = planImport(parseHsdsJson(examples[file]!, file), []);
      expect(plan.toAdd.map((e) => [e.id, e.name, e.organizationId])).toEqual([[counselling, 'Community Counselling', exampleOrganization]]);
      expect(plan.organizations.toAdd.map((o) => o.name)).toEqual(['Example Organization Inc.']);
    },
  );

  it('reads phones, languages, hours and the country of the service location from service_full.json', () => {
    const [entry] = planImport(parseHsdsJson(examples['service_full.json']!), []).toAdd;
    expect(entry).toMatchObject({
      countries: ['US'],
      languages: ['ur'],
      hours: expect.stringMatching(/10 am to 6pm/),
      url: 'http://example.com/counselling',
      verified: false,
      confidence: 'inferred',
    });
    // Numbers are kept verbatim; the spec's example number itself carries quote marks.
    expect(entry!.phones.map((p) => p.number)).toEqual(['"+44 1234 234567"']);
  });

  it('says what it did not import', () => {
    expect(planImport(parseHsdsJson(examples['taxonomy_list.json']!), []).notes.join(' ')).toMatch(/taxonomies/);
    expect(planImport(parseHsdsJson(examples['service_list.json']!), []).notes.join(' ')).toMatch(/other 9 pages/);
  });

  it('imports the spec CSV package, naming the tables it leaves out', () => {
    const plan = planImport(parseHsdsPackage(specCsvPackage()), []);
    expect(plan.errors.map(describeProblem)).toEqual([]);
    expect(plan.toAdd).toHaveLength(1);
    expect(plan.toAdd[0]).toMatchObject({ id: counselling, organizationId: exampleOrganization, languages: ['ur'], countries: ['US'] });
    expect(plan.notes.join(' ')).toMatch(/programs\.csv/);
  });

  it('imports a package without datapackage.json by its file names, and in a folder', () => {
    const { 'datapackage.json': _descriptor, ...files } = specCsvPackage();
    const inFolder = Object.fromEntries(Object.entries(files).map(([name, text]) => [`hsds/${name}`, text]));
    const plan = planImport(parseHsdsPackage(inFolder), []);
    expect(plan.toAdd.map((e) => e.id)).toEqual([counselling]);
    expect(plan.notes.join(' ')).toMatch(/datapackage\.json is missing/);
  });

  it('imports the shipped directory file as it is', () => {
    const directory = shippedDirectory();
    const plan = planImport(parseHsdsJson(shippedDirectoryText(), 'directory.json'), []);
    expect(plan.toAdd).toEqual(directory.entries);
    expect(plan.organizations.toAdd).toEqual(directory.organizations);
  });
});

describe('import plan', () => {
  const directory = shippedDirectory();
  const text = shippedDirectoryText();

  it('importing the same data twice updates rather than duplicates', () => {
    const first = applyImportPlan(planImport(parseHsdsJson(text), []), []);
    if (!first.ok) throw new Error('first import failed');
    const again = planImport(parseHsdsJson(text), first.entries, first.organizations);
    expect(again.toAdd).toEqual([]);
    expect(again.unchanged).toHaveLength(directory.entries.length);
    const second = applyImportPlan(again, first.entries, first.organizations);
    expect(second.ok && second.entries.length).toBe(directory.entries.length);
  });

  it('shows adds and updates by HSDS id', () => {
    const existing = directory.entries.slice(0, 10).map((e, i) => (i < 3 ? { ...e, name: `${e.name} (old)` } : e));
    const plan = planImport(parseHsdsJson(text), existing, directory.organizations);
    expect(plan.toUpdate.map((u) => [u.before.name, u.after.name])).toEqual(directory.entries.slice(0, 3).map((e) => [`${e.name} (old)`, e.name]));
    expect(plan.unchanged).toHaveLength(7);
    expect(plan.toAdd).toHaveLength(directory.entries.length - 10);
    const applied = applyImportPlan(plan, existing, directory.organizations);
    expect(applied.ok && applied.entries).toEqual(directory.entries);
  });

  it('lets services name an organization already in the directory', () => {
    const files = exportHsdsPackage({ entries: directory.entries, organizations: directory.organizations });
    const withoutOrganizations = { ...files, 'organizations.csv': files['organizations.csv']!.split('\r\n')[0]! + '\r\n' };
    expect(planImport(parseHsdsPackage(withoutOrganizations), []).ok).toBe(false);
    // Organization phones, contacts and head offices then point at nothing: leave those tables out too.
    const servicesOnly = Object.fromEntries(Object.entries(withoutOrganizations).filter(([name]) => !['phones.csv', 'contacts.csv', 'locations.csv', 'addresses.csv', 'attributes.csv', 'datapackage.json'].includes(name)));
    expect(planImport(parseHsdsPackage(servicesOnly), [], directory.organizations).ok).toBe(true);
  });
});

describe('import errors', () => {
  const services = specCsvPackage()['services.csv']!;
  const withRows = (extra: string[]) => ({ ...specCsvPackage(), 'services.csv': `${services.trimEnd()}\n${extra.join('\n')}\n` });
  const row = (id: string, organizationId: string, name = 'A service', status = 'active') =>
    `${id},${organizationId},,${name},,,,,${status},,,,,,,,,,,,,,`;

  it('names the file, the row (header = row 1) and the field', () => {
    const plan = planImport(parseHsdsPackage(withRows([row('4f0ad09e-0b5b-4b0e-9a57-1d9d4f1e0a01', '00000000-0000-4000-8000-000000000000')])), []);
    expect(plan.ok).toBe(false);
    expect(plan.errors.map(describeProblem)).toEqual(['services.csv row 3, field "organization_id": no organization with this id']);
    expect(plan.toAdd).toEqual([]);
  });

  it('reports missing required fields, non-UUID ids, bad enums and duplicate ids', () => {
    const plan = planImport(parseHsdsPackage(withRows([
      row('not-a-uuid', exampleOrganization),
      row('4f0ad09e-0b5b-4b0e-9a57-1d9d4f1e0a02', exampleOrganization, ''),
      row('4f0ad09e-0b5b-4b0e-9a57-1d9d4f1e0a03', exampleOrganization, 'x', 'open'),
      row(counselling, exampleOrganization),
    ])), []);
    expect(plan.errors.map(describeProblem)).toEqual([
      'services.csv row 3, field "id": is not a UUID',
      'services.csv row 4, field "name": is required',
      expect.stringMatching(/^services\.csv row 5, field "status": /),
      'services.csv row 6, field "id": the same id is already used (row 2)',
    ]);
  });

  it('names the place in a JSON file', () => {
    const service = JSON.parse(examples['service_full.json']!) as { phones: { number?: string }[] };
    delete service.phones[0]!.number;
    const plan = planImport(parseHsdsJson(JSON.stringify(service), 'mine.json'), []);
    expect(plan.errors.map(describeProblem)).toContain('mine.json at phones[0], field "number": is required');
  });

  it('reports at most 20 problems but counts them all', () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(`4f0ad09e-0b5b-4b0e-9a57-1d9d4f1e${String(i).padStart(4, '0')}`, exampleOrganization, ''));
    const plan = planImport(parseHsdsPackage(withRows(rows)), []);
    expect(plan.errors).toHaveLength(20);
    expect(plan.errorCount).toBe(30);
  });

  it('a plan with errors applies nothing', () => {
    const existing = shippedDirectory().entries.slice(0, 2);
    const plan = planImport(parseHsdsPackage(withRows([row('bad', exampleOrganization)])), existing);
    expect(applyImportPlan(plan, existing)).toEqual({ ok: false, errors: plan.errors });
  });

  it('refuses input over the size and row limits', () => {
    const limits = { maxTextLength: 100, maxRows: 1_000, maxFiles: 64 };
    expect(planImport(parseHsdsJson(examples['service_full.json']!, 'big.json', limits), []).errors[0]!.message).toMatch(/larger than 100 characters/);
    const fewRows = { maxTextLength: 1e6, maxRows: 3, maxFiles: 64 };
    expect(planImport(parseHsdsJson(examples['service_full.json']!, 'x.json', fewRows), []).errors[0]!.message).toMatch(/more than 3 records/);
    expect(parseHsdsPackage(specCsvPackage(), { ...fewRows, maxRows: 2 }).ok).toBe(false);
    expect(parseHsdsPackage(specCsvPackage(), { ...fewRows, maxFiles: 3 }).ok).toBe(false);
  });

  it('never copies a __proto__ or constructor key anywhere', () => {
    const hostile = JSON.parse(examples['service_full.json']!) as Record<string, unknown>;
    const json = JSON.stringify(hostile).replace('{', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},');
    const plan = planImport(parseHsdsJson(json), []);
    expect(plan.ok).toBe(true);
    const files = specCsvPackage();
    files['services.csv'] = files['services.csv']!.replace('id,', '__proto__,');
    planImport(parseHsdsPackage(files), []);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(plan.toAdd[0])).toBe(Object.prototype);
  });

  it('reports broken JSON, a wrong top-level value and an empty list', () => {
    expect(planImport(parseHsdsJson('{"id": ', 'x.json'), []).errors[0]!.message).toMatch(/^not valid JSON/);
    expect(describeProblem(planImport(parseHsdsJson('42', 'x.json'), []).errors[0]!)).toMatch(/^x\.json: expected an HSDS object/);
    expect(planImport(parseHsdsJson('[]', 'x.json'), []).errors[0]!.message).toMatch(/no services or organizations/);
    expect(planImport(parseHsdsJson('[{"foo": 1}]', 'x.json'), []).errors.map(describeProblem)).toEqual(['x.json at [0]: not an HSDS service, organization, service_at_location or location']);
  });

  it('reports a datapackage.json that lists a missing file', () => {
    const files = specCsvPackage();
    files['datapackage.json'] = JSON.stringify({ resources: [{ path: 'services.csv' }, { path: 'nowhere.csv' }] });
    expect(describeProblem(planImport(parseHsdsPackage(files), []).errors[0]!)).toBe('datapackage.json at resources[1], field "path": lists nowhere.csv, which is not in the package');
  });
});
