import { describe, expect, it } from 'vitest';
import { exportHsdsPackage } from '@shared/hsds/export';
import { describeProblem, parseHsdsJson, parseHsdsPackage } from '@shared/hsds/import-read';
import type { ImportProblem } from '@shared/hsds/import-problems';
import { noteMessage } from '@shared/hsds/import-notes';
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
    expect(planImport(parseHsdsJson(examples['taxonomy_list.json']!), []).notes).toEqual([
      { code: 'otherPages', values: { count: 9 } },
      { code: 'taxonomies', values: { count: 1 } },
    ]);
    expect(planImport(parseHsdsJson(examples['service_list.json']!), []).notes.map(noteMessage)).toEqual([
      'Not imported: the records on the other 9 pages of this API response (only this page was given).',
    ]);
    expect(planImport(parseHsdsJson(examples['location.json']!), []).notes.map(noteMessage)).toEqual([
      'Not imported: 1 location linked to no service or organization in this import.',
    ]);
  });

  it('imports the spec CSV package, naming the tables it leaves out', () => {
    const plan = planImport(parseHsdsPackage(specCsvPackage()), []);
    expect(plan.errors.map(describeProblem)).toEqual([]);
    expect(plan.toAdd).toHaveLength(1);
    expect(plan.toAdd[0]).toMatchObject({ id: counselling, organizationId: exampleOrganization, languages: ['ur'], countries: ['US'] });
    expect(plan.notes).toContainEqual({ code: 'unreadTables', values: { files: expect.stringContaining('programs.csv') as string, count: expect.any(Number) as number } });
  });

  it('imports a package without datapackage.json by its file names, and in a folder', () => {
    const { 'datapackage.json': _descriptor, ...files } = specCsvPackage();
    const inFolder = Object.fromEntries(Object.entries(files).map(([name, text]) => [`hsds/${name}`, text]));
    const plan = planImport(parseHsdsPackage(inFolder), []);
    expect(plan.toAdd.map((e) => e.id)).toEqual([counselling]);
    expect(plan.notes).toContainEqual({ code: 'noDescriptor' });
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
    const servicesOnly = Object.fromEntries(
      Object.entries(withoutOrganizations).filter(
        ([name]) => !['phones.csv', 'contacts.csv', 'locations.csv', 'addresses.csv', 'attributes.csv', 'datapackage.json'].includes(name),
      ),
    );
    expect(planImport(parseHsdsPackage(servicesOnly), [], directory.organizations).ok).toBe(true);
  });
});

