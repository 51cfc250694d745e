import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '@shared/directory-search';
import type { DirectoryEntry } from '@shared/hsds/directory';
import { columnEntries, indexOptions, searchIndexRequest } from '@renderer/features/directory/searchIndexRequest';
import { generateEntries, generateOrganizations } from '../../../bench/directory/generate';

const organizations = generateOrganizations(40, 2);
const odd: DirectoryEntry[] = generateEntries(6, organizations, 8).map((entry, i) => ({
  ...entry,
  alternateName: i % 2 === 0 ? null : 'Ligne d’écoute',
  countries: i === 0 ? [] : entry.countries,
  populations: [],
  is24x7: [true, false, null][i % 3]!,
  phones: i === 1 ? [] : [...entry.phones, { number: '116 000', type: 'voice', description: i === 2 ? 'free' : null, emergencyRoles: ['child-helpline'] }],
}));
const entries = [...generateEntries(500, organizations, 9), ...odd];
const termLabels = { shelter: 'Refugio', hotline: 'Línea' };

describe('the search worker request', () => {
  it('gives, through a structured clone, the index of the entries themselves', () => {
    const request = structuredClone(searchIndexRequest(entries, organizations, 'es', termLabels));
    const fromRequest = buildSearchIndex(columnEntries(request.entries), indexOptions(request));
    const direct = buildSearchIndex(entries, indexOptions({ organizations, language: 'es', termLabels }));
    expect(fromRequest).toEqual(direct);
  });

  it('holds only what the index reads', () => {
    const text = JSON.stringify(searchIndexRequest(entries, organizations, 'en', {}));
    for (const organization of organizations.slice(0, 5)) {
      expect(text).not.toContain(organization.website!);
      expect(text).not.toContain(organization.headquarters!.address!);
    }
    for (const entry of entries.slice(0, 5)) {
      for (const source of entry.sources) expect(text).not.toContain(source);
      if (entry.url !== null) expect(text).not.toContain(entry.url);
    }
  });
});
