import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DirectoryEntry, DirectoryOrganization, DirectoryPhone } from '@shared/hsds/directory';
import { exportHsdsJson, exportHsdsPackage, organizationsFor } from '@shared/hsds/export';
import { parseHsdsJson, parseHsdsPackage } from '@shared/hsds/import-read';
import { applyImportPlan, planImport } from '@shared/hsds/import-plan';
import { contactChannels, emergencyRoles, populations, serviceTypes } from '@shared/hsds/taxonomy';
import { provenanceArbitrary } from '../../support/directory';
import { hsdsValidators } from '../directory/hsds-validator';
import { shippedDirectory } from './fixtures';

// Optional texts are non-empty: CSV has no way to tell an empty cell from a missing value (tested below).
const text = fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' });
const nullableText = fc.option(text, { nil: null });
const email = fc.stringMatching(/^[a-z]{1,8}@[a-z]{1,8}\.[a-z]{2,3}$/);

const phone: fc.Arbitrary<DirectoryPhone> = fc.record({
  number: fc.stringMatching(/^[+=-]?\d[\d -]{0,12}$/),
  type: fc.constantFrom('voice', 'text', 'fax', 'textphone'),
  description: nullableText,
  emergencyRoles: fc.subarray([...emergencyRoles]),
});

const provenance = provenanceArbitrary(text, 3);

function entry(id: string, organizationId: string | null): fc.Arbitrary<DirectoryEntry> {
  return fc
    .record({
      name: text,
      alternateName: nullableText,
      description: fc.string({ maxLength: 40 }),
      countries: fc.uniqueArray(fc.stringMatching(/^[A-Z]{2}$/), { maxLength: 3 }),
      services: fc.subarray([...serviceTypes]),
      populations: fc.subarray([...populations]),
      channels: fc.subarray([...contactChannels]),
      languages: fc.uniqueArray(fc.stringMatching(/^[a-z]{2}$/), { maxLength: 3 }),
      is24x7: fc.option(fc.boolean(), { nil: null }),
      hours: nullableText,
      phones: fc.array(phone, { maxLength: 3 }),
      emails: fc.array(email, { maxLength: 3 }),
      url: fc.option(fc.webUrl(), { nil: null }),
      fallback: fc.boolean(),
      confidentialAddress: fc.boolean(),
      provenance,
    })
    .map(({ provenance: p, ...rest }) => ({ id, organizationId, ...rest, ...p }));
}

function organization(id: string): fc.Arbitrary<DirectoryOrganization> {
  return fc
    .record({
      name: text,
      alternateName: nullableText,
      description: fc.string({ maxLength: 40 }),
      website: fc.option(fc.webUrl(), { nil: null }),
      emails: fc.array(email, { maxLength: 2 }),
      phones: fc.array(phone, { maxLength: 2 }),
      headquarters: fc.option(fc.record({ address: nullableText, city: nullableText, country: nullableText, confidential: fc.boolean() }), { nil: null }),
      provenance,
    })
    .map(({ provenance: p, ...rest }) => ({ id, ...rest, ...p }));
}

const directory = fc.uniqueArray(fc.uuid({ version: 4 }), { minLength: 1, maxLength: 8 }).chain((ids) => {
  const organizationIds = ids.slice(0, Math.floor(ids.length / 2));
  return fc.record({
    organizations: fc.tuple(...organizationIds.map(organization)),
    entries: fc.tuple(...ids.slice(organizationIds.length).map((id) => fc.constantFrom(null, ...organizationIds).chain((org) => entry(id, org)))),
  });
});

/** What an export must give back: everything, except confidential head offices and those of organizations with a confidential service. */
function expectedAfterExport(d: { entries: DirectoryEntry[]; organizations: DirectoryOrganization[] }) {
  const confidential = new Set(d.entries.filter((e) => e.confidentialAddress).map((e) => e.organizationId));
  return { entries: d.entries, organizations: d.organizations.map((o) => (confidential.has(o.id) || o.headquarters?.confidential ? { ...o, headquarters: null } : o)) };
}

function importJson(text: string) {
  const applied = applyImportPlan(planImport(parseHsdsJson(text, 'export.json'), []), []);
  if (!applied.ok) throw new Error(JSON.stringify(applied.errors));
  return { entries: applied.entries, organizations: applied.organizations };
}

function importPackage(files: Record<string, string>) {
  const applied = applyImportPlan(planImport(parseHsdsPackage(files), []), []);
  if (!applied.ok) throw new Error(JSON.stringify(applied.errors));
  return { entries: applied.entries, organizations: applied.organizations };
}

