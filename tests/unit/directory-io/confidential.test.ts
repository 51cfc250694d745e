import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeLists } from '@renderer/features/directory/data';
import type { Origin } from '@renderer/features/directory/data';
import type { Directory, DirectoryEntry, DirectoryOrganization } from '@shared/hsds/directory';
import { exportHsdsJson, exportHsdsPackage, organizationsFor } from '@shared/hsds/export';
import { parseHsdsPackage } from '@shared/hsds/import-read';
import { planImport } from '@shared/hsds/import-plan';
import { serviceTypes } from '@shared/hsds/taxonomy';

/*
 * A confidential address is a property of the address: whatever part of the directory is exported (a filter on
 * service type that leaves the shelter out and keeps the hotline, say), the head office of an organization that
 * runs a confidential-address entry appears in no export. The directory goes through the same steps as in the
 * app: shipped and own records merged (mergeLists), a filtered view, the organizations it names, the exporters.
 */

const base: Omit<DirectoryEntry, 'id' | 'organizationId' | 'services' | 'confidentialAddress'> = {
  name: 'Entry',
  alternateName: null,
  description: '',
  countries: ['IE'],
  populations: [],
  channels: [],
  languages: [],
  is24x7: null,
  hours: null,
  phones: [],
  emails: [],
  url: null,
  fallback: false,
  verified: false,
  confidence: 'inferred',
  checked: null,
  readBy: null,
  sourceDate: null,
  sources: [],
  notes: null,
};

const addressOf = (n: number) => `${n} Secret Lane`;
const cityOf = (n: number) => `Hiddentown${n}`;

function organization(id: string, n: number, hasAddress: boolean): DirectoryOrganization {
  return {
    id,
    name: `Organization ${n}`,
    alternateName: null,
    description: '',
    website: null,
    emails: [],
    phones: [],
    headquarters: hasAddress ? { address: addressOf(n), city: cityOf(n), country: 'IE', confidential: false } : null,
    verified: false,
    confidence: 'inferred',
    checked: null,
    readBy: null,
    sourceDate: null,
    sources: [],
    notes: null,
  };
}

interface Generated {
  shipped: Directory;
  own: { entries: { entry: DirectoryEntry; origin: Origin }[]; organizations: DirectoryOrganization[] };
  /** Which of the merged entries the filter keeps, by position. */
  keep: boolean[];
}

const generated: fc.Arbitrary<Generated> = fc
  .uniqueArray(fc.uuid({ version: 4 }), { minLength: 2, maxLength: 12 })
  .chain((ids) => {
    const organizationIds = ids.slice(0, Math.ceil(ids.length / 3));
    const entryIds = ids.slice(organizationIds.length);
    return fc.record({
      organizations: fc.tuple(...organizationIds.map((id, n) => fc.record({ org: fc.boolean().map((has) => organization(id, n, has)), own: fc.boolean() }))),
      entries: fc.tuple(
        ...entryIds.map((id) =>
          fc.record({
            entry: fc
              .record({ organizationId: fc.constantFrom(null, ...organizationIds), services: fc.subarray([...serviceTypes]), confidentialAddress: fc.boolean() })
              .map((e): DirectoryEntry => ({ ...base, id, ...e })),
            origin: fc.constantFrom<Origin | 'shipped'>('shipped', 'added', 'imported'),
          }),
        ),
      ),
      keep: fc.array(fc.boolean(), { minLength: entryIds.length, maxLength: entryIds.length }),
    });
  })
  .map(({ organizations, entries, keep }) => ({
    shipped: {
      dataVersion: 1,
      generatedAt: '2026-12-07',
      organizations: organizations.filter((o) => !o.own).map((o) => o.org),
      entries: entries.flatMap((e) => (e.origin === 'shipped' ? [e.entry] : [])),
    },
    own: {
      organizations: organizations.filter((o) => o.own).map((o) => o.org),
      entries: entries.flatMap((e) => (e.origin === 'shipped' ? [] : [{ entry: e.entry, origin: e.origin }])),
    },
    keep,
  }));

/** Every export the directory has, as text: HSDS JSON, and each file of the HSDS package (CSV and datapackage.json). */
function exportsOf(entries: DirectoryEntry[], organizations: DirectoryOrganization[]): string[] {
  const input = { entries, organizations: organizationsFor(entries, organizations) };
  return [exportHsdsJson(input), ...Object.values(exportHsdsPackage(input))];
}

describe('confidential addresses in a filtered export', () => {
  it('never appear, for any directory and any filter, while other addresses of exported organizations do', () => {
    fc.assert(
      fc.property(generated, ({ shipped, own, keep }) => {
        const merged = mergeLists(shipped, own);
        const view = merged.entries.filter((_, i) => keep[i]);
        const exported = exportsOf(view, merged.organizations).join('\n');
        const confidential = new Set(merged.entries.flatMap((e) => (e.confidentialAddress && e.organizationId !== null ? [e.organizationId] : [])));
        for (const [n, org] of merged.organizations.entries()) {
          if (org.headquarters === null) continue;
          const number = Number(/\d+/.exec(org.name)![0]);
          if (confidential.has(org.id)) {
            expect(exported).not.toContain(addressOf(number));
            expect(exported).not.toContain(cityOf(number));
          } else if (view.some((e) => e.organizationId === org.id)) {
            // The control: the same scan finds an address that may be exported.
            expect(exported, `organization ${n}`).toContain(addressOf(number));
          }
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('leaves out the shelter when only the hotline of the same organization is exported (a service-type filter)', () => {
    const org = organization('7c9e6679-7425-40de-944b-e07fc1f90ae7', 1, true);
    const shelter: DirectoryEntry = { ...base, id: '16fd2706-8baf-433b-82eb-8c7fada847da', organizationId: org.id, services: ['shelter'], confidentialAddress: true };
    const hotline: DirectoryEntry = { ...base, id: '886313e1-3b8a-5372-9b90-0c9aee199e5d', organizationId: org.id, services: ['hotline'], confidentialAddress: false };
    const merged = mergeLists(
      { dataVersion: 1, generatedAt: '2026-12-07', organizations: [], entries: [] },
      {
        entries: [
          { entry: shelter, origin: 'added' },
          { entry: hotline, origin: 'added' },
        ],
        organizations: [org],
      },
    );
    const view = merged.entries.filter((e) => e.services.includes('hotline'));
    expect(view.map((e) => e.id)).toEqual([hotline.id]);
    for (const text of exportsOf(view, merged.organizations)) {
      expect(text).not.toContain(addressOf(1));
      expect(text).not.toContain(cityOf(1));
    }
  });

  it('marks the address of an imported organization confidential when an imported service says so', () => {
    const org = organization('7c9e6679-7425-40de-944b-e07fc1f90ae7', 1, true);
    const shelter: DirectoryEntry = { ...base, id: '16fd2706-8baf-433b-82eb-8c7fada847da', organizationId: org.id, services: ['shelter'], confidentialAddress: true };
    // A file from another tool may hold the address next to the flag; the plan marks it before anything is kept.
    const files = exportHsdsPackage({ entries: [{ ...shelter, confidentialAddress: false }], organizations: [org] });
    const attributes = exportHsdsPackage({ entries: [shelter], organizations: [] })['attributes.csv']!;
    const plan = planImport(parseHsdsPackage({ ...files, 'attributes.csv': attributes }), []);
    expect(plan.ok).toBe(true);
    expect(plan.toAdd[0]!.confidentialAddress).toBe(true);
    expect(plan.organizations.toAdd[0]!.headquarters).toEqual({ address: addressOf(1), city: cityOf(1), country: 'IE', confidential: true });
  });
});
