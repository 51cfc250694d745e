import { describe, expect, it } from 'vitest';
import { buildDirectory } from '../../../scripts/directory/build-directory';
import type { Descriptions, Reference } from '../../../scripts/directory/build-directory';
import type { ReferenceHotline } from '../../../scripts/directory/reference';

// A made-up miniature reference in the real files' shape; these numbers are fixtures, not shipped data.
function hotline(overrides: Partial<ReferenceHotline> = {}): ReferenceHotline {
  return {
    country_iso2: 'NL',
    country: 'Netherlands',
    name: 'Test Line',
    scope: 'trafficking-specific',
    operator: 'Test NGO',
    phones: ['0800 000 000 (free)'],
    sms: null,
    other_channels: ['WhatsApp 06-0000 0000'],
    email: 'help@example.org (general)',
    hours: '24/7',
    is_24_7: true,
    languages: null,
    official_url: 'https://example.org',
    source: 'https://example.org/about',
    additional_sources: ['https://example.org/about', 'https://example.com/news'],
    confidence: 'seen-official',
    as_of: 'launched 1 Mar 2017',
    notes: null,
    ...overrides,
  };
}

function reference(overrides: Partial<ReferenceHotline> = {}): Reference {
  return {
    hotlines: [hotline(overrides)],
    emergency: [
      {
        country_iso2: 'NL',
        emergency_numbers: ['112 (police, ambulance, fire)', 'dataset note (police): 0900 0000'],
        child_helpline: { name: 'Test child line', number: '0800 0000', source: 'https://example.net/child' },
        source: 'https://example.net/list',
        confidence: 'seen-secondary',
        notes: 'Checked: 112 read on a news page.',
        checked: '2026-12-07',
      },
    ],
    organizations: [
      {
        id: 'test-org',
        name: 'Test Organization',
        acronym: 'TO',
        type: 'NGO',
        hq_city: 'Utrecht',
        hq_country: 'NL',
        founded: null,
        website: 'https://example.org',
        services: [],
        facts: [],
        contact: 'Street 1, Utrecht; +31 00 000 0000; info@example.org (2020)',
        source: 'https://example.org',
        additional_sources: [],
        confidence: 'seen-secondary',
        notes: null,
      },
    ],
  };
}

function descriptions(): Descriptions {
  return {
    dataVersion: 3,
    generatedAt: '2026-12-07',
    referenceDate: '2026-12-07',
    referenceSnapshotDate: '2026-11-28',
    sourceDates: {},
    emergency: { description: 'Emergency numbers, in our words.', childHelplineDescription: 'A child helpline, in our words.' },
    hotlines: {
      'NL/test-line': {
        description: 'A test line, described in our own words.',
        services: ['hotline'],
        extraPhones: [{ number: '06-0000 0000', type: 'text', description: 'WhatsApp' }],
      },
    },
    organizations: {
      'test-org': {
        description: 'A test organization, in our words.',
        services: ['information'],
        phones: ['+31 00 000 0000'],
        emails: ['info@example.org'],
        address: 'Street 1, Utrecht',
      },
    },
  };
}

describe('buildDirectory', () => {
  const built = buildDirectory(reference(), descriptions());
  const line = built.entries[0]!;

  it('maps a hotline: numbers verbatim, qualifier kept, channels, dates and sources', () => {
    expect(line.phones).toEqual([
      { number: '0800 000 000', type: 'voice', description: 'free', emergencyRoles: [] },
      { number: '06-0000 0000', type: 'text', description: 'WhatsApp', emergencyRoles: [] },
    ]);
    expect(line.emails).toEqual(['help@example.org']);
    expect(line.channels).toEqual(['phone', 'sms', 'email', 'web', 'chat']);
    // Not re-checked: taken from facts read by the snapshot date; "launched 1 Mar 2017" dates the line, not a source.
    expect(line).toMatchObject({ checked: null, readBy: '2026-11-28', sourceDate: null });
    expect(line.sources).toEqual(['https://example.org/about', 'https://example.com/news']);
    expect(line.verified).toBe(true);
    expect(line.description).toBe('A test line, described in our own words.');
  });

  it('maps emergency numbers and the child helpline as unverified, leaving dataset notes out', () => {
    const [, , emergency, child] = built.entries;
    expect(emergency!.phones).toEqual([{ number: '112', type: 'voice', description: null, emergencyRoles: ['police', 'ambulance', 'fire'] }]);
    expect(emergency!).toMatchObject({ verified: false, checked: '2026-12-07', readBy: null, notes: 'Checked: 112 read on a news page.' });
    expect(child!).toMatchObject({ verified: false, checked: null, readBy: '2026-11-28' });
    expect(child!.phones[0]!.emergencyRoles).toEqual(['child-helpline']);
    expect(child!.sources).toEqual(['https://example.net/child']);
  });

  it('maps an organization and gives it a service entry', () => {
    expect(built.organizations[0]).toMatchObject({
      name: 'Test Organization',
      alternateName: 'TO',
      emails: ['info@example.org'],
      headquarters: { address: 'Street 1, Utrecht', city: 'Utrecht', country: 'NL' },
    });
    expect(built.entries[1]!.organizationId).toBe(built.organizations[0]!.id);
  });

  it('gives the same ids on every run', () => {
    expect(buildDirectory(reference(), descriptions())).toEqual(built);
  });

  it('fails when a record has no description', () => {
    expect(() => buildDirectory(reference({ name: 'Renamed Line' }), descriptions())).toThrow(/No description for hotline NL\/renamed-line/);
  });

  it('fails when a description has no record', () => {
    const d = descriptions();
    d.hotlines['NL/gone'] = { description: 'A line that is no longer in the reference.', services: ['hotline'] };
    expect(() => buildDirectory(reference(), d)).toThrow(/Description for unknown hotline NL\/gone/);
  });

  it('fails when a hand-added number is not in the reference text', () => {
    const d = descriptions();
    d.hotlines['NL/test-line']!.extraPhones = [{ number: '06-1111 1111', type: 'text', description: 'WhatsApp' }];
    expect(() => buildDirectory(reference(), d)).toThrow(/is not in the reference text/);
  });

  it('fails on a service type outside the taxonomy', () => {
    const d = descriptions();
    d.hotlines['NL/test-line']!.services = ['rescue' as 'hotline'];
    expect(() => buildDirectory(reference(), d)).toThrow(/unknown service type rescue/);
  });

  it('keeps a null reference number empty rather than filling it', () => {
    const d = descriptions();
    d.hotlines['NL/test-line']!.extraPhones = [];
    expect(buildDirectory(reference({ phones: [], other_channels: [] }), d).entries[0]!.phones).toEqual([]);
  });
});
