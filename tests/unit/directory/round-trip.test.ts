import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directoryFromHsds, directoryToHsds } from '@shared/hsds/directory';
import type { Directory, DirectoryEntry, DirectoryOrganization, DirectoryPhone } from '@shared/hsds/directory';
import { contactChannels, emergencyRoles, populations, serviceTypes } from '@shared/hsds/taxonomy';
import { provenanceArbitrary } from '../../support/directory';
import { hsdsValidators } from './hsds-validator';
import { loadBundledHsds } from './load';

const text = fc.string({ minLength: 1, maxLength: 30 });
const nullableText = fc.option(text, { nil: null });
const url = fc.webUrl();
const email = fc.stringMatching(/^[a-z]{1,8}@[a-z]{1,8}\.[a-z]{2,3}$/);

const phone: fc.Arbitrary<DirectoryPhone> = fc.record(
  {
    number: fc.stringMatching(/^\+?\d[\d -]{0,14}$/),
    type: fc.constantFrom('voice', 'text', 'fax', 'textphone'),
    description: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
    emergencyRoles: fc.subarray([...emergencyRoles]),
    unconfirmed: fc.constant(true as const),
  },
  { requiredKeys: ['number', 'type', 'description', 'emergencyRoles'] },
);

const provenance = provenanceArbitrary(text, 4);

function entry(id: string, organizationId: string | null): fc.Arbitrary<DirectoryEntry> {
  return fc
    .record({
      name: text,
      alternateName: nullableText,
      description: text,
      countries: fc.uniqueArray(fc.stringMatching(/^[A-Z]{2}$/), { maxLength: 3 }),
      services: fc.subarray([...serviceTypes]),
      populations: fc.subarray([...populations]),
      channels: fc.subarray([...contactChannels]),
      languages: fc.uniqueArray(fc.stringMatching(/^[a-z]{2}$/), { maxLength: 3 }),
      is24x7: fc.option(fc.boolean(), { nil: null }),
      hours: nullableText,
      phones: fc.array(phone, { maxLength: 4 }),
      emails: fc.array(email, { maxLength: 3 }),
      url: fc.option(url, { nil: null }),
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
      description: text,
      website: fc.option(url, { nil: null }),
      emails: fc.array(email, { maxLength: 3 }),
      phones: fc.array(phone, { maxLength: 3 }),
      headquarters: fc.option(fc.record({ address: nullableText, city: nullableText, country: nullableText, confidential: fc.boolean() }), { nil: null }),
      provenance,
    })
    .map(({ provenance: p, ...rest }) => ({ id, ...rest, ...p }));
}

const directory: fc.Arbitrary<Directory> = fc.uniqueArray(fc.uuid({ version: 5 }), { minLength: 1, maxLength: 8 }).chain((ids) => {
  const orgIds = ids.slice(0, Math.floor(ids.length / 2));
  const entryIds = ids.slice(orgIds.length);
  return fc.record({
    dataVersion: fc.nat(),
    generatedAt: fc.constant('2026-11-28'),
    organizations: fc.tuple(...orgIds.map(organization)),
    entries: fc.tuple(...entryIds.map((id) => fc.constantFrom(null, ...orgIds).chain((org) => entry(id, org)))),
  });
});

// A hundred generated directories per property: 1.5-5 s each on the shared 2-core machine, over vitest's default 5 s when it is busy.
describe('flat entries <-> HSDS', { timeout: 30_000 }, () => {
  it('entries -> HSDS -> entries is lossless, except confidential addresses, which are left out', () => {
    fc.assert(
      fc.property(directory, (d) => {
        const confidential = new Set(d.entries.filter((e) => e.confidentialAddress).map((e) => e.organizationId));
        const organizations = d.organizations.map((o) => (o.headquarters?.confidential || confidential.has(o.id) ? { ...o, headquarters: null } : o));
        expect(directoryFromHsds(directoryToHsds(d))).toEqual({ ...d, organizations });
      }),
    );
  });

  it('HSDS written from any entries is valid HSDS 3.0 with no extra fields', () => {
    const { organization: validOrganization, service: validService } = hsdsValidators({ strictFields: true });
    fc.assert(
      fc.property(directory, (d) => {
        const hsds = directoryToHsds(d);
        for (const o of hsds.organizations) expect(validOrganization(o), JSON.stringify(validOrganization.errors)).toBe(true);
        for (const s of hsds.services) expect(validService(s), JSON.stringify(validService.errors)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('HSDS -> entries -> HSDS is lossless for the bundled file', () => {
    const hsds = loadBundledHsds();
    expect(directoryToHsds(directoryFromHsds(hsds))).toEqual(hsds);
  });

  it('refuses a file that is not a Waypoint HSDS directory', () => {
    const hsds = loadBundledHsds();
    expect(() => directoryFromHsds({ ...hsds, hsdsVersion: '2.0' as '3.0' })).toThrow(/Not a Waypoint HSDS 3.0 directory/);
  });

  it('refuses an unknown confidence value', () => {
    const d = directoryToHsds({
      dataVersion: 1,
      generatedAt: '2026-11-28',
      organizations: [],
      entries: [
        {
          id: '0b5b5f8e-7d0c-5b8a-9a6e-0c7a3f1e2d4b',
          organizationId: null,
          name: 'n',
          alternateName: null,
          description: 'd',
          countries: [],
          services: [],
          populations: [],
          channels: [],
          languages: [],
          is24x7: null,
          hours: null,
          phones: [],
          emails: [],
          url: null,
          fallback: false,
          confidentialAddress: false,
          verified: false,
          confidence: 'inferred',
          checked: null,
          readBy: null,
          sourceDate: null,
          notes: null,
          sources: [],
        },
      ],
    });
    const attribute = d.services[0]!.attributes.find((a) => a.value === 'inferred')!;
    attribute.value = 'trust-me';
    expect(() => directoryFromHsds(d)).toThrow(/unknown confidence "trust-me"/);
  });
});