describe('import errors', () => {
  const services = specCsvPackage()['services.csv']!;
  const withRows = (extra: string[]) => ({ ...specCsvPackage(), 'services.csv': `${services.trimEnd()}\n${extra.join('\n')}\n` });
  const row = (id: string, organizationId: string, name = 'A service', status = 'active') => `${id},${organizationId},,${name},,,,,${status},,,,,,,,,,,,,,`;

  it('names the file, the row (header = row 1) and the field, with a code for the problem', () => {
    const plan = planImport(parseHsdsPackage(withRows([row('4f0ad09e-0b5b-4b0e-9a57-1d9d4f1e0a01', '00000000-0000-4000-8000-000000000000')])), []);
    expect(plan.ok).toBe(false);
    expect(plan.errors).toEqual<ImportProblem[]>([{ file: 'services.csv', row: 3, field: 'organization_id', code: 'noOrganization' }]);
    expect(plan.errors.map(describeProblem)).toEqual(['services.csv row 3, field "organization_id": No organization has this id, in this import or in your directory.']);
    expect(plan.toAdd).toEqual([]);
  });

  it('reports missing required fields, non-UUID ids, bad enums and duplicate ids', () => {
    const plan = planImport(
      parseHsdsPackage(
        withRows([
          row('not-a-uuid', exampleOrganization),
          row('4f0ad09e-0b5b-4b0e-9a57-1d9d4f1e0a02', exampleOrganization, ''),
          row('4f0ad09e-0b5b-4b0e-9a57-1d9d4f1e0a03', exampleOrganization, 'x', 'open'),
          row(counselling, exampleOrganization),
        ]),
      ),
      [],
    );
    expect(plan.errors).toEqual<ImportProblem[]>([
      { file: 'services.csv', row: 3, field: 'id', code: 'notUuid' },
      { file: 'services.csv', row: 4, field: 'name', code: 'required' },
      { file: 'services.csv', row: 5, field: 'status', code: 'notAllowed', values: { allowed: 'active, inactive, defunct, temporarily closed' } },
      { file: 'services.csv', row: 6, field: 'id', code: 'duplicateIdRow', values: { row: 2 } },
    ]);
    expect(describeProblem(plan.errors[2]!)).toBe(
      'services.csv row 5, field "status": This value is not allowed here. Allowed values: active, inactive, defunct, temporarily closed.',
    );
  });

  it('names the place in a JSON file', () => {
    const service = JSON.parse(examples['service_full.json']!) as { phones: { number?: string }[] };
    delete service.phones[0]!.number;
    const plan = planImport(parseHsdsJson(JSON.stringify(service), 'mine.json'), []);
    expect(plan.errors).toContainEqual({ file: 'mine.json', path: 'phones[0]', field: 'number', code: 'required' });
    expect(plan.errors.map(describeProblem)).toContain('mine.json at phones[0], field "number": This field must have a value.');
  });

  it('says what is wrong with a value in JSON: wrong type, empty, not allowed, repeated id', () => {
    const service = JSON.parse(examples['service_full.json']!) as Record<string, unknown> & { phones: Record<string, unknown>[] };
    service.name = 42;
    service.status = 'open';
    service.phones[0]!.number = '';
    service.phones[1] = { ...service.phones[0], number: '+1 555' };
    const plan = planImport(parseHsdsJson(JSON.stringify(service), 'mine.json'), []);
    expect(plan.errors).toEqual(
      expect.arrayContaining<ImportProblem>([
        { file: 'mine.json', field: 'name', code: 'expectedText' },
        { file: 'mine.json', field: 'status', code: 'notAllowed', values: { allowed: 'active, inactive, defunct, temporarily closed' } },
        { file: 'mine.json', path: 'phones[0]', field: 'number', code: 'required' },
      ]),
    );
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
    expect(planImport(parseHsdsJson(examples['service_full.json']!, 'big.json', limits), []).errors).toEqual([{ file: 'big.json', code: 'tooLarge', values: { limit: 100 } }]);
    const fewRows = { maxTextLength: 1e6, maxRows: 3, maxFiles: 64 };
    expect(planImport(parseHsdsJson(examples['service_full.json']!, 'x.json', fewRows), []).errors).toEqual([{ file: 'x.json', code: 'tooManyRecords', values: { limit: 3 } }]);
    expect(parseHsdsPackage(specCsvPackage(), { ...fewRows, maxRows: 2 })).toMatchObject({ ok: false, errors: [{ code: 'tooManyRows', values: { limit: 2 } }] });
    expect(parseHsdsPackage(specCsvPackage(), { ...fewRows, maxFiles: 3 })).toEqual({ ok: false, errors: [{ file: 'package', code: 'tooManyFiles', values: { limit: 3 } }] });
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
    expect(planImport(parseHsdsJson('{"id": ', 'x.json'), []).errors).toEqual([{ file: 'x.json', code: 'invalidJsonEnd' }]);
    expect(planImport(parseHsdsJson('{\n  "id": 1,\n  x', 'x.json'), []).errors).toEqual([{ file: 'x.json', code: 'invalidJsonAt', values: { line: 3, column: 3 } }]);
    expect(describeProblem(planImport(parseHsdsJson('42', 'x.json'), []).errors[0]!)).toBe('x.json: Expected an HSDS record or a list of them.');
    expect(planImport(parseHsdsJson('[]', 'x.json'), []).errors).toEqual([{ file: 'import', code: 'nothingToImport' }]);
    expect(planImport(parseHsdsJson('[{"foo": 1}]', 'x.json'), []).errors).toEqual([{ file: 'x.json', path: '[0]', code: 'unknownRecord' }]);
    expect(planImport(parseHsdsJson('{"contents": [1]}', 'x.json'), []).errors).toEqual([{ file: 'x.json', path: 'contents[0]', code: 'expectedObject' }]);
  });

  it('reports a datapackage.json that lists a missing file', () => {
    const files = specCsvPackage();
    files['datapackage.json'] = JSON.stringify({ resources: [{ path: 'services.csv' }, { path: 'nowhere.csv' }] });
    expect(planImport(parseHsdsPackage(files), []).errors).toEqual([
      { file: 'datapackage.json', path: 'resources[1]', field: 'path', code: 'missingFile', values: { file: 'nowhere.csv' } },
    ]);
    expect(describeProblem(planImport(parseHsdsPackage(files), []).errors[0]!)).toBe(
      'datapackage.json at resources[1], field "path": This lists nowhere.csv, which is not in the package.',
    );
  });

  it('reports CSV problems with their row, and a column named twice', () => {
    const broken = { ...specCsvPackage(), 'services.csv': `${services.trimEnd()}\n"unclosed,x\n` };
    expect(planImport(parseHsdsPackage(broken), []).errors).toEqual([{ file: 'services.csv', row: 3, code: 'csvUnclosedQuote' }]);
    const short = { ...specCsvPackage(), 'services.csv': `${services.trimEnd()}\na,b\n` };
    expect(planImport(parseHsdsPackage(short), []).errors).toEqual([
      { file: 'services.csv', row: 3, code: 'fieldCount', values: { found: 2, expected: services.split('\n')[0]!.split(',').length } },
    ]);
    const twice = { ...specCsvPackage(), 'services.csv': 'id,name,status,name\r\n' };
    expect(planImport(parseHsdsPackage(twice), []).errors).toEqual([{ file: 'services.csv', row: 1, field: 'name', code: 'duplicateColumn' }]);
  });
});