describe('export -> import round trip', () => {
  const shipped = shippedDirectory();

  it('is lossless for the shipped directory, as JSON and as a package', () => {
    const input = { entries: shipped.entries, organizations: shipped.organizations };
    expect(importJson(exportHsdsJson(input))).toEqual(input);
    expect(importPackage(exportHsdsPackage(input))).toEqual(input);
  });

  it('is lossless for any entries, except confidential addresses, as JSON', () => {
    fc.assert(
      fc.property(directory, (d) => {
        expect(importJson(exportHsdsJson(d))).toEqual(expectedAfterExport(d));
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('is lossless for any entries, except confidential addresses, as a package', () => {
    fc.assert(
      fc.property(directory, (d) => {
        expect(importPackage(exportHsdsPackage(d))).toEqual(expectedAfterExport(d));
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('exports a filtered view with the organizations it names, and it imports on its own', () => {
    const view = shipped.entries.filter((e) => e.countries.includes('DE'));
    expect(view.length).toBeGreaterThan(0);
    const input = { entries: view, organizations: organizationsFor(view, shipped.organizations) };
    expect(importPackage(exportHsdsPackage(input))).toEqual(input);
  });

  it('reads an empty optional text back from CSV as not given', () => {
    const [first] = shipped.entries;
    const input = { entries: [{ ...first!, organizationId: null, phones: [{ number: '112', type: 'voice' as const, description: '', emergencyRoles: [] }] }], organizations: [] };
    expect(importPackage(exportHsdsPackage(input)).entries[0]!.phones[0]!.description).toBeNull();
    expect(importJson(exportHsdsJson(input)).entries[0]!.phones[0]!.description).toBe('');
  });

  it('writes JSON whose records are valid HSDS 3.0', () => {
    const { organization: validOrganization, service: validService } = hsdsValidators({ strictFields: true });
    const hsds = JSON.parse(exportHsdsJson({ entries: shipped.entries, organizations: shipped.organizations })) as { services: unknown[]; organizations: unknown[] };
    expect(hsds.services.filter((s) => !validService(s))).toEqual([]);
    expect(hsds.organizations.filter((o) => !validOrganization(o))).toEqual([]);
  });

  it('writes a package whose datapackage.json lists every CSV file with its columns', () => {
    const files = exportHsdsPackage({ entries: shipped.entries, organizations: shipped.organizations });
    const descriptor = JSON.parse(files['datapackage.json']!) as { resources: { path: string; schema: { fields: { name: string }[] } }[] };
    expect(descriptor.resources.map((r) => r.path).sort()).toEqual(
      Object.keys(files)
        .filter((f) => f.endsWith('.csv'))
        .sort(),
    );
    for (const resource of descriptor.resources) {
      expect(files[resource.path]!.split('\r\n')[0]).toBe(resource.schema.fields.map((f) => f.name).join(','));
    }
  });

  it('guards formula-like cells in CSV and restores them on import', () => {
    const [first] = shipped.entries;
    const input = { entries: [{ ...first!, organizationId: null, name: '=HYPERLINK("http://evil")', description: '@SUM(1)' }], organizations: [] };
    const services = exportHsdsPackage(input)['services.csv']!;
    expect(services).toContain(`'=HYPERLINK`);
    expect(services).not.toMatch(/(^|,)"?[=@]/m);
    expect(importPackage(exportHsdsPackage(input)).entries[0]).toMatchObject({ name: input.entries[0]!.name, description: '@SUM(1)' });
  });
});

describe('confidential addresses', () => {
  const shipped = shippedDirectory();
  const organizations = shipped.organizations.filter((o) => o.headquarters !== null).slice(0, 4);
  const marker = (i: number) => `Secret Lane ${i} Safehouse`;
  const withSecrets = organizations.map((o, i) => ({ ...o, headquarters: { address: marker(i), city: `Hiddentown${i}`, country: 'ZZ', confidential: false } }));
  const entries = shipped.entries.slice(0, 4).map((e, i) => ({ ...e, organizationId: withSecrets[i]!.id, confidentialAddress: i % 2 === 0 }));

  it('never appear in either export format, while other head offices do', () => {
    const input = { entries, organizations: withSecrets };
    const outputs = [exportHsdsJson(input), ...Object.values(exportHsdsPackage(input))].join('\n');
    for (const i of [0, 2]) {
      expect(outputs).not.toContain(marker(i));
      expect(outputs).not.toContain(`Hiddentown${i}`);
    }
    for (const i of [1, 3]) expect(outputs).toContain(marker(i));
  });

  it('keeps the flag, so a re-imported entry stays confidential', () => {
    const back = importPackage(exportHsdsPackage({ entries, organizations: withSecrets }));
    expect(back.entries.map((e) => e.confidentialAddress)).toEqual([true, false, true, false]);
  });
});
